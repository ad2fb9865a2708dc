import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { identitiesBetween } from '@/lib/db/backup';
import { ClickworkDB, type LaborEvent } from '@/lib/db/schema';

let db: ClickworkDB;
let n = 0;
beforeEach(() => {
  db = new ClickworkDB(`identities-${++n}`);
});
afterEach(() => db.delete());

const event = (ts: number, target: string): LaborEvent => ({
  platform: 'youtube',
  kind: 'reaction',
  detail: 'like',
  ts,
  signal: 'dom',
  targetKey: target,
});
const key = (e: LaborEvent) => `${e.platform}|${e.kind}|${e.detail}|${e.ts}|${e.targetKey ?? ''}`;

describe('identitiesBetween: the stored events of a time range, a page at a time', () => {
  // Runs of equal times longer than a page, across page ends, and rows outside the range.
  const times = [5, 10, 10, 10, 10, 10, 10, 10, 11, 12, 12, 12, 20, 20, 30, 31];
  const rows = times.map((ts, i) => event(ts, `t${i}`));

  it('gives every event in the range once, whatever the page size, as one read would', async () => {
    await db.events.bulkAdd(rows);
    const expected = new Set(rows.filter((e) => e.ts >= 10 && e.ts <= 30).map(key));
    for (const page of [1, 2, 3, 4, 7, 100]) {
      const got = await identitiesBetween(db, 10, 30, page);
      expect([...got].sort(), `page ${page}`).toEqual([...expected].sort());
    }
  });

  it('gives nothing for a range with no event', async () => {
    await db.events.bulkAdd(rows);
    expect((await identitiesBetween(db, 21, 29, 2)).size).toBe(0);
  });
});
