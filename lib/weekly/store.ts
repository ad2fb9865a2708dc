import type { ClickworkDB } from '../db/schema';
import { dueWeek, sanitizeWeekly, type WeeklyState } from './week';

const KEY = 'weekly';

export async function loadWeekly(db: ClickworkDB): Promise<WeeklyState> {
  return sanitizeWeekly((await db.meta.get(KEY))?.value);
}

/** Changes the stored state in one transaction (a concurrent change is not lost). */
export async function updateWeekly(db: ClickworkDB, change: (s: WeeklyState) => WeeklyState): Promise<WeeklyState> {
  return db.transaction('rw', db.meta, async () => {
    const next = change(sanitizeWeekly((await db.meta.get(KEY))?.value));
    await db.meta.put({ key: KEY, value: next });
    return next;
  });
}

/**
 * Takes the week due at `now`, if any, and marks it handled in the same transaction: of two
 * callers (an alarm and a startup, the background and the popup) only one gets it.
 */
export async function claimDueWeek(db: ClickworkDB, now: number): Promise<string | null> {
  return db.transaction('rw', db.meta, async () => {
    const state = sanitizeWeekly((await db.meta.get(KEY))?.value);
    const week = dueWeek(state, now);
    if (week) await db.meta.put({ key: KEY, value: { ...state, handled: week } });
    return week;
  });
}

/** Marks a week handled (the card dismissed); never moves back to an earlier week. */
export async function markHandled(db: ClickworkDB, week: string): Promise<void> {
  await updateWeekly(db, (s) => (s.handled !== undefined && s.handled >= week ? s : { ...s, handled: week }));
}
