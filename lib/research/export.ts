import Dexie from 'dexie';
import { strToU8, zipSync } from 'fflate';
import { dailyKey, hourlyKey, isReadableDaily, isReadableHourly, noteUnreadable } from '../db/rows';
import { type ClickworkDB, type DailyRollup, dayKey } from '../db/schema';
import { beneficiaryOf, type Kind, type PlatformId } from '../taxonomy';
import { knownDetails } from './details';
import {
  type AnonymisedExport,
  DETAIL,
  dataPackage,
  EXPORT_FORMAT,
  EXPORT_SCHEMA_VERSION,
  type ExportRow,
  exportBaseName,
  exportToCsv,
} from './format';
import type { Enrolment } from './study';

/** The days an export for this enrolment covers today (inclusive); undefined before it starts. */
export function exportPeriod(enrolment: Enrolment, now = Date.now()): { from: string; to: string } | undefined {
  const from = enrolment.study.startDate ?? enrolment.consentDay;
  const today = dayKey(now);
  const to = [enrolment.study.endDate, today].sort()[0] as string; // the earlier of two YYYY-MM-DD days
  return from <= to ? { from, to } : undefined;
}

/** A detail no detector reports leaves as `other`: never free text, never a made-up token. */
const safeDetail = (detail: string) => (DETAIL.test(detail) && knownDetails().has(detail) ? detail : 'other');

type Accumulated = ExportRow & { measured_ms: number; manual_ms: number };

/** A row's place in the export: by day, hour (none first), platform, kind and detail; also its key while adding up. */
const orderKey = (day: string, hour: number | null, platform: string, kind: string, detail: string) =>
  `${day}|${String(hour ?? -1).padStart(2, '0')}|${platform}|${kind}|${detail}`;

/**
 * The day or hour rollups of the period (kept in the same transaction as the events: exact, and in
 * the local day and hour stamped when each action was recorded, lib/db/local-time.ts). Read by
 * primary key, whose first part is the day: a range of the table itself, not of its `day` index,
 * which would cost a second lookup per row (a year by hour is about 50,000 rows).
 */
async function periodRollups(db: ClickworkDB, hourly: boolean, period: { from: string; to: string }) {
  const table = hourly ? db.hourly : db.daily;
  const readable = hourly ? isReadableHourly : isReadableDaily;
  const rows = await table.where(':id').between([period.from], [period.to, Dexie.maxKey], true, true).toArray();
  return rows.filter((r) => {
    if (readable(r)) return true;
    noteUnreadable(hourly ? 'hourly' : 'daily', (hourly ? hourlyKey : dailyKey)(r as never));
    return false;
  }) as (DailyRollup & { hour?: number })[];
}

/**
 * The rows a participant would send: aggregates of their active (not undone) actions on the
 * study's platforms and kinds, by day or by hour (local, as recorded), within the study period. Hand-entered actions
 * only when the study allows them (`include_manual`), counted apart in `manual_count`. Nothing else
 * is read into them: no host, target, exact time or text.
 */
export async function candidateRows(db: ClickworkDB, enrolment: Enrolment, now = Date.now()): Promise<ExportRow[]> {
  const period = exportPeriod(enrolment, now);
  if (!period) return [];
  const { study, pseudonym } = enrolment;
  const platforms = new Set<PlatformId>(study.platforms);
  const kinds = new Set<Kind>(study.kinds);
  const include = study.includeManual === true;
  const hourly = study.granularity === 'hour';
  const acc = new Map<string, Accumulated>();
  for (const r of await periodRollups(db, hourly, period)) {
    const manualCount = r.manualCount ?? 0;
    // Hand-entered parts only where the study allows them.
    const count = r.count - (include ? 0 : manualCount);
    if (!platforms.has(r.platform) || !kinds.has(r.kind) || count <= 0) continue;
    const hour = hourly ? (r.hour as number) : null;
    const detail = safeDetail(r.detail);
    const key = orderKey(r.day, hour, r.platform, r.kind, detail);
    let row = acc.get(key);
    if (!row) {
      row = {
        study_id: study.id,
        participant: pseudonym,
        day: r.day,
        hour,
        platform: r.platform,
        beneficiary: beneficiaryOf(r.platform),
        kind: r.kind,
        detail,
        count: 0,
        measured_count: 0,
        measured_seconds: 0,
        manual_count: 0,
        manual_seconds: 0,
        measured_ms: 0,
        manual_ms: 0,
      };
      acc.set(key, row);
    }
    row.count += count;
    row.measured_count += r.measuredCount;
    row.measured_ms += r.measuredMs;
    row.manual_count += include ? manualCount : 0;
    row.manual_ms += include ? (r.manualMs ?? 0) : 0;
  }
  // Sorted by the key each row was added up under: one string per row, not two per comparison.
  const keys = [...acc.keys()].sort();
  return keys.map((key) => {
    const { measured_ms, manual_ms, ...row } = acc.get(key) as Accumulated;
    return { ...row, measured_seconds: Math.round(measured_ms / 100) / 10, manual_seconds: Math.round(manual_ms / 100) / 10 };
  });
}

/** The file, from the rows the participant kept; `dropped` counts the rows they removed. */
export function buildExport(
  enrolment: Enrolment,
  kept: readonly ExportRow[],
  dropped: number,
  extensionVersion: string,
  now = Date.now(),
): AnonymisedExport {
  const period = exportPeriod(enrolment, now) ?? { from: enrolment.consentDay, to: enrolment.consentDay };
  return {
    format: EXPORT_FORMAT,
    schema_version: EXPORT_SCHEMA_VERSION,
    study_id: enrolment.study.id,
    participant: enrolment.pseudonym,
    consent_version: enrolment.study.consent.version,
    consent_day: enrolment.consentDay,
    extension_version: extensionVersion,
    granularity: enrolment.study.granularity,
    period,
    dropped_rows: dropped,
    ...(enrolment.panelId ? { panel_id: enrolment.panelId } : {}),
    rows: kept.map((r) => ({ ...r })),
  };
}

/** The CSV form: a zip holding the CSV and its datapackage.json. */
export function exportZip(file: AnonymisedExport): Uint8Array {
  const base = exportBaseName(file);
  return zipSync(
    {
      'datapackage.json': strToU8(JSON.stringify(dataPackage(file), null, 2)),
      [`${base}.csv`]: strToU8(exportToCsv(file)),
    },
    { level: 6, mtime: new Date(2000, 0, 1) },
  );
}
