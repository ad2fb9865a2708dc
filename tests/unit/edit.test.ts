import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { correctKind, deleteEvent, deleteEverything, historyPage } from '@/lib/db/edit';
import { ingest, type Sighting } from '@/lib/db/ingest';
import { rangeDays, summarize } from '@/lib/db/queries';
import { ClickworkDB } from '@/lib/db/schema';

let db: ClickworkDB;
let n = 0;
beforeEach(() => {
  db = new ClickworkDB(`edit-${++n}`);
});
afterEach(async () => {
  await db.delete();
});

const now = Date.now();
const like = (i: number, over: Partial<Sighting> = {}): Sighting => ({
  platform: 'youtube',
  kind: 'reaction',
  detail: 'like',
  slot: 'exclusive',
  op: 'add',
  signal: 'dom',
  ts: now - i * 60_000,
  targetKey: `v${i}`,
  ...over,
});

describe('history edits', () => {
  it('pages the newest active events first, with filters, leaving undone and practice rows out', async () => {
    await ingest(db, [
      ...Array.from({ length: 60 }, (_, i) => like(i)),
      like(0, { op: 'undo', ts: now + 1 }),
      like(70, { platform: 'practice' }),
      like(71, { platform: 'x', slot: 'per-detail' }),
    ]);
    const first = await historyPage(db);
    expect(first).toHaveLength(50);
    expect(first[0]?.ts).toBe(now - 60_000); // the newest active one: v0 was undone
    const next = await historyPage(db, { before: first.at(-1)?.ts });
    expect(next).toHaveLength(10); // 59 YouTube + 1 X, minus the first 50
    expect(await historyPage(db, { platform: 'x' })).toHaveLength(1);
    expect((await historyPage(db, { limit: 500 })).some((e) => e.platform === 'practice')).toBe(false);
  });

  it('deleting a row and correcting its kind update every total', async () => {
    await ingest(db, [like(1), like(2), like(3)]);
    const [a, b] = await historyPage(db);
    expect(await deleteEvent(db, a?.id as number)).toBe(true);
    expect(await correctKind(db, b?.id as number, 'vote')).toBe(true);
    const s = await summarize(db, rangeDays('today'));
    expect(s.total).toBe(2);
    expect(s.byKind).toEqual([
      { kind: 'reaction', count: 1 },
      { kind: 'vote', count: 1 },
    ]);
    expect(await deleteEvent(db, 99_999)).toBe(false);
  });

  it('deletes everything but the settings', async () => {
    await ingest(db, [like(1)]);
    await db.meta.put({ key: 'valuation', value: { fairPresetId: 'smic', microPresetId: 'mturk-median' } });
    await deleteEverything(db);
    expect(await db.events.count()).toBe(0);
    expect(await db.daily.count()).toBe(0);
    expect(await db.meta.get('valuation')).toBeDefined();
  });
});

describe('hour of week', () => {
  it('counts active real events per weekday (Monday first) and hour', async () => {
    const { hourOfWeek, daysBetween } = await import('@/lib/db/queries');
    const monday9 = new Date(2026, 10, 23, 9, 30).getTime(); // Monday 23 Nov 2026, 09:30
    const sunday23 = new Date(2026, 10, 29, 23, 10).getTime();
    await ingest(db, [
      like(0, { ts: monday9, targetKey: 'a' }),
      like(0, { ts: monday9 + 60_000, targetKey: 'b' }),
      like(0, { ts: sunday23, targetKey: 'c' }),
      like(0, { ts: sunday23, targetKey: 'd', platform: 'practice' }),
      like(0, { ts: monday9 + 120_000, targetKey: 'b', op: 'undo' }),
    ]);
    const grid = await hourOfWeek(db, daysBetween('2026-11-23', '2026-11-29'));
    expect(grid[0]?.[9]).toBe(1); // one of the two was undone
    expect(grid[6]?.[23]).toBe(1); // practice left out
    expect(grid.flat().reduce((a, b) => a + b, 0)).toBe(2);
  });
});
