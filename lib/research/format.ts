import { csvCell } from '../csv';
import type { BeneficiaryId, Kind, PlatformId } from '../taxonomy';
import type { DisclosureRule } from './disclosure';
import type { Grain } from './grain';
import type { Granularity } from './study';

/**
 * The anonymised research export, schema version 4: aggregates only (see "What may leave the
 * browser" in the labor taxonomy and docs/research/README.md). JSON, or CSV with a Frictionless
 * datapackage.json; both forms hold the same rows.
 * Version 2 (from version 1): the kind `moderation`, ten platforms and their beneficiaries, the
 * platform `other` (beneficiary `unknown`, hand-entered actions only), and two columns counting
 * hand-entered actions apart (`manual_count`, `manual_seconds`). Version 1 files are still read
 * (their rows have no hand-entered actions: both columns are 0).
 * Version 3 (from version 2): same fields; the schemas state what the reader checks (a `detail` is
 * one of EXPORT_DETAILS, days exist, no hour in a study by the day, patterns for ids) and the JSON
 * Schema has an absolute `$id`. Version 1 and 2 files are still read by their own rules.
 * Version 4 (from version 3): granularity `week` (ISO week, keyed by its Monday) and `month` (keyed by
 * its first day); a `grain` column (each row's grain: a study's disclosure rules can make some kinds
 * coarser than the file); the file's `disclosure` rules (lib/research/disclosure.ts). Versions 1–3 are
 * still read (their rows' grain is the file's granularity).
 */
export const EXPORT_FORMAT = 'clickwork-meter/anonymised-export';
export const EXPORT_SCHEMA_VERSION = 4;
/** The versions the class totals page reads. */
export const READABLE_SCHEMA_VERSIONS: readonly number[] = [1, 2, 3, 4];
/** Larger export files are refused by the class totals page before parsing. */
export const MAX_EXPORT_BYTES = 20 * 1024 * 1024;

/** One aggregate: a day (or an hour of a day) × platform × kind × detail. */
export interface ExportRow {
  study_id: string;
  participant: string;
  /** Local calendar day, YYYY-MM-DD: the first day of the row's grain (the day itself for hours and days). */
  day: string;
  /** Local hour 0–23 for rows by the hour; null otherwise. */
  hour: number | null;
  /** The row's time grain (version 4): `day` is the first day of its span (a week's Monday, a month's 1st). */
  grain: Grain;
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
  /** The study's disclosure rules (version 4; absent when it has none). */
  disclosure?: DisclosureRule[];
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
  {
    name: 'day',
    type: 'date',
    description: 'Local calendar day of the actions; for a week, its Monday (ISO week); for a month, its first day.',
  },
  { name: 'hour', type: 'integer', description: 'Local hour (0-23) for rows by the hour; empty otherwise.' },
  { name: 'grain', type: 'string', description: "The row's time grain: hour, day, week (ISO, Monday to Sunday) or month." },
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
/** The columns of a version 2 or 3 file, and of a version 1 file. */
export const FIELDS_V3 = FIELDS.filter((f) => f.name !== 'grain');
export const FIELDS_V1 = FIELDS_V3.filter((f) => f.name !== 'manual_count' && f.name !== 'manual_seconds');

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

export { parseExportCsv } from './csv-read';
export { dataPackage } from './datapackage';
export { checkRows, normalise, parseExportJson, rowProblem, validMeta } from './format-read';
