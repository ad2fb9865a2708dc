import { csvCell } from '../csv';
import type { ClassTotals } from './class-merge';
import { decode, isZip, readZip } from './class-zip';
import {
  type AnonymisedExport,
  MAX_EXPORT_BYTES,
  type ParseError,
  parseExportCsv,
  parseExportJson,
  type TableNote,
} from './format';

export {
  type BeneficiaryRow,
  type ClassRow,
  type ClassTotals,
  type DetailRow,
  type KindRow,
  mergeClass,
  type NamedExport,
  type PlatformRow,
} from './class-merge';
export { MAX_ZIP_ENTRIES } from './class-zip';

/**
 * Class totals: a teacher (or a researcher) merges many anonymised exports in a page, with no
 * server. Every file is checked as a whole; a file that fails contributes nothing at all.
 */

/** Why a file was refused: the parser's reasons, and those of reading the file itself. */
export type ReadError =
  | ParseError
  /** Not UTF-8 text. */
  | 'not-text'
  /** A .zip that cannot be opened (damaged, cut short, unknown compression, wrong checksum). */
  | 'zip-damaged'
  /** More entries than an export zip ever has. */
  | 'zip-too-many-entries'
  /** No datapackage.json in the zip. */
  | 'zip-no-datapackage'
  /** datapackage.json is not JSON, or names no CSV resource. */
  | 'zip-bad-datapackage'
  /** The CSV the datapackage names is not in the zip. */
  | 'zip-no-csv'
  /** Neither JSON, nor a zip, nor CSV by its name. */
  | 'unknown-type';

export type ReadResult =
  | { ok: true; file: AnonymisedExport; form: 'json' | 'zip' | 'csv'; notes?: TableNote[] }
  | { ok: false; error: ReadError; line?: number; column?: string };

/**
 * Reads one dropped file by its name: `.json` (the JSON form), `.zip` (datapackage.json and its
 * CSV) or `.csv` (the CSV alone). Any other name is read as a zip when it is one, else as JSON.
 * Never throws: the whole file, or a reason.
 */
export function readExportFile(name: string, bytes: Uint8Array): ReadResult {
  if (bytes.length > MAX_EXPORT_BYTES) return { ok: false, error: 'too-large' };
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (ext === 'zip' || (ext !== 'json' && ext !== 'csv' && isZip(bytes))) return readZip(bytes);
  const text = decode(bytes);
  if (text === undefined) return { ok: false, error: ext === 'json' || ext === 'csv' ? 'not-text' : 'unknown-type' };
  if (ext === 'csv') {
    const parsed = parseExportCsv(text);
    return parsed.ok ? { ...parsed, form: 'csv' } : parsed;
  }
  const parsed = parseExportJson(text);
  if (parsed.ok) return { ...parsed, form: 'json' };
  // A file of unknown type that is not even JSON is not one of ours.
  if (ext !== 'json' && parsed.error === 'not-json') return { ok: false, error: 'unknown-type' };
  return parsed;
}

const CSV_COLUMNS = [
  'table',
  'platform',
  'beneficiary',
  'kind',
  'detail',
  'count',
  'measured_count',
  'measured_seconds',
  'participants',
] as const;
type CsvLine = Partial<Record<(typeof CSV_COLUMNS)[number], string | number>>;

/**
 * The totals as one CSV table (UTF-8, LF): the `table` column says which breakdown a line belongs
 * to — `total`, `kind`, `platform`, `beneficiary` or `detail` (platform × kind × detail) — so a
 * spreadsheet filter shows one at a time. Ids are the taxonomy's, never translated.
 */
export function classTotalsCsv(totals: ClassTotals): string {
  const lines: CsvLine[] = [
    {
      table: 'total',
      count: totals.actions,
      measured_count: totals.measuredCount,
      measured_seconds: totals.measuredSeconds,
      participants: totals.participants,
    },
    ...totals.byKind.map((r) => ({ table: 'kind', ...r })),
    ...totals.byPlatform.map((r) => ({ table: 'platform', ...r })),
    ...totals.byBeneficiary.map((r) => ({ table: 'beneficiary', ...r })),
    ...totals.rows.map((r) => ({ table: 'detail', ...r })),
  ];
  // Through the shared cell writer like every CSV the extension writes (formula-safe, quoted where needed).
  const body = lines.map((l) => CSV_COLUMNS.map((c) => csvCell(l[c] ?? '')).join(','));
  return `${[CSV_COLUMNS.join(','), ...body].join('\n')}\n`;
}
