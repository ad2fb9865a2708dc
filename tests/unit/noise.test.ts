import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingest, type Sighting } from '@/lib/db/ingest';
import { ClickworkDB } from '@/lib/db/schema';
import { disclosedRows } from '@/lib/research/disclose';
import { applyDisclosure } from '@/lib/research/disclosure-apply';
import type { ExportRow } from '@/lib/research/format';
import { freshNoise, keyedNoise, noiseVariance } from '@/lib/research/noise';
import { enrolments, joinStudy, parseStudy } from '@/lib/research/study';

/**
 * The noise mechanism measured: mean and variance against theory, its effect on totals (with the
 * clamping at 0), the same noise in every file of a study, and two studies' files told apart.
 */
const stats = (xs: number[]) => {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1);
  return { mean, variance };
};

describe('two-sided geometric noise', () => {
  it.each([0.5, 1, 2])(
    'ε = %s: mean 0 and the variance 2α/(1−α)², within sampling error (100,000 draws)',
    { timeout: 30_000 },
    (epsilon) => {
      const xs = Array.from({ length: 100_000 }, () => freshNoise(epsilon));
      const { mean, variance } = stats(xs);
      const theory = noiseVariance(epsilon);
      console.info(`noise ε=${epsilon}: mean ${mean.toFixed(4)}, variance ${variance.toFixed(3)} (theory ${theory.toFixed(3)})`);
      expect(Math.abs(mean)).toBeLessThan(5 * Math.sqrt(theory / xs.length));
      expect(Math.abs(variance / theory - 1)).toBeLessThan(0.05);
      // P(0) = (1 − α)/(1 + α)
      const a = Math.exp(-epsilon);
      expect(Math.abs(xs.filter((x) => x === 0).length / xs.length - (1 - a) / (1 + a))).toBeLessThan(0.01);
    },
  );

  it('keyed noise: the same key gives the same noise; 20,000 keys have the theoretical variance', {
    timeout: 30_000,
  }, async () => {
    const secret = crypto.getRandomValues(new Uint8Array(32));
    const keys = Array.from({ length: 20_000 }, (_, i) => `day|2026-11-${i}|null|reddit|comment|comment`);
    const a = await keyedNoise(secret, keys, 1);
    const b = await keyedNoise(secret, keys.slice(0, 100), 1);
    for (const k of keys.slice(0, 100)) expect(b.get(k)).toBe(a.get(k));
    const { mean, variance } = stats([...a.values()]);
    expect(Math.abs(mean)).toBeLessThan(5 * Math.sqrt(noiseVariance(1) / keys.length));
    expect(Math.abs(variance / noiseVariance(1) - 1)).toBeLessThan(0.1);
    const other = await keyedNoise(crypto.getRandomValues(new Uint8Array(32)), keys.slice(0, 100), 1);
    expect(keys.slice(0, 100).some((k) => other.get(k) !== a.get(k))).toBe(true);
  });

  it('effect on totals: 2,000 comment rows of 3 actions with ε = 1 (measured, clamping at 0 included)', async () => {
    const rows: ExportRow[] = Array.from({ length: 2000 }, (_, i) => ({
      study_id: 'x-study',
      participant: '2f1c3a9e-8b7d-4c6e-9a5b-1d2e3f4a5b6c',
      day: '2026-11-10',
      hour: i % 24,
      grain: 'hour',
      platform: 'reddit',
      beneficiary: 'reddit',
      kind: 'comment',
      detail: `d${i}` as string,
      count: 3,
      measured_count: 0,
      measured_seconds: 0,
      manual_count: 0,
      manual_seconds: 0,
    }));
    const secret = crypto.getRandomValues(new Uint8Array(32));
    const rule = { kinds: ['comment' as const], noise: { mechanism: 'geometric' as const, epsilon: 1 } };
    const out = await applyDisclosure(rows, [rule], (keys, e) => keyedNoise(secret, keys, e));
    const [effect] = out.effects;
    if (!effect) throw new Error('no effect');
    const error = effect.totalAfter - effect.totalBefore;
    // Expected bias from clamping at 0: E[max(0, 3 + Z)] − 3 = Σ_{z<−3} (−3 − z)·P(z).
    const a = Math.exp(-1);
    let bias = 0;
    for (let z = -4; z > -200; z--) bias += (-3 - z) * ((1 - a) / (1 + a)) * a ** -z;
    const sd = Math.sqrt(rows.length * noiseVariance(1));
    console.info(
      `totals, 2000 rows of 3, ε=1: before ${effect.totalBefore}, after ${effect.totalAfter} (error ${error}, ` +
        `expected ${(bias * rows.length).toFixed(1)} ± ${sd.toFixed(1)}); rows changed ${effect.changed}, left out ${effect.suppressed}`,
    );
    expect(Math.abs(error - bias * rows.length)).toBeLessThan(5 * sd);
    expect(effect.changed + effect.suppressed).toBeGreaterThan(rows.length * 0.4);
  });
});

describe('files of two studies', () => {
  let db: ClickworkDB;
  beforeEach(() => {
    db = new ClickworkDB(`noise-${Math.random()}`);
  });
  afterEach(async () => {
    await db.delete();
  });
  const study = (id: string, over: Record<string, unknown> = {}) => {
    const r = parseStudy(
      JSON.stringify({
        format: 'clickwork-meter/study',
        version: 1,
        id,
        title: id,
        researcher: 'A. Researcher',
        contact: 'research@university.invalid',
        consent: { version: '1', text: 'Counts only.' },
        granularity: 'day',
        startDate: '2026-11-01',
        endDate: '2026-12-31',
        ...over,
      }),
    );
    if (!r.ok) throw new Error(r.error);
    return r.study;
  };
  const NOW = new Date(2026, 10, 20, 18, 0).getTime();
  const s = (ts: number): Sighting => ({
    platform: 'reddit',
    kind: 'comment',
    detail: 'comment',
    slot: 'none',
    op: 'add',
    signal: 'dom',
    ts,
  });

  it('never hold the same rows where a study asks for noise, even when its noise is almost always 0 (ε = 10)', async () => {
    await ingest(db, [s(new Date(2026, 10, 10, 9).getTime())]);
    const noise = (epsilon: number) => ({ disclosure: [{ kinds: ['comment'], noise: { mechanism: 'geometric', epsilon } }] });
    for (const [id, over] of [
      ['plain-study', {}],
      ['noisy-one', noise(10)],
      ['noisy-two', noise(10)],
    ] as const)
      expect((await joinStudy(db, study(id, over), NOW)).ok).toBe(true);
    const files = [];
    for (const e of await enrolments(db)) {
      const { rows } = await disclosedRows(db, e, NOW);
      files.push(rows.map(({ study_id: _s, participant: _p, ...r }) => JSON.stringify(r)).join());
      // The same file again: the same noise (saving twice and averaging removes nothing).
      const again = await disclosedRows(db, e, NOW);
      expect(again.rows.map((r) => r.count)).toEqual(rows.map((r) => r.count));
    }
    expect(new Set(files).size).toBe(3);
  });
});
