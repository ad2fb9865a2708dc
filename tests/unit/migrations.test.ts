import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { recordHealth } from '@/lib/db/health';
import { ClickworkDB, dayKey, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_VERSION } from '@/lib/db/schema';
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
    expect(SCHEMA_VERSION).toBe(5);
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
    const rows = await db.hourly.toArray();
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
});
