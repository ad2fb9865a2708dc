import { validate as hyperjumpValidate, registerSchema } from '@hyperjump/json-schema/draft-2020-12';
import Ajv2020 from 'ajv/dist/2020';
import { beforeAll, describe, expect, it } from 'vitest';
import { knownDetails } from '@/lib/research/details';
import { DAY_SOURCE, EXPORT_DETAILS } from '@/lib/research/export-details';
import { type AnonymisedExport, DETAIL, dataPackage, type ExportRow, exportToCsv, parseExportJson } from '@/lib/research/format';
import { exportJsonSchema } from '@/lib/research/json-schema';
import { isDay } from '@/lib/research/study';
import { type Sample, sampleExports } from './export-samples';

/**
 * The JSON Schema of version 3 read by two independent implementations (ajv, and Hyperjump's
 * validator): every export the code writes passes, and the files the reader refuses fail.
 */
const schema = exportJsonSchema();
const ajv = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
registerSchema(schema as never);
const hyperjump = async (file: unknown) => (await hyperjumpValidate(schema.$id, file as never)).valid;

let samples: Record<Sample, AnonymisedExport>;
beforeAll(async () => {
  samples = await sampleExports();
});

describe('export schema version 3', () => {
  it('has an absolute $id, and enums drawn from the taxonomy and what the export can write', () => {
    expect(new URL(schema.$id).protocol).toBe('https:');
    // Exactly the details the code can write: the detectors' and taxonomy's that fit the pattern, and `other`.
    const writable = [...knownDetails()].filter((d) => DETAIL.test(d));
    expect([...EXPORT_DETAILS].sort()).toEqual([...writable, 'other'].sort());
  });

  it.each(['by-day', 'by-hour', 'with-manual', 'with-panel-id'] as Sample[])('accepts the export %s', async (name) => {
    const file = samples[name];
    expect(file.rows.length).toBeGreaterThan(3);
    if (name === 'by-hour') expect(file.rows.every((r) => Number.isInteger(r.hour))).toBe(true);
    if (name === 'by-day') expect(file.rows.every((r) => r.hour === null)).toBe(true);
    if (name === 'with-manual') expect(file.rows.some((r) => r.manual_count > 0)).toBe(true);
    if (name === 'with-panel-id') expect(file.panel_id).toBe('panel-7f3a9c21');
    expect(file.rows.some((r) => r.detail === 'other')).toBe(true);
    expect(ajv(file), JSON.stringify(ajv.errors)).toBe(true);
    expect(await hyperjump(file)).toBe(true);
    expect(parseExportJson(JSON.stringify(file)).ok).toBe(true);
  });

  const row = (over: Partial<Record<keyof ExportRow, unknown>>) => (f: AnonymisedExport) => ({
    ...f,
    rows: [{ ...f.rows[0], ...over }, ...f.rows.slice(1)],
  });
  const bad: [string, Sample, (f: AnonymisedExport) => unknown][] = [
    ['platform myspace', 'by-day', row({ platform: 'myspace' })],
    ['a free-text detail', 'by-day', row({ detail: 'I liked this video' })],
    ['a detail no detector writes', 'by-day', row({ detail: 'thumbs_up' })],
    ['an e-mail address as participant', 'by-day', (f) => ({ ...f, participant: 'alice@example.org' })],
    ['an e-mail address as participant of a row', 'by-day', row({ participant: 'alice@example.org' })],
    ['Feb 30', 'by-day', row({ day: '2026-02-30' })],
    ['Feb 29 of a common year as consent day', 'by-day', (f) => ({ ...f, consent_day: '2026-02-29' })],
    ['an hour in a by-day study', 'by-day', row({ hour: 9 })],
    ['no hour in a by-hour study', 'by-hour', row({ hour: null })],
    ['hour 24', 'by-hour', row({ hour: 24 })],
    ['duplicate rows', 'by-day', (f) => ({ ...f, rows: [...f.rows, f.rows[0]] })],
    ['a beneficiary that is not the platform owner', 'by-day', row({ beneficiary: 'meta' })],
    ['a study id with a trailing line break', 'by-day', (f) => ({ ...f, study_id: `${f.study_id}\n` })],
    ['a panel id with a space', 'with-panel-id', (f) => ({ ...f, panel_id: 'a b' })],
    ['non-ASCII digits in a day', 'by-day', row({ day: '2026-11-\u0661\u0660' })],
  ];
  it.each(bad)('refuses %s (both validators and the reader)', async (_name, sample, edit) => {
    const file = edit(samples[sample]);
    expect(ajv(file)).toBe(false);
    expect(await hyperjump(file)).toBe(false);
    expect(parseExportJson(JSON.stringify(file)).ok).toBe(false);
  });

  it('leaves to the reader what JSON Schema cannot state: two rows with one key but different counts', async () => {
    const f = samples['by-day'];
    const twin = { ...f, rows: [...f.rows, { ...f.rows[0], count: (f.rows[0]?.count ?? 0) + 1 }] };
    expect(ajv(twin)).toBe(true);
    expect(await hyperjump(twin)).toBe(true);
    expect(parseExportJson(JSON.stringify(twin))).toMatchObject({ ok: false, error: 'duplicate-row' });
  });

  it('states the days the reader accepts (leap years, ends of months, years 0000-0099)', () => {
    const pattern = new RegExp(DAY_SOURCE);
    const pad = (v: number, w: number) => String(v).padStart(w, '0');
    for (const y of [0, 4, 99, 100, 1900, 2000, 2023, 2024, 2100, 2400, 9999])
      for (let m = 0; m <= 13; m++)
        for (let d = 0; d <= 32; d++) {
          const day = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
          expect(pattern.test(day), day).toBe(isDay(day));
        }
  });
});

/**
 * The Frictionless Table Schema of the CSV form carries the same allowed values. Its constraints
 * are applied here to the CSV's cells as the Table Schema specification defines them (a small
 * evaluator of our own: Frictionless' Python libraries are not installed on this machine).
 */
describe('the datapackage Table Schema constraints', () => {
  type Field = { name: string; type: string; constraints: Record<string, unknown> };
  const violates = (f: Field, cell: string): boolean => {
    const c = f.constraints;
    if (cell === '') return c.required === true;
    if (Array.isArray(c.enum) && !c.enum.includes(cell)) return true;
    if (typeof c.pattern === 'string' && !new RegExp(`^(?:${c.pattern})$`, 'u').test(cell)) return true;
    const n = Number(cell);
    return (typeof c.minimum === 'number' && n < c.minimum) || (typeof c.maximum === 'number' && n > c.maximum);
  };
  const problems = (file: AnonymisedExport): string[] => {
    const fields = dataPackage(file).resources[0]?.schema.fields as Field[];
    const [header, ...lines] = exportToCsv(file).trimEnd().split('\n');
    expect(header?.split(',')).toEqual(fields.map((f) => f.name));
    return lines.flatMap((line) =>
      line.split(',').flatMap((cell, i) => (violates(fields[i] as Field, cell) ? [fields[i]?.name as string] : [])),
    );
  };
  const one = (f: AnonymisedExport, over: Partial<Record<keyof ExportRow, unknown>>) =>
    ({ ...f, rows: [{ ...f.rows[0], ...over }] }) as AnonymisedExport;

  it('accepts every sample export', () => {
    for (const file of Object.values(samples)) expect(problems(file)).toEqual([]);
  });

  it.each([
    ['platform', 'by-day', { platform: 'myspace' }],
    ['detail', 'by-day', { detail: 'I liked this video' }],
    ['participant', 'by-day', { participant: 'alice@example.org' }],
    ['study_id', 'by-day', { study_id: 'Not An Id' }],
    ['hour', 'by-day', { hour: 9 }],
    ['hour', 'by-hour', { hour: null }],
    ['hour', 'by-hour', { hour: 24 }],
    ['kind', 'by-day', { kind: 'like' }],
    ['count', 'by-day', { count: 0 }],
  ] as [string, Sample, Partial<Record<keyof ExportRow, unknown>>][])('refuses a bad %s (%s)', (column, sample, over) => {
    expect(problems(one(samples[sample], over))).toEqual([column]);
  });
});
