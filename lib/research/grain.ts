/**
 * The time grains of a research export: a local hour, a local day, an ISO 8601 week (Monday to
 * Sunday, keyed by its Monday's local date) or a local calendar month (keyed by its first day).
 * A week or month row adds up the local days stamped on each action when it happened
 * (lib/db/local-time.ts), so it always equals the sum of the day rows (and the dashboard's days)
 * it covers. Pure calendar arithmetic on `YYYY-MM-DD`: no time zone is read here.
 */
export const GRAINS = ['hour', 'day', 'week', 'month'] as const;
export type Grain = (typeof GRAINS)[number];

export const isGrain = (v: unknown): v is Grain => typeof v === 'string' && (GRAINS as readonly string[]).includes(v);

/** Whether grain `a` is as coarse as `b` or coarser (a month row can hold a study's days, not the reverse). */
export const coarserOrSame = (a: Grain, b: Grain) => GRAINS.indexOf(a) >= GRAINS.indexOf(b);

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

/** The first local day of the grain's span holding `day` (the day itself for hours and days). */
export function bucketStart(day: string, grain: Grain): string {
  if (grain === 'hour' || grain === 'day') return day;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  if (grain === 'month') return `${String(y).padStart(4, '0')}-${pad(m)}-01`;
  // Days since Monday, from the weekday of the calendar date (UTC only as a calendar, never a clock).
  const date = new Date(Date.UTC(2000, m - 1, d));
  date.setUTCFullYear(y);
  const back = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - back);
  return `${String(date.getUTCFullYear()).padStart(4, '0')}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** Whether `day` starts a span of the grain (any day does for hours and days). */
export const isBucketStart = (day: string, grain: Grain) => bucketStart(day, grain) === day;

/** The ISO 8601 week label of a week's Monday (2026-11-09 → 2026-W46), for people reading a file. */
export function isoWeekLabel(monday: string): string {
  const [y, m, d] = monday.split('-').map(Number) as [number, number, number];
  const thursday = new Date(Date.UTC(2000, m - 1, d + 3));
  thursday.setUTCFullYear(y);
  const year = thursday.getUTCFullYear();
  const jan1 = new Date(Date.UTC(2000, 0, 1));
  jan1.setUTCFullYear(year);
  const week = Math.floor((thursday.getTime() - jan1.getTime()) / 86_400_000 / 7) + 1;
  return `${year}-W${pad(week)}`;
}
