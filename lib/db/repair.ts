import type { Table } from 'dexie';
import { isReadableHours } from './hours';
import { RollupBuffer } from './ingest';
import { stampOf, ZONE_SLACK_MS } from './local-time';
import { dayBounds } from './queries';
import {
  dropUnreadableOptionals,
  forgetUnreadable,
  isReadableDaily,
  isReadableEvent,
  isReadableHealth,
  requiredFieldsReadable,
} from './rows';
import type { ClickworkDB, LaborEvent } from './schema';

/**
 * The repair offered with "N rows could not be read": every table is checked (not only the rows a
 * page happened to read). An event whose required fields are readable but an optional one is not
 * (a measured time that is text, say) is fixed by dropping that field; any other unreadable event,
 * rollup row, health row or study entry is removed. The per-day totals of every day touched are
 * then rebuilt from the events, as ingest keeps them.
 */
export interface RepairResult {
  removed: number;
  fixed: number;
}

const CHUNK = 20_000;

/** A calendar day a timestamp can name, or undefined (then every day's totals are rebuilt). */
const dayOf = (e: Record<string, unknown>) =>
  typeof e.ts === 'number' && Math.abs(e.ts) <= 8.64e15 ? stampOf(e as { ts: number }).day : undefined;

/** Events, a chunk at a time in primary-key order: fixes or removes the unreadable ones. */
async function repairEvents(db: ClickworkDB, days: Set<string>): Promise<RepairResult & { allDays: boolean }> {
  const out = { removed: 0, fixed: 0, allDays: false };
  let after = -Infinity;
  for (;;) {
    const done = await db.transaction('rw', db.events, async () => {
      const rows = await db.events.where(':id').above(after).limit(CHUNK).toArray();
      const remove: number[] = [];
      const fix: LaborEvent[] = [];
      for (const e of rows) {
        const r = e as unknown as Record<string, unknown>;
        after = r.id as number;
        if (isReadableEvent(e)) continue;
        const day = dayOf(r);
        if (day) days.add(day);
        else out.allDays = true;
        if (!requiredFieldsReadable(r)) {
          remove.push(r.id as number);
          continue;
        }
        dropUnreadableOptionals(r);
        fix.push(r as unknown as LaborEvent);
      }
      if (remove.length) await db.events.bulkDelete(remove);
      if (fix.length) await db.events.bulkPut(fix);
      out.removed += remove.length;
      out.fixed += fix.length;
      return rows.length < CHUNK;
    });
    if (done) return out;
  }
}

/** Rollup rows: the unreadable ones go, and their day's totals are rebuilt. */
async function repairDaily(db: ClickworkDB, days: Set<string>): Promise<number> {
  return (
    (await removeUnreadable(db, db.daily, isReadableDaily, days)) + (await removeUnreadable(db, db.hours, isReadableHours, days))
  );
}

/** Deletes the rows of one rollup table that fail `readable`, noting the days they named. */
async function removeUnreadable<T, K>(
  db: ClickworkDB,
  table: Table<T, K>,
  readable: (r: unknown) => boolean,
  days: Set<string>,
): Promise<number> {
  return db.transaction('rw', table, async () => {
    const bad: K[] = [];
    await table.each((r, cursor) => {
      if (readable(r)) return;
      bad.push(cursor.primaryKey);
      const day = (r as { day?: unknown }).day;
      if (typeof day === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(day)) days.add(day);
    });
    await table.bulkDelete(bad);
    return bad.length;
  });
}

/** Rebuilds the per-day totals of `days` (or of every day) from the readable, active events. */
async function rebuildTotals(db: ClickworkDB, days: Set<string> | 'all'): Promise<void> {
  const ranges: [number, number, string[]][] =
    days === 'all' ? [[-Infinity, Infinity, []]] : [...days].map((d) => [...dayBounds(d, d), [d]] as [number, number, string[]]);
  for (const [from, to, only] of ranges) {
    await db.transaction('rw', db.events, db.daily, db.hours, async () => {
      if (days === 'all') await Promise.all([db.daily.clear(), db.hours.clear()]);
      else await Promise.all([db.daily.where('day').anyOf(only).delete(), db.hours.where('day').anyOf(only).delete()]);
      const rollup = new RollupBuffer();
      // An event counts in the day stamped when it was recorded, which may be another zone's:
      // read half a day either side, and keep those stamped with one of the days.
      await db.events
        .where('ts')
        .between(from - ZONE_SLACK_MS, to + ZONE_SLACK_MS, true, false)
        .each((e) => {
          if (isReadableEvent(e) && !e.undoneAt && (days === 'all' || only.includes(stampOf(e).day))) rollup.bump(e, 1);
        });
      await rollup.flush(db);
    });
  }
}

export async function repairUnreadable(db: ClickworkDB): Promise<RepairResult> {
  const days = new Set<string>();
  const events = await repairEvents(db, days);
  const daily = await repairDaily(db, days);
  await rebuildTotals(db, events.allDays ? 'all' : days);
  const health = await db.transaction('rw', db.health, async () => {
    const bad = (await db.health.toArray()).filter((r) => !isReadableHealth(r));
    await db.health.bulkDelete(bad.map((r) => (r as { platform: never }).platform));
    return bad.length;
  });
  // The study list's module comes with the research code, which the pages load only when they need
  // it (wxt.config.ts: the popup and the dashboard draw without it); a repair is rare.
  const { removeUnreadableEnrolments } = await import('../research/study');
  const studies = await removeUnreadableEnrolments(db);
  forgetUnreadable();
  return { removed: events.removed + daily + health + studies, fixed: events.fixed };
}
