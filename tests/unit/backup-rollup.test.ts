import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportBackup, importBackup } from '@/lib/db/backup';
import { ingest, type Sighting } from '@/lib/db/ingest';
import { addManual } from '@/lib/db/manual';
import { repairUnreadable } from '@/lib/db/repair';
import { ClickworkDB } from '@/lib/db/schema';
import { sighting } from './helpers';

let a: ClickworkDB;
let b: ClickworkDB;
let n = 0;
beforeEach(() => {
  a = new ClickworkDB(`backup-rollup-a-${++n}`);
  b = new ClickworkDB(`backup-rollup-b-${n}`);
});
afterEach(async () => {
  await a.delete();
  await b.delete();
});

const T0 = new Date(2026, 9, 5, 22, 30).getTime();
const H = 3_600_000;
const s = (over: Partial<Sighting>): Sighting => sighting({ slot: 'exclusive', ts: T0, targetKey: 'k1', ...over });

/** Detected actions over three days and several hours, one undone, and hand-entered ones. */
async function history(db: ClickworkDB, shift: number) {
  await ingest(db, [
    s({ ts: T0 + shift }),
    s({ targetKey: `k${shift}`, ts: T0 + shift + 2 * H }),
    s({ targetKey: `k${shift}`, op: 'undo', ts: T0 + shift + 2 * H + 500 }), // stays, undone
    s({
      platform: 'x',
      kind: 'comment',
      detail: 'reply',
      slot: 'none',
      targetKey: undefined,
      ts: T0 + shift + 26 * H,
      durationMs: 4200,
    }),
    s({
      platform: 'recaptcha',
      kind: 'captcha',
      detail: 'challenge',
      slot: 'none',
      targetKey: undefined,
      ts: T0 + 50 * H,
      durationMs: 9000,
    }),
  ]);
  await addManual(db, { platform: 'reddit', kind: 'vote', detail: 'up', ts: T0 + 3 * H, count: 12, minutes: 5 }, T0 + 100 * H);
  await addManual(db, { platform: 'reddit', kind: 'vote', detail: 'up', ts: T0 + shift + 4 * H, count: 3 }, T0 + 100 * H);
}

const sorted = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();
const totals = async (db: ClickworkDB) => ({ daily: sorted(await db.daily.toArray()), hours: sorted(await db.hours.toArray()) });

/** The totals a repair rebuilds from the events (an event no reader can use makes it rebuild every day). */
async function rebuilt(db: ClickworkDB) {
  const id = await db.events.add({ ts: 'not a time' } as never);
  await repairUnreadable(db);
  expect(await db.events.get(id)).toBeUndefined();
  return totals(db);
}

describe('restore: totals', () => {
  it('into an empty database: every event back, totals equal to those a repair rebuilds', async () => {
    await history(a, 0);
    const result = await importBackup(b, JSON.stringify(await exportBackup(a, '0.1.0', 'en')), 'en');
    expect(result).toMatchObject({ ok: true, added: 6, duplicates: 0 });
    const after = await totals(b);
    expect(after).toEqual(await totals(a));
    expect(after.daily.length).toBeGreaterThan(3);
    expect(await rebuilt(b)).toEqual(after);
  });

  it('into a database holding some of the same events, hand-entered and undone ones: duplicates skipped, undo kept, totals rebuilt alike', async () => {
    await history(a, 0);
    // The same CAPTCHA; the rest new (a hand-entered row carries its own random key: never another's twin).
    await history(b, H / 2);
    const text = JSON.stringify(await exportBackup(a, '0.1.0', 'en'));
    const before = await b.events.count();
    expect(await importBackup(b, text, 'en')).toMatchObject({ ok: true, added: 5, duplicates: 1 });
    expect(await b.events.count()).toBe(before + 5);
    // Undone in the file, undone here: it is stored and counted nowhere.
    const undone = (await b.events.toArray()).filter((e) => e.undoneAt !== undefined);
    expect(undone).toHaveLength(2);
    const after = await totals(b);
    expect(await rebuilt(b)).toEqual(after);
    // The same file again changes nothing.
    expect(await importBackup(b, text, 'en')).toMatchObject({ ok: true, added: 0, duplicates: 6 });
    expect(await totals(b)).toEqual(after);
  });

  it('a corrupt file writes nothing: a clear error, every event and total as it was', async () => {
    await history(b, 0);
    const events = await b.events.toArray();
    const kept = await totals(b);
    const text = JSON.stringify(await exportBackup(b, '0.1.0', 'en'));
    for (const bad of [text.slice(0, text.length / 2), text.replace('"events"', '"evts"'), '']) {
      const r = await importBackup(b, bad, 'en');
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/^(not-json|no-events)$/);
    }
    expect(await b.events.toArray()).toEqual(events);
    expect(await totals(b)).toEqual(kept);
  });
});
