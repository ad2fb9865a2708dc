import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { recordHealth } from '@/lib/db/health';
import { readHourly } from '@/lib/db/hours';
import { ClickworkDB, dayKey, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V5, SCHEMA_VERSION } from '@/lib/db/schema';
import { root } from './helpers';

type Dump = { version: number; tables: Record<string, Record<string, unknown>[]> };
const v1: Dump = JSON.parse(readFileSync(resolve(root, 'tests/fixtures/db/v1.json'), 'utf8'));

/** Writes a fixture dump into a database declared with the old schema, as that release did. */
async function createOld(name: string, schema: Record<string, string>, version: number, dump: Dump) {
  const old = new Dexie(name);
  old.version(version).stores(schema);
  await old.open();
  await old.transaction('rw', old.tables, async () => {
    for (const [table, rows] of Object.entries(dump.tables)) await old.table(table).bulkAdd(rows);
  });
  old.close();
}

describe('schema migrations', () => {
  it('is at the version this test knows about (add a fixture when it changes)', () => {
    expect(SCHEMA_VERSION).toBe(6);
  });

  it('upgrades a version-1 database with every row intact', async () => {
    await createOld('migrate-v1', SCHEMA_V1, 1, v1);
    const db = new ClickworkDB('migrate-v1');
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    for (const [table, rows] of Object.entries(v1.tables)) {
      const now = await db.table(table).toArray();
      // Version 4 adds each event's local day, hour and offset: every stored field stays as it was.
      expect(now, table).toEqual(expect.arrayContaining(rows.map((r) => expect.objectContaining(r))));
      expect(now).toHaveLength(rows.length);
    }
    // The new table works on the upgraded database.
    await recordHealth(db, 'youtube', true, 1795950500000);
    expect(await db.health.get('youtube')).toMatchObject({ lastOk: 1795950500000, missingCount: 0 });
    await db.delete();
  });

  it('upgrades a version-2 database (v1 rows plus health and seen ids) to version 3, keeping every row', async () => {
    const v2: Dump = {
      version: 2,
      tables: {
        ...v1.tables,
        health: [{ platform: 'youtube', lastOk: 1795950400000, missingCount: 0 }],
        seen: [{ id: 'msg-0001-aaaa', at: 1795950400000 }],
      },
    };
    await createOld('migrate-v2', SCHEMA_V2, 2, v2);
    const db = new ClickworkDB('migrate-v2');
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    for (const [table, rows] of Object.entries(v2.tables)) {
      expect(await db.table(table).toArray(), table).toEqual(expect.arrayContaining(rows.map((r) => expect.objectContaining(r))));
      expect(await db.table(table).count()).toBe(rows.length);
    }
    // The new tables (gestures, parked requests) start empty and work.
    expect(await db.gestures.count()).toBe(0);
    await db.parked.add({ platform: 'youtube', kind: 'reaction', detail: 'like', slot: 'exclusive', ts: 1795950500000 });
    expect(await db.parked.where('[platform+ts]').between(['youtube', 0], ['youtube', Infinity]).count()).toBe(1);
    await db.delete();
  });

  it('upgrades a version-3 database to version 4: events stamped with their local day and hour, hourly totals added up', async () => {
    const events = v1.tables.events as Record<string, unknown>[];
    const v3: Dump = { version: 3, tables: { ...v1.tables, gestures: [], parked: [] } };
    await createOld('migrate-v3', SCHEMA_V3, 3, v3);
    const db = new ClickworkDB('migrate-v3');
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    const stored = await db.events.orderBy('id').toArray();
    expect(stored).toHaveLength(events.length);
    const hourly = new Map<string, number>();
    for (const [i, e] of stored.entries()) {
      const d = new Date(e.ts);
      expect(e).toEqual({ ...events[i], day: dayKey(e.ts), hour: d.getHours(), utcOffset: -d.getTimezoneOffset() || 0 });
      if (e.undoneAt) continue;
      const key = `${e.day}|${e.hour}|${e.platform}|${e.kind}|${e.detail}`;
      hourly.set(key, (hourly.get(key) ?? 0) + (e.count ?? 1));
    }
    const rows = await readHourly(db, '0000-00-00', '9999-99-99');
    expect(new Map(rows.map((r) => [`${r.day}|${r.hour}|${r.platform}|${r.kind}|${r.detail}`, r.count]))).toEqual(hourly);
    expect(hourly.size).toBeGreaterThan(0);
    // The hourly totals add up to the daily totals the version-3 database kept.
    const perDay = new Map<string, number>();
    for (const r of rows)
      perDay.set(
        `${r.day}|${r.platform}|${r.kind}|${r.detail}`,
        (perDay.get(`${r.day}|${r.platform}|${r.kind}|${r.detail}`) ?? 0) + r.count,
      );
    const daily = await db.daily.toArray();
    expect(new Map(daily.map((r) => [`${r.day}|${r.platform}|${r.kind}|${r.detail}`, r.count]))).toEqual(perDay);
    await db.delete();
  });

  it("upgrades a version-5 database to version 6: a day's hourly rows become one row of 24 slots, same numbers", async () => {
    const base = { day: '2026-11-30', platform: 'youtube', kind: 'reaction', detail: 'like' } as const;
    const hourly = [
      { ...base, hour: 0, count: 2, measuredMs: 0, measuredCount: 0 },
      { ...base, hour: 23, count: 5, measuredMs: 1200, measuredCount: 1, manualCount: 3, manualTimedCount: 1, manualMs: 600 },
      { ...base, detail: 'dislike', hour: 9, count: 1, measuredMs: 0, measuredCount: 0 },
      { ...base, day: '2026-12-01', hour: 9, count: 4, measuredMs: 0, measuredCount: 0 },
    ];
    // A row no reader could use (a count of text) is not carried over.
    const bad = { ...base, day: '2026-12-02', hour: 3, count: 'many', measuredMs: 0, measuredCount: 0 };
    const old = new Dexie('migrate-v5');
    old.version(5).stores(SCHEMA_V5);
    await old.open();
    await old.table('hourly').bulkAdd([...hourly, bad]);
    await old.table('daily').bulkAdd([{ ...base, count: 7, measuredMs: 1200, measuredCount: 1 }]);
    old.close();

    const db = new ClickworkDB('migrate-v5');
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(db.backendDB().objectStoreNames.contains('hourly')).toBe(false);
    const stored = await db.hours.toArray();
    expect(stored).toHaveLength(3);
    const like = stored.find((r) => r.day === '2026-11-30' && r.detail === 'like');
    expect(like?.count).toEqual([2, ...new Array(22).fill(0), 5]);
    expect(like?.manualMs).toEqual([...new Array(23).fill(0), 600]);
    expect(stored.find((r) => r.detail === 'dislike')).not.toHaveProperty('manualCount');
    // Unpacked, the readers see exactly the readable version-5 rows.
    const key = (r: { day: string; hour: number; detail: string }) => `${r.day}|${r.hour}|${r.detail}`;
    const read = await readHourly(db, '0000-00-00', '9999-99-99');
    expect([...read].sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
      [...hourly].sort((a, b) => key(a).localeCompare(key(b))),
    );
    expect(await db.daily.count()).toBe(1);
    await db.delete();
  });

  it("upgrades to version 6 a day with an unreadable hourly row by rebuilding that day's hours from its events", async () => {
    const base = { day: '2026-12-02', platform: 'youtube', kind: 'reaction', detail: 'like' } as const;
    const at = (hour: number) => new Date(2026, 11, 2, hour, 30).getTime();
    // Version 5 stamped each event with its local day and hour.
    const like = (hour: number, extra: Record<string, unknown> = {}) => {
      const ts = at(hour);
      return { ...base, signal: 'dom', ts, hour, utcOffset: -new Date(ts).getTimezoneOffset(), ...extra };
    };
    const old = new Dexie('migrate-v5-unreadable');
    old.version(5).stores(SCHEMA_V5);
    await old.open();
    await old
      .table('events')
      .bulkAdd([
        like(3),
        like(3, { signal: 'manual', count: 2, durationMs: 60_000 }),
        like(3, { durationMs: 'long' }),
        like(10),
        like(11, { undoneAt: at(12) }),
      ]);
    await old.table('hourly').bulkAdd([
      { ...base, hour: 3, count: 'three', measuredMs: 0, measuredCount: 0 }, // no reader could use it
      { ...base, hour: 10, count: 1, measuredMs: 0, measuredCount: 0 },
      { ...base, day: '2026-12-01', hour: 9, count: 4, measuredMs: 0, measuredCount: 0 }, // another day: carried over as it is
    ]);
    await old.table('daily').bulkAdd([{ ...base, count: 4, measuredMs: 0, measuredCount: 0 }]);
    old.close();

    const db = new ClickworkDB('migrate-v5-unreadable');
    await db.open();
    const read = await readHourly(db, '2026-12-01', '2026-12-02');
    // Hour 3 holds its four actions again (the undone one counts nowhere; the one with a time no reader
    // could use counts without it), as a repair would have made it.
    expect(read.map((r) => `${r.day} ${r.hour}: ${r.count}`)).toEqual(['2026-12-01 9: 4', '2026-12-02 3: 4', '2026-12-02 10: 1']);
    // The hand-entered two, with their minute, are in the hour's hand-entered fields.
    expect(read[1]).toMatchObject({ manualCount: 2, manualTimedCount: 2, manualMs: 60_000, measuredCount: 0 });
    await db.delete();
  });
});
