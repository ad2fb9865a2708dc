import type { Kind } from '../taxonomy';
import { RollupBuffer } from './ingest';
import { isReadableEvent, readableEvent } from './rows';
import type { ClickworkDB, LaborEvent } from './schema';

/** The newest active events first, a page at a time, optionally of one platform or kind. */
export async function historyPage(
  db: ClickworkDB,
  options: { before?: number; limit?: number; platform?: string; kind?: string } = {},
): Promise<LaborEvent[]> {
  const limit = options.limit ?? 50;
  const upper = options.before ?? Number.POSITIVE_INFINITY;
  return db.events
    .where('ts')
    .below(upper)
    .reverse()
    .filter(
      (e) =>
        readableEvent(e) &&
        !e.undoneAt &&
        e.platform !== 'practice' &&
        (!options.platform || e.platform === options.platform) &&
        (!options.kind || e.kind === options.kind),
    )
    .limit(limit)
    .toArray();
}

/**
 * Deletes one event the user says was miscounted; its day's totals follow. An unreadable row is
 * left to the repair (lib/db/repair.ts), which rebuilds its day's totals from the events.
 */
export async function deleteEvent(db: ClickworkDB, id: number): Promise<boolean> {
  return db.transaction('rw', db.events, db.daily, db.hours, async () => {
    const ev = await db.events.get(id);
    if (!isReadableEvent(ev)) return false;
    await db.events.delete(id);
    if (!ev.undoneAt) {
      const rollup = new RollupBuffer();
      rollup.bump(ev, -1);
      await rollup.flush(db);
    }
    return true;
  });
}

/** Corrects the kind of one (readable) event, the detail kept; its day's totals follow. */
export async function correctKind(db: ClickworkDB, id: number, kind: Kind): Promise<boolean> {
  return db.transaction('rw', db.events, db.daily, db.hours, async () => {
    const ev = await db.events.get(id);
    if (!isReadableEvent(ev) || ev.kind === kind) return false;
    await db.events.update(id, { kind });
    if (!ev.undoneAt) {
      const rollup = new RollupBuffer();
      rollup.bump(ev, -1);
      rollup.bump({ ...ev, kind }, 1);
      await rollup.flush(db);
    }
    return true;
  });
}

/** Deletes every event and total, real and practice, and the intake's recent gestures; settings stay. */
export async function deleteEverything(db: ClickworkDB): Promise<void> {
  const tables = [db.events, db.daily, db.hours, db.pending, db.health, db.gestures, db.parked];
  await db.transaction('rw', tables, async () => {
    await Promise.all(tables.map((t) => t.clear()));
  });
}
