import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBaseName, exportToCsv } from '@/lib/research/format';
import { KINDS } from '@/lib/taxonomy';
import { int, rng, synthExport } from './class-fixtures';
import { root } from './helpers';

/**
 * At scale: 10,000 synthetic participant exports in each form, read by DuckDB with the queries the
 * documentation shows (docs/research/queries/*.sql, read from there), give the totals computed in
 * JavaScript while the files were written.
 */
const FILES = Number(process.env.DUCKDB_FILES ?? 10_000);
const query = (name: string) => readFileSync(resolve(root, 'docs/research/queries', name), 'utf8');

/** The query with its documented folder replaced by ours (the placeholder must be there, once). */
function withFolder(sql: string, placeholder: string, glob: string): string {
  expect(sql.split(placeholder)).toHaveLength(2);
  return sql.replace(placeholder, `'${glob.replaceAll("'", "''")}'`);
}

interface Expected {
  actions: number;
  measuredActions: number;
  measuredTenths: number;
  participants: number;
  /** Keyed `platform|kind`, `platform|`, `|kind`. */
  lines: Map<string, { actions: number; measuredActions: number; measuredTenths: number; who: Set<string> }>;
  studies: Map<string, { files: number; rows: number; dropped: number; first: string; last: string }>;
}

let dir: string;
let expected: Expected;
const timings: Record<string, number> = {};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'clickwork-duckdb-'));
  mkdirSync(join(dir, 'json'));
  mkdirSync(join(dir, 'csv'));
  const rand = rng(2026);
  expected = { actions: 0, measuredActions: 0, measuredTenths: 0, participants: 0, lines: new Map(), studies: new Map() };
  const line = (key: string) => {
    let l = expected.lines.get(key);
    if (!l) {
      l = { actions: 0, measuredActions: 0, measuredTenths: 0, who: new Set() };
      expected.lines.set(key, l);
    }
    return l;
  };
  const started = performance.now();
  for (let i = 0; i < FILES; i++) {
    // Studies by the day sort first (their hours are all null), studies by the hour last: a reader
    // that guessed types from the first files would get the hour column wrong.
    const byHour = i >= FILES * 0.7;
    const file = synthExport(rand, {
      studyId: byHour ? 'zz-hourly-study' : 'aa-daily-study',
      granularity: byHour ? 'hour' : 'day',
      from: byHour ? '2026-10-05' : '2026-11-02',
      days: byHour ? 3 : 14,
      rows: int(rand, 1, 30),
    });
    const who = `${file.study_id}/${file.participant}`;
    expected.participants++;
    for (const r of file.rows) {
      const tenths = Math.round(r.measured_seconds * 10);
      expected.actions += r.count;
      expected.measuredActions += r.measured_count;
      expected.measuredTenths += tenths;
      for (const key of [`${r.platform}|${r.kind}`, `${r.platform}|`, `|${r.kind}`]) {
        const l = line(key);
        l.actions += r.count;
        l.measuredActions += r.measured_count;
        l.measuredTenths += tenths;
        l.who.add(who);
      }
    }
    const s = expected.studies.get(file.study_id) ?? { files: 0, rows: 0, dropped: 0, first: '9999', last: '0000' };
    s.files++;
    s.rows += file.rows.length;
    s.dropped += file.dropped_rows;
    if (file.period.from < s.first) s.first = file.period.from;
    if (file.period.to > s.last) s.last = file.period.to;
    expected.studies.set(file.study_id, s);
    const base = exportBaseName(file);
    // Every tenth file pretty-printed, as a person saving it from an editor might.
    writeFileSync(join(dir, 'json', `${base}.json`), i % 10 === 0 ? JSON.stringify(file, null, 2) : JSON.stringify(file));
    writeFileSync(join(dir, 'csv', `${base}.csv`), exportToCsv(file));
  }
  timings.generate = performance.now() - started;
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  console.log(
    `DuckDB, ${FILES} files per form: generated both forms in ${(timings.generate ?? 0).toFixed(0)} ms; ` +
      `totals-json.sql ${(timings.json ?? 0).toFixed(0)} ms, totals-csv.sql ${(timings.csv ?? 0).toFixed(0)} ms, ` +
      `files-json.sql ${(timings.files ?? 0).toFixed(0)} ms`,
  );
}, 120_000); // removing 20,000 files took over 30 s at load 20

type Line = {
  level: string;
  platform: string | null;
  kind: string | null;
  actions: bigint | number;
  measured_actions: bigint | number;
  measured_seconds: number;
  participants: bigint | number;
};

async function run(sql: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll(sql);
    return reader.getRowObjectsJS() as Record<string, unknown>[];
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Every line of the totals query against the sums made while writing the files. */
function checkTotals(lines: Line[]) {
  const total = lines.filter((l) => l.level === 'total');
  expect(total).toHaveLength(1);
  expect(Number(total[0]?.actions)).toBe(expected.actions);
  expect(Number(total[0]?.measured_actions)).toBe(expected.measuredActions);
  expect(total[0]?.measured_seconds).toBeCloseTo(expected.measuredTenths / 10, 1);
  expect(Number(total[0]?.participants)).toBe(expected.participants);
  expect(expected.participants).toBe(FILES);

  const got = new Map(
    lines
      .filter((l) => l.level !== 'total')
      .map((l) => [`${l.level === 'kind' ? '' : l.platform}|${l.level === 'platform' ? '' : l.kind}`, l]),
  );
  expect(got.size).toBe(expected.lines.size);
  expect(lines.filter((l) => l.level === 'kind').length).toBe(KINDS.length);
  for (const [key, want] of expected.lines) {
    const l = got.get(key);
    expect(l, key).toBeDefined();
    expect(Number(l?.actions), key).toBe(want.actions);
    expect(Number(l?.measured_actions), key).toBe(want.measuredActions);
    expect(l?.measured_seconds, key).toBeCloseTo(want.measuredTenths / 10, 1);
    expect(Number(l?.participants), key).toBe(want.who.size);
  }
}

describe(`DuckDB reads ${FILES} exports with the documented queries`, () => {
  it('JSON form: totals by platform and kind, participants', async () => {
    const sql = withFolder(query('totals-json.sql'), "'exports/*.json'", join(dir, 'json', '*.json'));
    const started = performance.now();
    const lines = (await run(sql)) as Line[];
    timings.json = performance.now() - started;
    checkTotals(lines);
  }, 120_000);

  it('CSV form: the same totals', async () => {
    const sql = withFolder(query('totals-csv.sql'), "'exports/*.csv'", join(dir, 'csv', '*.csv'));
    const started = performance.now();
    const lines = (await run(sql)) as Line[];
    timings.csv = performance.now() - started;
    checkTotals(lines);
  }, 120_000);

  it('JSON form: one line per study with files, participants, rows and dropped rows', async () => {
    const sql = withFolder(query('files-json.sql'), "'exports/*.json'", join(dir, 'json', '*.json'));
    const started = performance.now();
    const lines = await run(sql);
    timings.files = performance.now() - started;
    expect(
      lines.map((l) => ({
        study_id: l.study_id,
        files: Number(l.files),
        participants: Number(l.participants),
        rows: Number(l.rows),
        dropped_rows: Number(l.dropped_rows),
        first_day: (l.first_day as Date).toISOString().slice(0, 10),
        last_day: (l.last_day as Date).toISOString().slice(0, 10),
      })),
    ).toEqual(
      [...expected.studies].map(([id, s]) => ({
        study_id: id,
        files: s.files,
        participants: s.files,
        rows: s.rows,
        dropped_rows: s.dropped,
        first_day: s.first,
        last_day: s.last,
      })),
    );
  }, 120_000);
});
