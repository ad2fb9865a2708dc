import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyState, hasRealActions } from '@/lib/db/empty';
import { ClickworkDB } from '@/lib/db/schema';

let db: ClickworkDB;
let n = 0;
beforeEach(() => {
  db = new ClickworkDB(`empty-${++n}`);
});
afterEach(async () => {
  await db.delete();
});

const row = (platform: string, count: number) => ({
  day: '2026-11-02',
  platform,
  kind: 'vote',
  detail: 'up',
  count,
  measuredMs: 0,
  measuredCount: 0,
});

describe('empty states', () => {
  it('tells "nothing yet" from "nothing in this period"', () => {
    expect(emptyState(0, false)).toBe('never');
    expect(emptyState(0, true)).toBe('period');
    expect(emptyState(3, true)).toBeNull();
  });

  it('counts neither practice actions nor undone ones as real actions', async () => {
    expect(await hasRealActions(db)).toBe(false);
    await db.daily.bulkPut([row('practice', 4), row('reddit', 0)] as never);
    expect(await hasRealActions(db)).toBe(false);
    await db.daily.put(row('youtube', 1) as never);
    expect(await hasRealActions(db)).toBe(true);
  });
});
