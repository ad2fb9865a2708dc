import { describe, expect, it } from 'vitest';
import { emptyHours, isReadableHours, setHour, unpackHours } from '@/lib/db/hours';
import type { HourlyRollup } from '@/lib/db/schema';

const base = { day: '2026-12-01', platform: 'youtube', kind: 'reaction', detail: 'like' } as const;
const hour = (h: number, extra: Partial<HourlyRollup> = {}): HourlyRollup => ({
  ...base,
  hour: h,
  count: 1,
  measuredMs: 0,
  measuredCount: 0,
  ...extra,
});

describe('a day of hourly totals in one row (schema version 6)', () => {
  it('gives back each hour as it was set, hand-entered fields only where an hour has some', () => {
    const row = emptyHours(base);
    const set = [
      hour(0),
      hour(13, { count: 3, measuredMs: 900, measuredCount: 2 }),
      hour(23, { manualCount: 1, manualTimedCount: 1, manualMs: 60_000 }),
    ];
    for (const h of set) setHour(row, h.hour, h);
    expect(unpackHours(row)).toEqual(set);
    expect(isReadableHours(row)).toBe(true);
  });

  it('drops the hand-entered slots when no hour has any left, and an emptied hour holds nothing', () => {
    const row = emptyHours(base);
    setHour(row, 5, hour(5, { manualCount: 1, manualTimedCount: 0, manualMs: 0 }));
    expect(row.manualCount?.[5]).toBe(1);
    setHour(row, 5, undefined);
    expect(row).toEqual(emptyHours(base));
    expect(unpackHours(row)).toEqual([]);
  });

  it('refuses rows a reader cannot use', () => {
    const ok = emptyHours(base);
    setHour(ok, 1, hour(1));
    expect(isReadableHours({ ...ok, count: ok.count.slice(1) })).toBe(false);
    expect(isReadableHours({ ...ok, measuredMs: ok.measuredMs.map(() => 'x') })).toBe(false);
    expect(isReadableHours({ ...ok, platform: 'nowhere' })).toBe(false);
    expect(isReadableHours({ ...ok, count: ok.count.map((c, i) => (i === 1 ? 1.5 : c)) })).toBe(false);
    expect(isReadableHours(null)).toBe(false);
  });
});

describe('a damaged hours row in the database', () => {
  it('does not stop the next write on its day; the repair then rebuilds the row from the events', async () => {
    const { ClickworkDB } = await import('@/lib/db/schema');
    const { ingest } = await import('@/lib/db/ingest');
    const { repairUnreadable } = await import('@/lib/db/repair');
    const db = new ClickworkDB(`hours-damaged-${Date.now()}`);
    const ts = new Date(2026, 11, 1, 14, 5).getTime();
    await db.hours.put({ ...base, count: 'broken', measuredMs: null, measuredCount: [] } as never);
    await ingest(db, [{ platform: 'youtube', kind: 'reaction', detail: 'like', slot: 'none', op: 'add', signal: 'dom', ts }]);
    expect(await db.events.count()).toBe(1);
    await repairUnreadable(db);
    const rows = await db.hours.toArray();
    expect(rows).toHaveLength(1);
    expect(isReadableHours(rows[0])).toBe(true);
    expect(unpackHours(rows[0] as never).map((h) => [h.hour, h.count])).toEqual([[14, 1]]);
    await db.delete();
  });
});
