import { describe, expect, it } from 'vitest';
import { type AnonymisedExport, EXPORT_SCHEMA_VERSION, exportToCsv, parseExportCsv } from '@/lib/research/format';

/** A small file by the day, as the extension writes it. */
const file: AnonymisedExport = {
  format: 'clickwork-meter/anonymised-export',
  schema_version: EXPORT_SCHEMA_VERSION,
  study_id: 'class-edits',
  participant: '0b4a3f6e-2f0a-4d7c-9a51-6c1c1f7e2d10',
  consent_version: '1',
  consent_day: '2026-11-01',
  extension_version: '0.1.0',
  granularity: 'day',
  period: { from: '2026-11-01', to: '2026-11-20' },
  dropped_rows: 0,
  rows: [
    ['2026-11-10', 'youtube', 'alphabet', 'reaction', 'like', 3],
    ['2026-11-11', 'reddit', 'reddit', 'vote', 'up', 2],
  ].map(([day, platform, beneficiary, kind, detail, count]) => ({
    study_id: 'class-edits',
    participant: '0b4a3f6e-2f0a-4d7c-9a51-6c1c1f7e2d10',
    day,
    hour: null,
    grain: 'day',
    platform,
    beneficiary,
    kind,
    detail,
    count,
    measured_count: 0,
    measured_seconds: 0,
    manual_count: 0,
    manual_seconds: 0,
  })) as AnonymisedExport['rows'],
};
const csv = exportToCsv(file);
const table = csv
  .trimEnd()
  .split('\n')
  .map((l) => l.split(','));
/** A column's position in the file as written. */
const col = (name: string) => (table[0] as string[]).indexOf(name);
const write = (rows: string[][], sep = ',', eol = '\n') => `${rows.map((r) => r.join(sep)).join(eol)}${eol}`;
/** The table with its columns in another order (pandas or a spreadsheet moved them). */
const reorder = (rows: string[][], order: number[]) => rows.map((r) => order.map((i) => r[i] as string));
const rowsOf = (r: ReturnType<typeof parseExportCsv>) => (r.ok ? r.file.rows : r);

describe('class totals accept harmless edits, with a note', () => {
  it('reads the file as written', () => {
    const r = parseExportCsv(csv);
    expect(rowsOf(r)).toEqual(file.rows);
    expect(r.ok && r.notes).toBeUndefined();
  });

  it.each([
    ['columns reordered', write(reorder(table, [...(table[0] as string[]).keys()].reverse())), ['columns-reordered']],
    ['an extra column', write(table.map((r, i) => [...r, i ? 'ok' : 'teacher_comment'])), ['extra-columns']],
    ['a pandas index column', write(table.map((r, i) => [i ? String(i - 1) : '', ...r])), ['index-column']],
    ['semicolons', write(table, ';'), ['semicolons']],
    ['a byte-order mark and CRLF', `\uFEFF${write(table, ',', '\r\n')}`, ['bom', 'crlf']],
    [
      "R's NA for the hour of a study by the day",
      write(table.map((r, i) => (i ? r.map((c, j) => (j === 3 ? 'NA' : c)) : r))),
      ['na'],
    ],
  ])('%s', (_name, text, notes) => {
    const r = parseExportCsv(text);
    expect(r).toMatchObject({ ok: true, notes });
    expect(rowsOf(r)).toEqual(file.rows);
  });
});

describe('class totals name the row and column of a real problem', () => {
  it.each([
    ['NA as a count', 3, 'count', (r: string[], j: number) => (j === col('count') ? 'NA' : r[j])],
    ['an unknown platform', 3, 'platform', (r: string[], j: number) => (j === col('platform') ? 'myspace' : r[j])],
    ['a day that does not exist', 3, 'day', (r: string[], j: number) => (j === col('day') ? '2026-11-31' : r[j])],
    ['free text as detail', 3, 'detail', (r: string[], j: number) => (j === col('detail') ? 'my note' : r[j])],
  ])('%s', (_name, line, column, change) => {
    const rows = table.map((r, i) => (i === line - 1 ? r.map((_c, j) => change(r, j) as string) : r));
    expect(parseExportCsv(write(rows))).toEqual({ ok: false, error: 'invalid-row', line, column });
  });

  it('names the column even when the columns were reordered, and a missing column by name', () => {
    const rows = table.map((r, i) => (i === 2 ? r.map((c, j) => (j === col('platform') ? 'myspace' : c)) : r));
    expect(parseExportCsv(write(reorder(rows, [...(table[0] as string[]).keys()].reverse())))).toEqual({
      ok: false,
      error: 'invalid-row',
      line: 3,
      column: 'platform',
    });
    expect(parseExportCsv(write(table.map((r) => r.filter((_c, j) => j !== col('kind')))))).toEqual({
      ok: false,
      error: 'missing-column',
      column: 'kind',
    });
  });
});
