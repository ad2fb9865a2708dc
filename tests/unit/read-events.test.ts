import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportBackup } from '@/lib/db/backup';
import { readAllEvents } from '@/lib/db/read-events';
import { ClickworkDB, type LaborEvent } from '@/lib/db/schema';

let db: ClickworkDB;
let n = 0;
beforeEach(() => {
  db = new ClickworkDB(`read-events-${++n}`);
});
afterEach(async () => {
  await db.delete();
});

const ev = (i: number): LaborEvent => ({ kind: 'vote', platform: 'reddit', detail: 'up', ts: 1_000_000 + i, signal: 'dom' });

describe('readAllEvents', () => {
  it('gives every event once, in id order, whatever the number of ranges and the gaps between ids', async () => {
    await db.events.bulkAdd(Array.from({ length: 103 }, (_, i) => ev(i)));
    // Gaps: deleted rows (retention, a repair) leave ranges with few or no rows.
    await db.events.bulkDelete([1, 2, 50, 51, 52, 53, 54, 55, 103]);
    const all = await db.events.toArray();
    expect(all).toHaveLength(94);
    for (const parts of [1, 2, 3, 8, 50, 500]) expect(await readAllEvents(db, parts)).toEqual(all);
  });

  it('gives nothing for an empty table, and the one event of a table of one', async () => {
    expect(await readAllEvents(db)).toEqual([]);
    await db.events.add(ev(1));
    expect(await readAllEvents(db)).toEqual(await db.events.toArray());
  });

  it('reads a table holding a key that is not a whole number (written by another tool) in one request, losing nothing', async () => {
    await db.events.bulkAdd([ev(1), ev(2)]);
    await db.events.put({ ...ev(3), id: 'odd' as unknown as number });
    await db.events.put({ ...ev(4), id: 2.5 });
    const all = await readAllEvents(db);
    expect(all).toHaveLength(4);
    expect(all).toEqual(await db.events.toArray());
  });
});

describe('exportBackup', () => {
  it('writes every event without its id, in id order, and leaves the stored rows as they are', async () => {
    await db.events.bulkAdd(Array.from({ length: 30 }, (_, i) => ({ ...ev(i), ...(i % 2 ? { durationMs: 5 } : {}) })));
    const stored = await db.events.toArray();
    const backup = await exportBackup(db, '0.1.0', 'en');
    expect(backup.events).toEqual(stored.map(({ id: _id, ...e }) => e));
    for (const e of backup.events) expect('id' in e).toBe(false);
    expect(await db.events.toArray()).toEqual(stored);
  });
});
