import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { filesMismatches, query, run, totalActions, totalsMismatches, withPaths } from './duck';
import { type Generated, generate, type Totals } from './files';

/**
 * `npm run research-scale -- --files 100000`: writes that many synthetic participant files in the
 * layout a research team collects (docs/research/README.md, "At scale"), runs the documented DuckDB
 * queries over them, and checks every total against the sums made while writing.
 */

export interface Options {
  files: number;
  dir: string;
  seed?: number;
  /** DuckDB threads (DuckDB's default: one per core). */
  threads?: number;
  log?: (line: string) => void;
}

export interface Step {
  name: string;
  /** Files the query reads. */
  files: number;
  ms: number;
  /** Where the result differs from the generated data; empty when it agrees. */
  mismatches: string[];
  note?: string;
}

export interface Report {
  generated: Generated;
  generateMs: number;
  /** On disk (du), bytes: the monthly folders, and the Parquet file. */
  diskBytes: number;
  parquetBytes: number;
  steps: Step[];
  ok: boolean;
}

/** Bytes a folder takes on disk (block-rounded, as du counts), or -1 where du is missing. */
function diskUsage(path: string): number {
  try {
    return Number(execFileSync('du', ['-sk', path], { encoding: 'utf8' }).split('\t')[0]) * 1024;
  } catch {
    return -1;
  }
}

type Lines = Record<string, unknown>[];
interface Plan {
  name: string;
  sql: string;
  /** The documented paths in the query and what they become here. */
  paths: Record<string, string>;
  files: number;
  check: (lines: Lines) => string[];
  note?: (lines: Lines) => string;
}

const plan = (
  name: string,
  sql: string,
  paths: Plan['paths'],
  files: number,
  check: Plan['check'],
  note?: Plan['note'],
): Plan => ({
  ...{ name, sql, paths, files, check },
  ...(note ? { note } : {}),
});

/** The queries, in the order a research team would meet them. */
function plans(dir: string, g: Generated): Plan[] {
  const monthly = join(dir, 'exports', '*', '*', '*.json');
  const parquet = join(dir, 'clickwork-rows.parquet');
  const flat = { 'exports/*.json': monthly };
  const hive = { 'exports/*/*/*.json': monthly };
  const agree = (want: Totals) => (lines: Lines) => totalsMismatches(lines, want);
  const trueTotal = Number(g.latest.lines.get('|')?.actions);
  const overcount = (l: Lines) => `actions ${(totalActions(l) / trueTotal).toFixed(2)}× the true total`;
  return [
    plan('files-json.sql, plain glob over every monthly file', 'files-json.sql', flat, g.files, (l) => filesMismatches(l, g)),
    plan('totals-json.sql, plain glob over every monthly file', 'totals-json.sql', flat, g.files, agree(g.all), overcount),
    plan(
      'totals-json.sql over latest/ (each participant’s latest file)',
      'totals-json.sql',
      { 'exports/*.json': join(dir, 'latest', '*.json') },
      g.participants,
      agree(g.latest),
    ),
    plan('totals-partitioned.sql over the study=/month= folders', 'totals-partitioned.sql', hive, g.files, agree(g.latest)),
    plan(
      'compact-parquet.sql (once per collection)',
      'compact-parquet.sql',
      { ...hive, 'clickwork-rows.parquet': parquet },
      g.files,
      () => [],
    ),
    plan(
      'totals-parquet.sql over the compacted rows',
      'totals-parquet.sql',
      { 'clickwork-rows.parquet': parquet },
      1,
      agree(g.latest),
    ),
  ];
}

export async function researchScale(o: Options): Promise<Report> {
  const started = performance.now();
  const generated = generate(o.dir, o.files, o.seed, (n) => o.log?.(`  ${n} files written`));
  const generateMs = performance.now() - started;
  o.log?.(`Wrote ${generated.files} files of ${generated.participants} participants in ${(generateMs / 1000).toFixed(1)} s`);
  const steps: Step[] = [];
  for (const p of plans(o.dir, generated)) {
    o.log?.(`… ${p.name}`);
    const { rows, ms } = await run(withPaths(query(p.sql), p.paths), o.threads);
    const s: Step = { name: p.name, files: p.files, ms, mismatches: p.check(rows), ...(p.note ? { note: p.note(rows) } : {}) };
    steps.push(s);
    o.log?.(
      `  ${(ms / 1000).toFixed(1)} s, ${s.mismatches.length ? `${s.mismatches.length} MISMATCHES` : 'agrees'}${s.note ? `; ${s.note}` : ''}`,
    );
  }
  return {
    ...{ generated, generateMs, diskBytes: diskUsage(join(o.dir, 'exports')) },
    ...{ parquetBytes: statSync(join(o.dir, 'clickwork-rows.parquet')).size, steps },
    ok: steps.every((s) => s.mismatches.length === 0),
  };
}

const mb = (n: number) => (n < 10 * 1048576 ? `${(n / 1024).toFixed(0)} KB` : `${(n / 1048576).toFixed(0)} MB`);

/** The report as printed by the command. */
export function describe(r: Report): string[] {
  const g = r.generated;
  const lines = [
    `${g.files} files, ${g.participants} participants, ${[...g.studies].map(([id, s]) => `${id} ${s.files}`).join(', ')}; months ${[...g.months].sort().join(' ')}`,
    `rows: ${g.all.rows} in all files, ${g.latest.rows} in the latest files; JSON ${mb(g.bytes)} (${mb(r.diskBytes)} on disk), Parquet ${mb(r.parquetBytes)}; ${g.schemaChecked} files also checked with the JSON Schema`,
    `generate + check with the extension's reader: ${(r.generateMs / 1000).toFixed(1)} s`,
  ];
  for (const s of r.steps) {
    lines.push(`${(s.ms / 1000).toFixed(1).padStart(7)} s  ${s.name} (${s.files} files)${s.note ? `: ${s.note}` : ''}`);
    for (const m of s.mismatches.slice(0, 10)) lines.push(`           MISMATCH ${m}`);
  }
  lines.push(
    r.ok ? 'Every DuckDB total equals the total of the generated data.' : 'DuckDB DISAGREES with the generated data (above).',
  );
  return lines;
}
