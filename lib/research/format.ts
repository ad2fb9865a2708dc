import { csvCell } from '../csv';
import { type BeneficiaryId, beneficiaryOf, isKind, isPlatformId, type Kind, type PlatformId } from '../taxonomy';
import { isExportDetail } from './export-details';
import type { Granularity } from './study';
import { isDay, STUDY_ID } from './study';
import { PANEL_ID } from './study-extras';

/**
 * The anonymised research export, schema version 3: aggregates only (see "What may leave the
 * browser" in the labor taxonomy and docs/research/README.md). JSON, or CSV with a Frictionless
 * datapackage.json; both forms hold the same rows.
 * Version 2 (from version 1): the kind `moderation`, ten platforms and their beneficiaries, the
 * platform `other` (beneficiary `unknown`, hand-entered actions only), and two columns counting
 * hand-entered actions apart (`manual_count`, `manual_seconds`). Version 1 files are still read
 * (their rows have no hand-entered actions: both columns are 0).
 * Version 3 (from version 2): same fields; the schemas state what the reader checks (a `detail` is
 * one of EXPORT_DETAILS, days exist, no hour in a study by the day, patterns for ids) and the JSON
 * Schema has an absolute `$id`. Version 1 and 2 files are still read by their own rules.
 */
export const EXPORT_FORMAT = 'clickwork-meter/anonymised-export';
export const EXPORT_SCHEMA_VERSION = 3;
/** The versions the class totals page reads. */
export const READABLE_SCHEMA_VERSIONS: readonly number[] = [1, 2, 3];
/** Larger export files are refused by the class totals page before parsing. */
export const MAX_EXPORT_BYTES = 20 * 1024 * 1024;

/** One aggregate: a day (or an hour of a day) × platform × kind × detail. */
export interface ExportRow {
  study_id: string;
  participant: string;
  /** Local calendar day, YYYY-MM-DD. */
  day: string;
  /** Local hour 0–23 for studies by the hour; null for studies by the day. */
  hour: number | null;
  platform: PlatformId;
  beneficiary: BeneficiaryId;
  kind: Kind;
  detail: string;
  count: number;
  /** How many of the counted actions had a measured duration. */
  measured_count: number;
  /** Their summed measured time, in seconds (one decimal). */
  measured_seconds: number;
  /** How many of the counted actions the participant entered by hand (0 unless the study allows them). */
  manual_count: number;
  /** The time the participant stated for those, in seconds (one decimal). */
  manual_seconds: number;
}

export interface AnonymisedExport {
  format: typeof EXPORT_FORMAT;
  /** The version the file was written in (this extension writes the latest; version 1 files are still read). */
  schema_version: number;
  study_id: string;
  participant: string;
  consent_version: string;
  /** Day the participant agreed (YYYY-MM-DD). */
  consent_day: string;
  extension_version: string;
  granularity: Granularity;
  /** The days the rows cover, inclusive. */
  period: { from: string; to: string };
  /** How many rows the participant removed before writing the file (a count, never their content). */
  dropped_rows: number;
  /** The panel or survey participant id of a study joined from a link that carried one (absent otherwise). */
  panel_id?: string;
  rows: ExportRow[];
}

type FieldType = 'string' | 'date' | 'integer' | 'number';
interface Field {
  name: keyof ExportRow;
  type: FieldType;
  description: string;
}

/** The table's columns, in order: the CSV header, the Table Schema and the data dictionary. */
export const FIELDS: readonly Field[] = [
  { name: 'study_id', type: 'string', description: 'The study id from the study file.' },
  { name: 'participant', type: 'string', description: 'Random pseudonym made when the participant joined this study.' },
  { name: 'day', type: 'date', description: 'Local calendar day of the actions.' },
  { name: 'hour', type: 'integer', description: 'Local hour (0-23) for studies by the hour; empty for studies by the day.' },
  { name: 'platform', type: 'string', description: 'Platform id of the labor taxonomy (who received the work).' },
  { name: 'beneficiary', type: 'string', description: 'Company owning the platform (taxonomy id).' },
  { name: 'kind', type: 'string', description: 'Action kind id of the labor taxonomy.' },
  { name: 'detail', type: 'string', description: 'Refinement of the kind (like, up, checkbox, challenge, ...).' },
  {
    name: 'count',
    type: 'integer',
    description: 'Number of actions (undone actions excluded), hand-entered ones included where the study allows them.',
  },
  { name: 'measured_count', type: 'integer', description: 'How many of them had a measured duration.' },
  { name: 'measured_seconds', type: 'number', description: 'Summed measured active time of those, in seconds.' },
  {
    name: 'manual_count',
    type: 'integer',
    description: 'How many of them the participant entered by hand (always 0 unless the study allows hand-entered actions).',
  },
  {
    name: 'manual_seconds',
    type: 'number',
    description: 'Time the participant stated for the hand-entered ones, in seconds (not measured).',
  },
];
/** The columns of a version 1 file. */
export const FIELDS_V1 = FIELDS.filter((f) => f.name !== 'manual_count' && f.name !== 'manual_seconds');

export const DETAIL = /^[a-z0-9][a-z0-9-]{0,39}$/;
export const PSEUDONYM = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The rows as CSV with a header row (RFC 4180, UTF-8, LF). */
export function exportToCsv(file: AnonymisedExport): string {
  const lines = [FIELDS.map((f) => f.name).join(',')];
  for (const row of file.rows) lines.push(FIELDS.map((f) => csvCell(row[f.name])).join(','));
  return `${lines.join('\n')}\n`;
}

/** The file name both forms share: study and pseudonym, so that a folder of them never collides. */
export function exportBaseName(file: Pick<AnonymisedExport, 'study_id' | 'participant'>): string {
  return `clickwork-${file.study_id}-${file.participant}`;
}

/** Upper bounds the reader (and both schemas) set on counts and seconds. */
export const COUNT_MAX = 10_000_000;
export const SECONDS_MAX = 1e9;

export type ParseError =
  | 'too-large'
  | 'not-json'
  | 'not-csv'
  | 'foreign'
  | 'unsupported-version'
  | 'invalid-metadata'
  | 'invalid-row'
  | 'duplicate-row'
  | 'row-outside-file'
  | 'missing-column';

/** A harmless edit a CSV was read through (see lib/research/csv-read.ts). */
export type TableNote = 'bom' | 'crlf' | 'semicolons' | 'columns-reordered' | 'extra-columns' | 'index-column' | 'na';

export type ParseResult =
  | { ok: true; file: AnonymisedExport; notes?: TableNote[] }
  | { ok: false; error: ParseError; line?: number; column?: string };

const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= COUNT_MAX;

/**
 * The first column of a row that is wrong (`row` when it is not a row at all); undefined for a good
 * row. From version 3 a detail must be one the export can write (EXPORT_DETAILS).
 */
export function rowProblem(r: unknown, granularity: Granularity, version = EXPORT_SCHEMA_VERSION): string | undefined {
  if (r === null || typeof r !== 'object' || Array.isArray(r)) return 'row';
  const o = r as Record<string, unknown>;
  const hourOk =
    granularity === 'day' ? o.hour === null : Number.isInteger(o.hour) && (o.hour as number) >= 0 && (o.hour as number) <= 23;
  const seconds = (v: unknown) => typeof v === 'number' && v >= 0 && v <= SECONDS_MAX;
  const v1 = o.manual_count === undefined && o.manual_seconds === undefined; // normalise() gives it zeros
  const checks: [string, boolean][] = [
    ['study_id', typeof o.study_id === 'string'],
    ['participant', typeof o.participant === 'string'],
    ['day', isDay(o.day)],
    ['hour', hourOk],
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
    (o.granularity === 'day' || o.granularity === 'hour') &&
    typeof period === 'object' &&
    period !== null &&
    isDay(period.from) &&
    isDay(period.to) &&
    period.from <= period.to &&
    isCount(o.dropped_rows) &&
    (o.panel_id === undefined || (typeof o.panel_id === 'string' && PANEL_ID.test(o.panel_id)))
  );
}

/** Rows must belong to the file's study, participant and period, and appear once each. */
export function checkRows(meta: Omit<AnonymisedExport, 'rows'>, rows: unknown[], firstLine: number): ParseResult | undefined {
  const keys = new Set<string>();
  for (const [i, r] of rows.entries()) {
    const line = i + firstLine;
    const column = rowProblem(r, meta.granularity, meta.schema_version);
    if (column) return { ok: false, error: 'invalid-row', line, ...(column === 'row' ? {} : { column }) };
    const row = r as ExportRow;
    if (
      row.study_id !== meta.study_id ||
      row.participant !== meta.participant ||
      row.day < meta.period.from ||
      row.day > meta.period.to
    )
      return { ok: false, error: 'row-outside-file', line };
    const key = `${row.day}|${row.hour}|${row.platform}|${row.kind}|${row.detail}`;
    if (keys.has(key)) return { ok: false, error: 'duplicate-row', line };
    keys.add(key);
  }
  return undefined;
}

/** Reads the JSON form of an export; the whole file or, with a reason, nothing. */
export function parseExportJson(text: string): ParseResult {
  if (text.length > MAX_EXPORT_BYTES) return { ok: false, error: 'too-large' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: 'not-json' };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return { ok: false, error: 'foreign' };
  const o = data as Record<string, unknown>;
  if (o.format !== EXPORT_FORMAT) return { ok: false, error: 'foreign' };
  if (!READABLE_SCHEMA_VERSIONS.includes(o.schema_version as number)) return { ok: false, error: 'unsupported-version' };
  if (!validMeta(o) || !Array.isArray(o.rows)) return { ok: false, error: 'invalid-metadata' };
  if (!o.rows.every((r) => hasColumnsOf(r, o.schema_version as number))) return { ok: false, error: 'invalid-row' };
  const file = o as unknown as AnonymisedExport;
  const bad = checkRows(file, o.rows, 1);
  if (bad) return bad;
  return { ok: true, file: normalise(file) };
}

/** A version 2 row has the hand-entered columns; a version 1 row has none of them. */
function hasColumnsOf(r: unknown, version: number): boolean {
  if (r === null || typeof r !== 'object') return true; // rowProblem refuses it with its line
  const has = 'manual_count' in r || 'manual_seconds' in r;
  return version === 1 ? !has : 'manual_count' in r && 'manual_seconds' in r;
}

/** Only the documented fields, in a fresh object: nothing unknown is carried along. */
export function normalise(file: AnonymisedExport): AnonymisedExport {
  return {
    format: EXPORT_FORMAT,
    schema_version: file.schema_version,
    study_id: file.study_id,
    participant: file.participant,
    consent_version: file.consent_version,
    consent_day: file.consent_day,
    extension_version: file.extension_version,
    granularity: file.granularity,
    period: { from: file.period.from, to: file.period.to },
    dropped_rows: file.dropped_rows,
    ...(file.panel_id !== undefined ? { panel_id: file.panel_id } : {}),
    rows: file.rows.map(
      (r) =>
        Object.fromEntries(
          FIELDS.map((f) => [f.name, r[f.name] ?? (f.name === 'manual_count' || f.name === 'manual_seconds' ? 0 : r[f.name])]),
        ) as unknown as ExportRow,
    ),
  };
}

export { parseExportCsv } from './csv-read';
export { dataPackage } from './datapackage';
