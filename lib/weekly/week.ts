import { dayKey } from '../db/schema';

/**
 * The weekly look back's calendar. A week is Monday 00:00 to the next Monday 00:00 in local time
 * (ISO weeks); it is named by its Monday's day key (YYYY-MM-DD), so weeks compare as strings.
 */

/** The Monday (local midnight) of the week containing `ts`. */
export function mondayOf(ts: number): Date {
  const d = new Date(ts);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() - ((d.getDay() + 6) % 7));
}

/** The last complete week before `now`: its Monday's key and its seven local days, oldest first. */
export function lastWeek(now: number): { week: string; days: string[] } {
  const monday = mondayOf(now);
  const days: string[] = [];
  for (let i = 7; i >= 1; i--) {
    // Noon keeps a day a day across a daylight-saving change.
    days.push(dayKey(new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() - i, 12).getTime()));
  }
  return { week: days[0] as string, days };
}

/** The user's choice, and the last week already looked back on (shown, dismissed or empty). */
export interface WeeklyState {
  enabled: boolean;
  /** Shown as a browser notification (when the browser grants it) rather than in the popup. */
  notify: boolean;
  /** Monday key of the last week handled: no summary of it, or of any week before it, comes again. */
  handled?: string;
  /** The popup stops offering the look back once the user said no. */
  offerHidden?: boolean;
}

export const WEEKLY_OFF: WeeklyState = { enabled: false, notify: false };

/**
 * The week whose summary is due at `now`, or null. Only the last complete week can be due: after
 * a browser closed for three weeks the user gets one look back (the latest), not three.
 */
export function dueWeek(state: WeeklyState, now: number): string | null {
  if (!state.enabled) return null;
  const { week } = lastWeek(now);
  // A clock put back does not bring an old week again (handled later than `week`).
  return state.handled !== undefined && state.handled >= week ? null : week;
}

/** Turning it on: the first look back is the week that ends after it (none at once for a past week). */
export function turnedOn(state: WeeklyState, notify: boolean, now: number): WeeklyState {
  const handled = state.enabled ? state.handled : lastWeek(now).week;
  return { ...state, enabled: true, notify, handled };
}

/** A state read from storage, with anything malformed replaced by "off". */
export function sanitizeWeekly(raw: unknown): WeeklyState {
  if (raw === null || typeof raw !== 'object') return { ...WEEKLY_OFF };
  const r = raw as Record<string, unknown>;
  const out: WeeklyState = { enabled: r.enabled === true, notify: r.notify === true };
  if (typeof r.handled === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(r.handled)) out.handled = r.handled;
  if (r.offerHidden === true) out.offerHidden = true;
  return out;
}
