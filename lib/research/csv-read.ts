import { parseCsv } from '../csv';
import {
  type AnonymisedExport,
  checkRows,
  EXPORT_FORMAT,
  EXPORT_SCHEMA_VERSION,
  FIELDS,
  FIELDS_V1,
  FIELDS_V3,
  MAX_EXPORT_BYTES,
  normalise,
  type ParseResult,
  READABLE_SCHEMA_VERSIONS,
  type TableNote,
  validMeta,
} from './format';
import { GRAINS, type Grain, isGrain } from './grain';
import { isDay } from './study';

/** The finest grain among rows (day when none can be read). */
const finest = (rows: Record<string, unknown>[]): Grain => GRAINS.find((g) => rows.some((r) => r.grain === g)) ?? 'day';

/**
 * The CSV form as people hand it on after opening it in pandas, R or a spreadsheet: columns found
 * by name (reordered, extra, or an unnamed index column are harmless), `;` as separator, a
 * byte-order mark, CRLF line ends, and R's `NA` where a value may be empty (the hour of a study by
 * the day). Each such edit is noted; a real problem is named by its line and column.
 */
type Table = { ok: true; rows: Record<string, unknown>[]; version: number; notes: TableNote[] };
type Refusal = Extract<ParseResult, { ok: false }>;

/** The records, read with the separator the header uses. */
function records(text: string, notes: TableNote[]): string[][] | undefined {
  const first = text.slice(0, text.search(/\r?\n|$/));
  const semicolons = !first.includes(',') && first.includes(';');
  if (semicolons) notes.push('semicolons');
  return parseCsv(text, semicolons ? ';' : ',');
}

/** Which version's columns the header holds, and where each is; the first missing one otherwise. */
function columns(header: string[], notes: TableNote[]): { version: number; at: number[] } | Refusal {
  const names = header.map((h) => h.trim());
  // A grain column: version 4; the hand-entered columns: version 2 or 3; neither: version 1.
  const fields = names.includes('grain')
    ? FIELDS
    : names.includes('manual_count') || names.includes('manual_seconds')
      ? FIELDS_V3
      : FIELDS_V1;
  if (!names.includes('study_id') || !names.includes('participant')) return { ok: false, error: 'foreign' };
  const at = fields.map((f) => names.indexOf(f.name));
  const missing = fields.find((_f, i) => (at[i] as number) < 0);
  if (missing) return { ok: false, error: 'missing-column', column: missing.name };
  if (at.some((p, i) => i > 0 && p < (at[i - 1] as number))) notes.push('columns-reordered');
  const others = names.filter((n) => !fields.some((f) => f.name === n));
  if (others.some((n) => n === '' || /^(Unnamed: 0|\.\.\.1|X|index)$/.test(n))) notes.push('index-column');
  if (others.some((n) => !(n === '' || /^(Unnamed: 0|\.\.\.1|X|index)$/.test(n)))) notes.push('extra-columns');
  return { version: fields === FIELDS ? EXPORT_SCHEMA_VERSION : fields === FIELDS_V3 ? 3 : 1, at };
}

/** One cell as its column's value; undefined when it cannot be one. */
function cell(v: string, type: string, name: string, notes: TableNote[]): unknown {
  if (type !== 'integer' && type !== 'number') return v;
  if (name === 'hour' && (v === '' || v === 'NA')) {
    if (v === 'NA' && !notes.includes('na')) notes.push('na');
    return null;
  }
  return /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : undefined;
}

function readTable(text: string): Table | Refusal {
  const notes: TableNote[] = [];
  if (text.startsWith('\uFEFF')) notes.push('bom');
  const body = text.replace(/^\uFEFF/, '');
  if (body.includes('\r\n')) notes.push('crlf');
  const recs = records(body, notes);
  if (!recs?.length) return { ok: false, error: 'not-csv' };
  const cols = columns(recs[0] as string[], notes);
  if ('ok' in cols) return cols;
  const fields = cols.version === 1 ? FIELDS_V1 : cols.version === 3 ? FIELDS_V3 : FIELDS;
  const width = (recs[0] as string[]).length;
  const rows: Record<string, unknown>[] = [];
  for (const [i, rec] of recs.slice(1).entries()) {
    if (rec.length === 1 && rec[0] === '') continue;
    if (rec.length !== width) return { ok: false, error: 'invalid-row', line: i + 2 };
    const row: Record<string, unknown> = {};
    for (const [j, f] of fields.entries()) {
      const v = cell(rec[cols.at[j] as number] as string, f.type, f.name, notes);
      if (v === undefined) return { ok: false, error: 'invalid-row', line: i + 2, column: f.name };
      row[f.name] = v;
    }
    rows.push(row);
  }
  return { ok: true, rows, version: cols.version, notes };
}

/** The metadata of a CSV on its own: study, participant and period come from the rows. */
function metaOfRows(rows: Record<string, unknown>[], version: number): Omit<AnonymisedExport, 'rows'> | undefined {
  const first = rows[0];
  if (!first) return undefined;
  const days = rows
    .map((r) => r.day)
    .filter(isDay)
    .sort();
  const meta: Omit<AnonymisedExport, 'rows'> = {
    format: EXPORT_FORMAT,
    schema_version: version,
    study_id: String(first.study_id),
    participant: String(first.participant),
    consent_version: 'unknown',
    consent_day: days[0] ?? '1970-01-01',
    extension_version: 'unknown',
    // Without its package, a file's granularity is its finest row's (rules only make some kinds coarser).
    granularity: isGrain(first.grain) ? finest(rows) : first.hour === null ? 'day' : 'hour',
    period: { from: days[0] ?? '1970-01-01', to: days.at(-1) ?? '1970-01-01' },
    dropped_rows: 0,
  };
  return validMeta(meta as unknown as Record<string, unknown>) ? meta : undefined;
}

/** The metadata of the package beside the CSV, which must be of a version with the table's columns. */
function metaOfPackage(pkg: unknown, version: number): Omit<AnonymisedExport, 'rows'> | Refusal {
  const m = (pkg as Record<string, unknown> | null)?.[EXPORT_FORMAT] as Record<string, unknown> | undefined;
  if (!m || typeof m !== 'object') return { ok: false, error: 'foreign' };
  if (!READABLE_SCHEMA_VERSIONS.includes(m.schema_version as number)) return { ok: false, error: 'unsupported-version' };
  // A table with a grain column is of version 4; with the hand-entered columns only, of version 2 or 3; else 1.
  const expected = (m.schema_version as number) >= 4 ? EXPORT_SCHEMA_VERSION : m.schema_version === 1 ? 1 : 3;
  if (expected !== version || !validMeta(m)) return { ok: false, error: 'invalid-metadata' };
  return { ...(m as unknown as AnonymisedExport), format: EXPORT_FORMAT };
}

/**
 * Reads the CSV form: with its datapackage.json (whose metadata it must agree with), or alone,
 * in which case the metadata the rows cannot tell is marked unknown.
 */
export function parseExportCsv(text: string, pkg?: unknown): ParseResult {
  if (text.length > MAX_EXPORT_BYTES) return { ok: false, error: 'too-large' };
  const table = readTable(text);
  if (!table.ok) return table;
  const meta = pkg === undefined ? metaOfRows(table.rows, table.version) : metaOfPackage(pkg, table.version);
  if (!meta) return { ok: false, error: 'invalid-metadata' };
  if ('ok' in meta) return meta;
  const bad = checkRows(meta, table.rows, 2);
  if (bad) return bad;
  const file = normalise({ ...meta, rows: table.rows as unknown as AnonymisedExport['rows'] });
  return table.notes.length ? { ok: true, file, notes: table.notes } : { ok: true, file };
}
