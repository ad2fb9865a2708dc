import { linkSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { buildExport } from '@/lib/research/export';
import { type AnonymisedExport, type ExportRow, exportBaseName, parseExportJson } from '@/lib/research/format';
import { exportJsonSchema } from '@/lib/research/json-schema';
import { type Enrolment, parseStudy, type Study } from '@/lib/research/study';
import { monthEnd, type Participant, participant, rng, STUDIES, type StudyPlan, studyMonths } from './population';

/**
 * Writes the population's files as a research team collects them, one file per participant per
 * month, in a hive-style folder `exports/study=<id>/month=<YYYY-MM>/clickwork-<id>-<pseudonym>.json`
 * (the file name alone repeats every month), and hard links each participant's latest file into
 * `latest/` (what the documentation says to keep). Every file goes through the extension's own
 * export code and reader; every 20th also through ajv with the export's JSON Schema. The totals are
 * summed here, while writing, for the DuckDB results to be checked against.
 */

export interface Line {
  actions: number;
  measuredActions: number;
  measuredTenths: number;
  /** Participants (by number) with a row in this line. */
  who: Set<number>;
}
export interface Totals {
  files: number;
  rows: number;
  /** Keyed `platform|kind`, `platform|`, `|kind` and `|` (the total). */
  lines: Map<string, Line>;
}
export interface Generated {
  files: number;
  participants: number;
  /** Files per study. */
  studies: Map<string, { files: number; participants: number; rows: number; dropped: number }>;
  months: Set<string>;
  bytes: number;
  schemaChecked: number;
  /** Over each participant's latest file (the true totals) and over every file (what a plain glob over the whole folder sums). */
  latest: Totals;
  all: Totals;
}

const emptyTotals = (): Totals => ({ files: 0, rows: 0, lines: new Map() });
function add(t: Totals, who: number, rows: readonly ExportRow[]) {
  t.files++;
  t.rows += rows.length;
  for (const r of rows) {
    const tenths = Math.round(r.measured_seconds * 10);
    for (const key of [`${r.platform}|${r.kind}`, `${r.platform}|`, `|${r.kind}`, '|']) {
      const l = t.lines.get(key) ?? { actions: 0, measuredActions: 0, measuredTenths: 0, who: new Set<number>() };
      t.lines.set(key, l);
      l.actions += r.count;
      l.measuredActions += r.measured_count;
      l.measuredTenths += tenths;
      l.who.add(who);
    }
  }
}

/** The study file a researcher would publish for this plan, read by the extension's own parser. */
function studyOf(plan: StudyPlan): Study {
  const r = parseStudy(
    JSON.stringify({
      ...{ format: 'clickwork-meter/study', version: 1, id: plan.id, title: `Synthetic: ${plan.id}` },
      ...{ researcher: 'Synthetic population', contact: 'research@example.invalid' },
      ...{ consent: { version: '1.0', text: 'Synthetic consent.' }, granularity: plan.granularity },
      ...{ startDate: plan.startDate, endDate: plan.endDate },
    }),
  );
  if (!r.ok) throw new Error(`study ${plan.id} refused: ${r.error}`);
  return r.study;
}

/** The participant's file of their k-th month, saved on its last day (or the study's). */
function monthFile(p: Participant, study: Study, k: number): AnonymisedExport {
  const to = [monthEnd(`${p.months[k]}-01`), p.plan.endDate].sort()[0] as string;
  const withheld = (i: number) => (p.withheld.get(i) ?? Number.POSITIVE_INFINITY) <= k;
  const kept = p.rows.filter((r, i) => r.day <= to && !withheld(i));
  const dropped = p.rows.filter((r, i) => r.day <= to && withheld(i)).length;
  const [y, m, d] = to.split('-').map(Number) as [number, number, number];
  const enrolment: Enrolment = { study, pseudonym: p.pseudonym, consentDay: p.consentDay };
  return buildExport(enrolment, kept, dropped, '0.1.0', new Date(y, m - 1, d, 12).getTime());
}

const ajv = new Ajv2020({ allErrors: true, strict: true }).compile(exportJsonSchema());

/** The bytes the participant page saves (entrypoints/research/SendPanel.tsx, fileBytes), checked by the extension's reader. */
function fileText(file: AnonymisedExport, schemaCheck: boolean): string {
  const text = JSON.stringify(file, null, 1);
  const read = parseExportJson(text);
  if (!read.ok) throw new Error(`generated file refused by the extension's reader: ${read.error}`);
  if (schemaCheck && !ajv(file)) throw new Error(`generated file refused by the JSON Schema: ${JSON.stringify(ajv.errors)}`);
  return text;
}

/** Writes `files` files under `dir` and returns what they hold. */
export function generate(dir: string, files: number, seed = 2026, progress?: (n: number) => void): Generated {
  const rand = rng(seed);
  const out: Generated = {
    ...{ files: 0, participants: 0, studies: new Map(), months: new Set<string>(), bytes: 0, schemaChecked: 0 },
    ...{ latest: emptyTotals(), all: emptyTotals() },
  };
  mkdirSync(join(dir, 'latest'), { recursive: true });
  let budgetLeft = files;
  STUDIES.forEach((plan, s) => {
    const study = studyOf(plan);
    for (const month of studyMonths(plan))
      mkdirSync(join(dir, 'exports', `study=${plan.id}`, `month=${month}`), { recursive: true });
    const stats = { files: 0, participants: 0, rows: 0, dropped: 0 };
    out.studies.set(plan.id, stats);
    let budget = s === STUDIES.length - 1 ? budgetLeft : Math.round(files * plan.share);
    budgetLeft -= budget;
    while (budget > 0) {
      const p = participant(rand, plan, budget);
      const who = out.participants++;
      stats.participants++;
      p.months.forEach((month, k) => {
        const file = monthFile(p, study, k);
        const text = fileText(file, out.files % 20 === 0);
        const path = join(dir, 'exports', `study=${plan.id}`, `month=${month}`, `${exportBaseName(file)}.json`);
        writeFileSync(path, text);
        out.bytes += Buffer.byteLength(text);
        out.schemaChecked += out.files % 20 === 0 ? 1 : 0;
        out.months.add(month);
        add(out.all, who, file.rows);
        stats.files++;
        stats.rows += file.rows.length;
        stats.dropped += file.dropped_rows;
        if (k === p.months.length - 1) {
          add(out.latest, who, file.rows);
          linkSync(path, join(dir, 'latest', `${exportBaseName(file)}.json`));
        }
        if (++out.files % 10_000 === 0) progress?.(out.files);
      });
      budget -= p.months.length;
    }
  });
  return out;
}
