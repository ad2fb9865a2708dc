import { strToU8, zipSync } from 'fflate';
import { dailyKey, isReadableDaily, noteUnreadable } from '../db/rows';
import { type ClickworkDB, type DailyRollup, dayKey } from '../db/schema';
import { beneficiaryOf, type Kind, type PlatformId } from '../taxonomy';
import { knownDetails } from './details';
import { sortRows } from './disclosure-apply';
import { hourRows } from './export-hours';
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
import { bucketStart } from './grain';
import type { Enrolment } from './study';

/** The days an export for this enrolment covers today (inclusive); undefined before it starts. */
export function exportPeriod(enrolment: Enrolment, now = Date.now()): { from: string; to: string } | undefined {
  const from = enrolment.study.startDate ?? enrolment.consentDay;
  const today = dayKey(now);
  const to = [enrolment.study.endDate, today].sort()[0] as string; // the earlier of two YYYY-MM-DD days
  return from <= to ? { from, to } : undefined;
}

/** One platform/kind/detail's counts, as a day rollup or a single event gives them. */
interface Part {
  platform: PlatformId;
  kind: Kind;
  detail: string;
  count: number;
  measuredCount: number;
  measuredMs: number;
  manualCount: number;
  manualMs: number;
}

/** A rollup row's counts. */
const partOf = (r: DailyRollup): Part => ({
  platform: r.platform,
  kind: r.kind,
  detail: r.detail,
  count: r.count,
  measuredCount: r.measuredCount,
  measuredMs: r.measuredMs,
  manualCount: r.manualCount ?? 0,
  manualMs: r.manualMs ?? 0,
});

/** A detail no detector reports leaves as `other`: never free text, never a made-up token. */
const safeDetail = (detail: string) => (DETAIL.test(detail) && knownDetails().has(detail) ? detail : 'other');

/** A row being summed: its times in milliseconds until they are written as seconds. */
type SumRow = ExportRow & { measured_ms: number; manual_ms: number };

/** A row at zero for one bucket (day, hour) of one platform/kind/detail. */
function zeroRow({ study, pseudonym }: Enrolment, day: string, hour: number | null, r: Part, detail: string): SumRow {
  return {
    study_id: study.id,
    participant: pseudonym,
    day,
    hour,
    grain: study.granularity,
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
}

/** Adds a day (or hour) of one platform/kind/detail to `acc`; hand-entered parts only where the study allows them. */
function rowAdder(enrolment: Enrolment, acc: Map<string, SumRow>): (at: { day: string; hour: number | null }, r: Part) => void {
  const { study } = enrolment;
  const platforms = new Set<PlatformId>(study.platforms);
  const kinds = new Set<Kind>(study.kinds);
  const include = study.includeManual === true;
  return (at, r) => {
    const manual = include ? r.manualCount : 0;
    const count = r.count - (include ? 0 : r.manualCount);
    if (!platforms.has(r.platform) || !kinds.has(r.kind) || count <= 0) return;
    const detail = safeDetail(r.detail);
    const day = bucketStart(at.day, study.granularity);
    const key = `${day}|${at.hour}|${r.platform}|${r.kind}|${detail}`;
    let row = acc.get(key);
    if (!row) {
      row = zeroRow(enrolment, day, at.hour, r, detail);
      acc.set(key, row);
    }
    row.count += count;
    row.measured_count += r.measuredCount;
    row.measured_ms += r.measuredMs;
    row.manual_count += manual;
    row.manual_ms += include ? r.manualMs : 0;
  };
}

/**
 * The rows a participant would send: aggregates of their active (not undone) actions on the
 * study's platforms and kinds, by hour, day, ISO week (keyed by its Monday) or month (keyed by its
 * 1st), from the local day and hour stamped on each action, within the study period (a week or
 * month row holds only the period's days). Disclosure rules are applied apart (disclose.ts). Hand-entered actions
 * only when the study allows them (`include_manual`), counted apart in `manual_count`. Nothing else
 * is read into them: no host, target, exact time or text.
 */
export async function candidateRows(db: ClickworkDB, enrolment: Enrolment, now = Date.now()): Promise<ExportRow[]> {
  const period = exportPeriod(enrolment, now);
  if (!period) return [];
  // The day or hour rollups are kept in the same transaction as the events: exact, cheap to read,
  // and in the local day and hour stamped when each action was recorded (lib/db/local-time.ts).
  // By the hour: the packed rows of lib/db/hours.ts, read in place (unreadable ones noted there).
  if (enrolment.study.granularity === 'hour') return hourRows(db, enrolment, period, safeDetail);
  const acc = new Map<string, SumRow>();
  const add = rowAdder(enrolment, acc);
  const rollups = await db.daily.where('day').between(period.from, period.to, true, true).toArray();
  for (const r of rollups) {
    if (isReadableDaily(r)) add({ day: r.day, hour: null }, partOf(r));
    else noteUnreadable('daily', dailyKey(r));
  }
  const rows = [...acc.values()].map(({ measured_ms, manual_ms, ...row }) => ({
    ...row,
    measured_seconds: Math.round(measured_ms / 100) / 10,
    manual_seconds: Math.round(manual_ms / 100) / 10,
  }));
  return sortRows(rows);
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
    ...(enrolment.study.disclosure ? { disclosure: structuredClone(enrolment.study.disclosure) } : {}),
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
