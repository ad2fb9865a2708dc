import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseExportJson } from '@/lib/research/format';
import { query, run, totalsMismatches, withPaths } from '@/scripts/research-scale/duck';
import { type Report, researchScale } from '@/scripts/research-scale/main';

/**
 * The at-scale command (`npm run research-scale`, docs/research/README.md "At scale") on 200 files:
 * the same code path as the 100,000-file run, small enough for the unit suite. DuckDB reads the
 * monthly study=/month= folders with the documented queries, and every total equals the sums made
 * while writing; a changed count in one file is caught.
 */
const FILES = 200;
let dir: string;
let report: Report;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clickwork-research-scale-test-'));
  report = await researchScale({ files: FILES, dir, threads: 1 });
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe(`research-scale on ${FILES} files`, () => {
  it('writes one file per participant per month, in three studies, each read back by the extension', () => {
    const g = report.generated;
    expect(g.files).toBe(FILES);
    expect([...g.studies.values()].reduce((n, s) => n + s.files, 0)).toBe(FILES);
    expect(g.participants).toBeLessThan(FILES); // most participants send several monthly files
    expect(g.studies.size).toBe(3);
    expect(g.schemaChecked).toBe(FILES / 20);
    const folders = readdirSync(join(dir, 'exports')).sort();
    expect(folders).toEqual(['study=ai-feedback-panel-2026', 'study=captcha-hours-2026', 'study=everyday-click-work-2026']);
    const latest = readdirSync(join(dir, 'latest'));
    expect(latest).toHaveLength(g.participants);
    const one = parseExportJson(readFileSync(join(dir, 'latest', latest[0] as string), 'utf8'));
    expect(one.ok).toBe(true);
  });

  it('every documented query agrees with the generated data', () => {
    expect(report.steps.map((s) => s.name)).toHaveLength(6);
    for (const s of report.steps) expect(s.mismatches, s.name).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.parquetBytes).toBeGreaterThan(0);
  });

  it('a plain glob over every monthly file counts overlapping files again', () => {
    const latest = report.generated.latest.lines.get('|');
    const all = report.generated.all.lines.get('|');
    expect(all?.actions).toBeGreaterThan(latest?.actions ?? 0);
    expect(report.steps[1]?.note).toMatch(/^actions \d\.\d\d× the true total$/);
  });

  it('a count changed in one file is reported as a mismatch', async () => {
    const name = readdirSync(join(dir, 'latest')).find((f) => readFileSync(join(dir, 'latest', f), 'utf8').includes('"count"'));
    expect(name).toBeDefined();
    const path = join(dir, 'latest', name as string);
    const file = JSON.parse(readFileSync(path, 'utf8'));
    file.rows[0].count += 1;
    writeFileSync(path, JSON.stringify(file));
    const { rows } = await run(withPaths(query('totals-json.sql'), { 'exports/*.json': join(dir, 'latest', '*.json') }), 1);
    const mismatches = totalsMismatches(rows, report.generated.latest);
    const r = file.rows[0];
    expect(mismatches).toContain(
      `|${r.kind} actions: ${Number(report.generated.latest.lines.get(`|${r.kind}`)?.actions) + 1}, expected ${report.generated.latest.lines.get(`|${r.kind}`)?.actions}`,
    );
    expect(mismatches.length).toBeGreaterThanOrEqual(4); // platform × kind, platform, kind, total
  }, 60_000);
});
