import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Generated, Totals } from './files';

/**
 * The documented DuckDB queries (docs/research/queries/*.sql, read from there, their folder
 * replaced by ours) over the generated files, each timed, and their results compared with the
 * totals summed while the files were written. A difference is reported line by line.
 */

const QUERIES = new URL('../../docs/research/queries/', import.meta.url);
export const query = (name: string) => readFileSync(fileURLToPath(new URL(name, QUERIES)), 'utf8');

/** The query with each documented path replaced by ours (each must be there). */
export function withPaths(sql: string, paths: Record<string, string>): string {
  let out = sql;
  for (const [from, to] of Object.entries(paths)) {
    if (!out.includes(`'${from}'`)) throw new Error(`the query no longer names '${from}'`);
    out = out.replaceAll(`'${from}'`, `'${to.replaceAll("'", "''")}'`);
  }
  return out;
}

export interface Timed {
  rows: Record<string, unknown>[];
  ms: number;
}

/** Runs one statement in a fresh in-memory database (as a researcher's `duckdb` shell would), timed. */
export async function run(sql: string, threads?: number): Promise<Timed> {
  const instance = await DuckDBInstance.create(':memory:', threads ? { threads: String(threads) } : {});
  const connection = await instance.connect();
  try {
    const started = performance.now();
    const reader = await connection.runAndReadAll(sql);
    const rows = reader.getRowObjectsJS() as Record<string, unknown>[];
    return { rows, ms: performance.now() - started };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Where the totals query's lines differ from the expected totals (empty: they agree). */
export function totalsMismatches(lines: Record<string, unknown>[], want: Totals): string[] {
  const out: string[] = [];
  const got = new Map(
    lines.map((l) => {
      const level = l.level as string;
      const key = `${level === 'kind' || level === 'total' ? '' : l.platform}|${level === 'platform' || level === 'total' ? '' : l.kind}`;
      return [key, l];
    }),
  );
  if (got.size !== want.lines.size) out.push(`${got.size} lines, expected ${want.lines.size}`);
  for (const [key, w] of want.lines) {
    const l = got.get(key);
    if (!l) {
      out.push(`${key}: missing`);
      continue;
    }
    const pairs: [string, number, number][] = [
      ['actions', Number(l.actions), w.actions],
      ['measured_actions', Number(l.measured_actions), w.measuredActions],
      ['measured_seconds×10', Math.round(Number(l.measured_seconds) * 10), w.measuredTenths],
      ['participants', Number(l.participants), w.who.size],
      ['manual_actions', Number(l.manual_actions), 0],
    ];
    for (const [name, g, e] of pairs) if (g !== e) out.push(`${key} ${name}: ${g}, expected ${e}`);
  }
  return out;
}

/** Where files-json.sql's lines (one per study) differ from what was written. */
export function filesMismatches(lines: Record<string, unknown>[], gen: Generated): string[] {
  const out: string[] = [];
  if (lines.length !== gen.studies.size) out.push(`${lines.length} studies, expected ${gen.studies.size}`);
  for (const l of lines) {
    const s = gen.studies.get(l.study_id as string);
    if (!s) {
      out.push(`unexpected study ${String(l.study_id)}`);
      continue;
    }
    const pairs: [string, number, number][] = [
      ['files', Number(l.files), s.files],
      ['participants', Number(l.participants), s.participants],
      ['rows', Number(l.rows), s.rows],
      ['dropped_rows', Number(l.dropped_rows), s.dropped],
    ];
    for (const [name, g, e] of pairs) if (g !== e) out.push(`${String(l.study_id)} ${name}: ${g}, expected ${e}`);
  }
  return out;
}

/** The total line's actions. */
export const totalActions = (lines: Record<string, unknown>[]) => Number(lines.find((l) => l.level === 'total')?.actions);
