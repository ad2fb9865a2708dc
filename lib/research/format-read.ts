import { readJsonFile } from '../json-file';
import { beneficiaryOf, isKind, isPlatformId, KINDS } from '../taxonomy';
import { type DisclosureRule, parseDisclosure } from './disclosure';
import { isExportDetail } from './export-details';
import {
  type AnonymisedExport,
  COUNT_MAX,
  DETAIL,
  EXPORT_FORMAT,
  type ExportRow,
  FIELDS,
  MAX_EXPORT_BYTES,
  type ParseResult,
  PSEUDONYM,
  READABLE_SCHEMA_VERSIONS,
  SECONDS_MAX,
} from './format';
import { bucketStart, type Grain, isBucketStart, isGrain } from './grain';
import { isDay, STUDY_ID } from './study';
import { PANEL_ID } from './study-extras';

/** Reading an export file (JSON here, CSV in csv-read.ts): what the class totals page accepts. */
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= COUNT_MAX;

/** The grain each kind's rows have in a file: its disclosure rule's, else the file's granularity. */
export function grainOfKind(granularity: Grain, rules: readonly DisclosureRule[] | undefined): (kind: unknown) => Grain {
  return (kind) => rules?.find((r) => r.kinds.includes(kind as never))?.granularity ?? granularity;
}

/**
 * The first column of a row that is wrong (`row` when it is not a row at all); undefined for a good
 * row. From version 3 a detail must be one the export can write (EXPORT_DETAILS); from version 4 a
 * row has its kind's grain (`grainOf`), and its day starts that grain's span (a Monday, a 1st).
 */
export function rowProblem(r: unknown, grainOf: (kind: unknown) => Grain, version: number): string | undefined {
  if (r === null || typeof r !== 'object' || Array.isArray(r)) return 'row';
  const o = r as Record<string, unknown>;
  const grain = version >= 4 ? o.grain : grainOf(o.kind);
  const hourOk =
    grain === 'hour' ? Number.isInteger(o.hour) && (o.hour as number) >= 0 && (o.hour as number) <= 23 : o.hour === null;
  const seconds = (v: unknown) => typeof v === 'number' && v >= 0 && v <= SECONDS_MAX;
  const v1 = o.manual_count === undefined && o.manual_seconds === undefined; // normalise() gives it zeros
  const checks: [string, boolean][] = [
    ['study_id', typeof o.study_id === 'string'],
    ['participant', typeof o.participant === 'string'],
    ['day', isDay(o.day) && (!isGrain(grain) || isBucketStart(o.day, grain))],
    ['hour', hourOk],
    ['grain', isGrain(grain) && (!isKind(o.kind) || grain === grainOf(o.kind))],
    ['platform', isPlatformId(o.platform)],
    ['beneficiary', isPlatformId(o.platform) && o.beneficiary === beneficiaryOf(o.platform)],
    ['kind', isKind(o.kind)],
    ['detail', typeof o.detail === 'string' && DETAIL.test(o.detail) && (version < 3 || isExportDetail(o.detail))],
    ['count', isCount(o.count) && o.count > 0],
    ['measured_count', isCount(o.measured_count) && o.measured_count <= (o.count as number)],
    ['measured_seconds', seconds(o.measured_seconds)],
    ['manual_count', v1 || (isCount(o.manual_count) && o.manual_count + (o.measured_count as number) <= (o.count as number))],
    ['manual_seconds', v1 || seconds(o.manual_seconds)],
  ];
  return checks.find(([, ok]) => !ok)?.[0];
}

/** Version 4 files may be by the week or month and carry disclosure rules; older ones by the day or hour only. */
function grainMeta(o: Record<string, unknown>): boolean {
  if ((o.schema_version as number) < 4)
    return (o.granularity === 'day' || o.granularity === 'hour') && o.disclosure === undefined;
  if (!isGrain(o.granularity)) return false;
  return o.disclosure === undefined || parseDisclosure(o.disclosure, o.granularity, KINDS).ok;
}

export function validMeta(o: Record<string, unknown>): boolean {
  const text = (v: unknown, max: number) => typeof v === 'string' && v.length > 0 && v.length <= max;
  const period = o.period as Record<string, unknown> | null | undefined;
  return (
    typeof o.study_id === 'string' &&
    STUDY_ID.test(o.study_id) &&
    typeof o.participant === 'string' &&
    PSEUDONYM.test(o.participant) &&
    text(o.consent_version, 40) &&
    isDay(o.consent_day) &&
    text(o.extension_version, 40) &&
    grainMeta(o) &&
    typeof period === 'object' &&
    period !== null &&
    isDay(period.from) &&
    isDay(period.to) &&
    period.from <= period.to &&
    isCount(o.dropped_rows) &&
    (o.panel_id === undefined || (typeof o.panel_id === 'string' && PANEL_ID.test(o.panel_id)))
  );
}

/**
 * Rows must belong to the file's study, participant and period, and appear once each. A week or
 * month row belongs to the period when its span meets it (its Monday or 1st may come before).
 */
export function checkRows(meta: Omit<AnonymisedExport, 'rows'>, rows: unknown[], firstLine: number): ParseResult | undefined {
  const keys = new Set<string>();
  const grainOf = grainOfKind(meta.granularity, meta.disclosure);
  for (const [i, r] of rows.entries()) {
    const line = i + firstLine;
    const column = rowProblem(r, grainOf, meta.schema_version);
    if (column) return { ok: false, error: 'invalid-row', line, ...(column === 'row' ? {} : { column }) };
    const row = r as ExportRow;
    const grain = grainOf(row.kind);
    if (
      row.study_id !== meta.study_id ||
      row.participant !== meta.participant ||
      row.day < bucketStart(meta.period.from, grain) ||
      row.day > meta.period.to
    )
      return { ok: false, error: 'row-outside-file', line };
    const key = `${row.day}|${row.hour}|${grain}|${row.platform}|${row.kind}|${row.detail}`;
    if (keys.has(key)) return { ok: false, error: 'duplicate-row', line };
    keys.add(key);
  }
  return undefined;
}

/** Reads the JSON form of an export; the whole file or, with a reason, nothing. */
export function parseExportJson(text: string): ParseResult {
  const read = readJsonFile(text, MAX_EXPORT_BYTES, EXPORT_FORMAT);
  if (!read.ok) return read;
  const o = read.data;
  if (!READABLE_SCHEMA_VERSIONS.includes(o.schema_version as number)) return { ok: false, error: 'unsupported-version' };
  if (!validMeta(o) || !Array.isArray(o.rows)) return { ok: false, error: 'invalid-metadata' };
  if (!o.rows.every((r) => hasColumnsOf(r, o.schema_version as number))) return { ok: false, error: 'invalid-row' };
  const file = o as unknown as AnonymisedExport;
  const bad = checkRows(file, o.rows, 1);
  if (bad) return bad;
  return { ok: true, file: normalise(file) };
}

/** A version 2 row has the hand-entered columns; a version 1 row has none; a version 4 row has its grain. */
function hasColumnsOf(r: unknown, version: number): boolean {
  if (r === null || typeof r !== 'object') return true; // rowProblem refuses it with its line
  const has = 'manual_count' in r || 'manual_seconds' in r;
  if (version >= 4 !== 'grain' in r) return false;
  return version === 1 ? !has : 'manual_count' in r && 'manual_seconds' in r;
}

/** Only the documented fields, in a fresh object: nothing unknown is carried along. Older rows get the file's grain. */
export function normalise(file: AnonymisedExport): AnonymisedExport {
  const grainOf = grainOfKind(file.granularity, file.disclosure);
  const zero = (name: string) => name === 'manual_count' || name === 'manual_seconds';
  return {
    format: EXPORT_FORMAT,
    schema_version: file.schema_version,
    study_id: file.study_id,
    participant: file.participant,
    consent_version: file.consent_version,
    consent_day: file.consent_day,
    extension_version: file.extension_version,
    granularity: file.granularity,
    ...(file.disclosure !== undefined ? { disclosure: structuredClone(file.disclosure) } : {}),
    period: { from: file.period.from, to: file.period.to },
    dropped_rows: file.dropped_rows,
    ...(file.panel_id !== undefined ? { panel_id: file.panel_id } : {}),
    rows: file.rows.map(
      (r) =>
        Object.fromEntries(
          FIELDS.map((f) => [f.name, r[f.name] ?? (zero(f.name) ? 0 : f.name === 'grain' ? grainOf(r.kind) : r[f.name])]),
        ) as unknown as ExportRow,
    ),
  };
}
