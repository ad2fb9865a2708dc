import { afterEach, describe, expect, it } from 'vitest';
import { readHourly } from '@/lib/db/hours';
import { RollupBuffer } from '@/lib/db/rollup';
import { ClickworkDB, type LaborEvent } from '@/lib/db/schema';

const dbs: ClickworkDB[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});
let n = 0;
const fresh = () => {
  const db = new ClickworkDB(`rollup-flush-${++n}`);
  dbs.push(db);
  return db;
};

const DETAILS = ['like', 'dislike', 'love'];
/** An event of day `d` (of December 2026), hour `h`. */
const ev = (d: number, h: number, detail: string, durationMs?: number): LaborEvent => ({
  kind: 'reaction',
  platform: 'youtube',
  detail,
  ts: new Date(2026, 11, d, h).getTime(),
  signal: 'dom',
  day: `2026-12-${String(d).padStart(2, '0')}`,
  hour: h,
  utcOffset: 60,
  ...(durationMs === undefined ? {} : { durationMs }),
});

async function apply(db: ClickworkDB, changes: [LaborEvent, 1 | -1][]) {
  await db.transaction('rw', db.events, db.daily, db.hours, async () => {
    const buffer = new RollupBuffer();
    for (const [e, sign] of changes) buffer.bump(e, sign);
    await buffer.flush(db);
  });
}

describe('rollup flush of a large batch (a restore)', () => {
  it('reads the stored rows by range and ends where key-by-key flushes of the same changes end', async () => {
    // Before: days 1-30, every hour, one like; day 31 untouched by the batch.
    const before: [LaborEvent, 1][] = [];
    for (let d = 1; d <= 31; d++) for (let h = 0; h < 24; h++) before.push([ev(d, h, 'like', 1000), 1]);
    // The batch: 2,160 hour rows touched (days 1-30, three details), and every like of days 1-5 undone.
    const batch: [LaborEvent, 1 | -1][] = [];
    for (let d = 1; d <= 30; d++)
      for (let h = 0; h < 24; h++) for (const detail of DETAILS) batch.push([ev(d, h, detail, d * 10), 1]);
    for (let d = 1; d <= 5; d++)
      for (let h = 0; h < 24; h++) batch.push([ev(d, h, 'like', 1000), -1], [ev(d, h, 'like', d * 10), -1]);

    const whole = fresh();
    const inSmallBatches = fresh();
    for (const db of [whole, inSmallBatches]) await apply(db, before);
    await apply(whole, batch);
    for (let i = 0; i < batch.length; i += 50) await apply(inSmallBatches, batch.slice(i, i + 50));

    // Schema version 6 keeps a day's hours in one row: compared stored and as the readers see them.
    expect(await whole.hours.toArray()).toEqual(await inSmallBatches.hours.toArray());
    const hours = await readHourly(whole, '0000-00-00', '9999-99-99');
    expect(hours).toEqual(await readHourly(inSmallBatches, '0000-00-00', '9999-99-99'));
    expect(await whole.daily.toArray()).toEqual(await inSmallBatches.daily.toArray());
    // The stored counts were added to, the undone rows removed, the day outside the batch kept.
    const at = (day: string, hour: number, detail: string) =>
      hours.find((r) => r.day === day && r.hour === hour && r.detail === detail);
    expect(at('2026-12-10', 7, 'like')).toMatchObject({ count: 2, measuredCount: 2, measuredMs: 1100 });
    expect(at('2026-12-03', 7, 'like')).toBeUndefined();
    expect(at('2026-12-03', 7, 'love')).toMatchObject({ count: 1, measuredMs: 30 });
    expect(at('2026-12-31', 23, 'like')).toMatchObject({ count: 1, measuredMs: 1000 });
    expect(hours).toHaveLength(30 * 24 * 3 + 24 - 5 * 24);
  });
});
