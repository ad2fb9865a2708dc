import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { recordHealth } from '@/lib/db/health';
import { ClickworkDB, SCHEMA_V1, SCHEMA_V2, SCHEMA_VERSION } from '@/lib/db/schema';
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
    expect(SCHEMA_VERSION).toBe(3);
  });

  it('upgrades a version-1 database with every row intact', async () => {
    await createOld('migrate-v1', SCHEMA_V1, 1, v1);
    const db = new ClickworkDB('migrate-v1');
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    for (const [table, rows] of Object.entries(v1.tables)) {
      const now = await db.table(table).toArray();
      expect(now, table).toEqual(expect.arrayContaining(rows));
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
    expect(db.verno).toBe(3);
    for (const [table, rows] of Object.entries(v2.tables)) {
      expect(await db.table(table).toArray(), table).toEqual(expect.arrayContaining(rows));
      expect(await db.table(table).count()).toBe(rows.length);
    }
    // The new tables (gestures, parked requests) start empty and work.
    expect(await db.gestures.count()).toBe(0);
    await db.parked.add({ platform: 'youtube', kind: 'reaction', detail: 'like', slot: 'exclusive', ts: 1795950500000 });
    expect(await db.parked.where('[platform+ts]').between(['youtube', 0], ['youtube', Infinity]).count()).toBe(1);
    await db.delete();
  });
});
