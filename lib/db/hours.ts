import { isCount, isReadableTotalKey, isTotalMs, noteUnreadable } from './rows';
import type { ClickworkDB, DailyKey, DailyRollup, HourlyRollup } from './schema';

/**
 * The per-hour totals of one local day, platform, kind and detail, stored as one row (schema
 * version 6): each field of a daily row as 24 slots, one per local hour (index = hour). A year by
 * the hour is then as many rows as by the day; version 4's one row per hour made a year's research
 * export read some 52,000 small records, and IndexedDB's cost is per record, not per byte.
 * A slot whose count is 0 holds no action; the hand-entered slots exist only where some hour has
 * hand-entered actions.
 */
export interface HoursRow {
  day: string;
  platform: DailyRollup['platform'];
  kind: DailyRollup['kind'];
  detail: string;
  count: number[];
  measuredMs: number[];
  measuredCount: number[];
  manualCount?: number[];
  manualTimedCount?: number[];
  manualMs?: number[];
}

/** The hours table's primary key, `[day+platform+kind+detail]` (the daily table's). */
export type HoursKey = DailyKey;

export const HOURS = 24;
const COUNTS = ['count', 'measuredMs', 'measuredCount'] as const;
const MANUAL = ['manualCount', 'manualTimedCount', 'manualMs'] as const;

export const hoursKey = (r: Pick<HoursRow, 'day' | 'platform' | 'kind' | 'detail'>): HoursKey => [
  r.day,
  r.platform,
  r.kind,
  r.detail,
];

const slots = () => new Array<number>(HOURS).fill(0);

/** An empty row for a day, platform, kind and detail. */
export const emptyHours = (r: Pick<HoursRow, 'day' | 'platform' | 'kind' | 'detail'>): HoursRow => ({
  day: r.day,
  platform: r.platform,
  kind: r.kind,
  detail: r.detail,
  count: slots(),
  measuredMs: slots(),
  measuredCount: slots(),
});

/** Whether an hour of a row has hand-entered fields (any of them not 0, and the slots there). */
export const hasManual = (r: HoursRow, hour: number): boolean =>
  !!r.manualCount && !!(r.manualCount[hour] || r.manualTimedCount?.[hour] || r.manualMs?.[hour]);

/** One hour of a row, as version 4 stored it; undefined when the hour holds no action. */
export function hourOf(r: HoursRow, hour: number): HourlyRollup | undefined {
  const count = r.count[hour] as number;
  if (!count) return undefined;
  const out: HourlyRollup = {
    day: r.day,
    hour,
    platform: r.platform,
    kind: r.kind,
    detail: r.detail,
    count,
    measuredMs: r.measuredMs[hour] as number,
    measuredCount: r.measuredCount[hour] as number,
  };
  // Hand-entered fields only where the hour has some (as a version 4 row kept its shape).
  if (hasManual(r, hour)) {
    for (const f of MANUAL) out[f] = r[f]?.[hour] ?? 0;
  }
  return out;
}

/** The hours of a row that hold actions, in hour order. */
export function unpackHours(r: HoursRow): HourlyRollup[] {
  const out: HourlyRollup[] = [];
  for (let h = 0; h < HOURS; h++) {
    const x = hourOf(r, h);
    if (x) out.push(x);
  }
  return out;
}

/** Sets one hour of a row to these totals (undefined: the hour holds nothing). */
export function setHour(r: HoursRow, hour: number, x: DailyRollup | undefined): void {
  for (const f of COUNTS) r[f][hour] = x ? x[f] : 0;
  const manual = x && (x.manualCount || x.manualTimedCount || x.manualMs);
  if (manual && !r.manualCount) for (const f of MANUAL) r[f] = slots();
  if (r.manualCount) for (const f of MANUAL) (r[f] as number[])[hour] = (manual && x[f]) || 0;
  if (r.manualCount && MANUAL.every((f) => r[f]?.every((v) => v === 0))) for (const f of MANUAL) delete r[f];
}

/** Whether a row holds any action. */
export const holdsActions = (r: HoursRow) => r.count.some((c) => c !== 0);

const isSlots = (v: unknown): v is number[] =>
  Array.isArray(v) && v.length === HOURS && v.every((x) => typeof x === 'number' && Number.isFinite(x));

/**
 * Whether an hour that holds actions (count not 0) is one every reader can use: the checks of a
 * per-hour total (isReadableHourly) on the fields hourOf would give, read from the slots in place.
 */
function isReadableHour(r: HoursRow, hour: number): boolean {
  if (!isCount(r.count[hour]) || !isCount(r.measuredCount[hour]) || !isTotalMs(r.measuredMs[hour])) return false;
  if (!hasManual(r, hour)) return true;
  return isCount(r.manualCount?.[hour] ?? 0) && isCount(r.manualTimedCount?.[hour] ?? 0) && isTotalMs(r.manualMs?.[hour] ?? 0);
}

/**
 * A row every reader can use: its key fields, 24 numeric slots per field, and each hour readable.
 * Checked in place, nothing allocated: a year by the hour is some 2,200 rows of 24 hours.
 */
export function isReadableHours(r: unknown): r is HoursRow {
  if (r === null || typeof r !== 'object') return false;
  const h = r as Record<string, unknown>;
  if (!isReadableTotalKey(h)) return false;
  if (!COUNTS.every((f) => isSlots(h[f])) || !MANUAL.every((f) => h[f] === undefined || isSlots(h[f]))) return false;
  const row = h as unknown as HoursRow;
  for (let hour = 0; hour < HOURS; hour++) if (row.count[hour] && !isReadableHour(row, hour)) return false;
  return true;
}

/**
 * The per-hour totals of the local days `from` to `to` (inclusive), one per hour that holds
 * actions; an unreadable stored row is noted and left out.
 */
export async function readHourly(db: ClickworkDB, from: string, to: string): Promise<HourlyRollup[]> {
  const rows = await db.hours.where('day').between(from, to, true, true).toArray();
  const out: HourlyRollup[] = [];
  for (const r of rows) {
    if (isReadableHours(r)) out.push(...unpackHours(r));
    else noteUnreadable('hours', hoursKey(r));
  }
  return out;
}
