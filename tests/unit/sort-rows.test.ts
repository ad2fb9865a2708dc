import { describe, expect, it } from 'vitest';
import { sortRows } from '@/lib/research/disclosure-apply';
import type { ExportRow } from '@/lib/research/format';

/** The order the files have always had, compared key by key (the reference for the faster sort). */
const order = (r: ExportRow) =>
  `${r.day}|${String(r.hour ?? -1).padStart(2, '0')}|${r.grain}|${r.platform}|${r.kind}|${r.detail}`;
const reference = (rows: ExportRow[]) => [...rows].sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));

/** A small deterministic generator, so that a failure can be replayed. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

describe('sortRows', () => {
  it("puts rows in the files' order (day, hour, grain, platform, kind, detail), ties in their first order, in place", () => {
    const rnd = random(7);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)] as T;
    const rows = Array.from({ length: 3000 }, (_, i) => {
      const grain = pick(['hour', 'day', 'week'] as const);
      return {
        day: `2026-0${1 + Math.floor(rnd() * 3)}-1${Math.floor(rnd() * 3)}`,
        hour: grain === 'hour' ? Math.floor(rnd() * 24) : null,
        grain,
        platform: pick(['youtube', 'reddit', 'x']),
        kind: pick(['reaction', 'vote']),
        detail: pick(['like', 'up', 'other']),
        // Not part of the order: tells tied rows apart.
        count: i,
      } as unknown as ExportRow;
    });
    const expected = reference(rows);
    const sorted = sortRows(rows);
    expect(sorted).toBe(rows);
    expect(sorted.map((r) => r.count)).toEqual(expected.map((r) => r.count));
  });
});
