import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildExport, exportZip } from '@/lib/research/export';
import { type AnonymisedExport, type ExportRow, exportBaseName, exportToCsv } from '@/lib/research/format';
import type { Enrolment, Study } from '@/lib/research/study';
import { beneficiaryOf, KINDS, type Kind, PLATFORM_IDS, type PlatformId } from '@/lib/taxonomy';
import { pseudonym, rng } from '../unit/class-fixtures';
import { plausibleMonth } from './month';

/**
 * The README's class-totals picture: what a teacher collects after a two-week class exercise, each
 * student's file made by the extension's own export code from a plausible month of their own (the
 * same habits, other draws), as JSON, zip and CSV; plus a file cut short in a download and a second
 * copy of one student's file, which the page refuses.
 */
const DAY = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');
const isoDay = (ts: number) => {
  const d = new Date(ts);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

function classStudy(now: number): Study {
  return {
    format: 'clickwork-meter/study',
    version: 1,
    id: 'socio-l2-clickwork-2027',
    title: 'Sociology of work, 2nd year: our own click-work',
    researcher: 'M. Durand, Sociology department, Université de Lyon',
    contact: 'clickwork-class@univ-lyon.example',
    consent: { version: '1', text: 'Class exercise: only counts per day, platform and kind leave your browser.' },
    granularity: 'day',
    platforms: PLATFORM_IDS.filter((p) => p !== 'practice'),
    kinds: [...KINDS],
    startDate: isoDay(now - 14 * DAY),
    endDate: isoDay(now - DAY),
    includeManual: false,
  };
}

/** One student's file: their month's actions of the study's period, added up per day as the export does. */
function studentExport(study: Study, seed: number, now: number): AnonymisedExport {
  const enrolment: Enrolment = { study, pseudonym: pseudonym(rng(seed)), consentDay: study.startDate as string };
  const rows = new Map<string, ExportRow>();
  for (const e of plausibleMonth(now, seed)) {
    const day = isoDay(e.ts);
    if (e.signal === 'manual' || day < (study.startDate as string) || day > study.endDate) continue;
    const key = `${day}|${e.platform}|${e.kind}|${e.detail}`;
    const row = rows.get(key) ?? {
      study_id: study.id,
      participant: enrolment.pseudonym,
      day,
      hour: null,
      grain: 'day',
      platform: e.platform as PlatformId,
      beneficiary: beneficiaryOf(e.platform as PlatformId),
      kind: e.kind as Kind,
      detail: e.detail,
      count: 0,
      measured_count: 0,
      measured_seconds: 0,
      manual_count: 0,
      manual_seconds: 0,
    };
    row.count += e.count ?? 1;
    if (e.durationMs !== undefined) {
      row.measured_count += 1;
      row.measured_seconds = Math.round((row.measured_seconds + e.durationMs / 1000) * 10) / 10;
    }
    rows.set(key, row);
  }
  return buildExport(enrolment, [...rows.values()], 0, '0.1.0', now);
}

/** Writes the five files into `dir`; returns their paths in the order a teacher would drop them. */
export function classFiles(dir: string, now = Date.now()): string[] {
  const study = classStudy(now);
  const [a, b, c] = [11, 23, 37].map((seed) => studentExport(study, seed, now)) as [
    AnonymisedExport,
    AnonymisedExport,
    AnonymisedExport,
  ];
  const files: [string, string | Uint8Array][] = [
    [`${exportBaseName(a)}.json`, JSON.stringify(a, null, 2)],
    [`${exportBaseName(b)}.zip`, exportZip(b)],
    [`${exportBaseName(c)}.csv`, exportToCsv(c)],
    [`${exportBaseName(c)} (1).json`, JSON.stringify(c).slice(0, 400)],
    [`${exportBaseName(a)} (copy).zip`, exportZip(a)],
  ];
  return files.map(([name, content]) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  });
}
