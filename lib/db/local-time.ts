/**
 * An action's local time as it was where and when it happened: its calendar day, hour and offset
 * from UTC, stamped once when it is recorded (schema version 4). Days and hours are read from these
 * stamps ever after, so that moving the computer to another time zone changes neither the day
 * totals nor the hour totals of past actions, and both always agree.
 */
export interface LocalStamp {
  /** Local calendar day, YYYY-MM-DD. */
  day: string;
  /** Local hour, 0-23. */
  hour: number;
  /** Minutes east of UTC at that moment (Paris in summer: 120; New York in winter: -300). */
  utcOffset: number;
}

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

/** The local day, hour and offset of a moment, in the time zone in force now. */
export function localStamp(ts: number): LocalStamp {
  const d = new Date(ts);
  return {
    day: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`,
    hour: d.getHours(),
    utcOffset: -d.getTimezoneOffset() || 0, // never -0 (UTC)
  };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
export const isStampDay = (v: unknown): v is string => typeof v === 'string' && DAY.test(v);
export const isStampHour = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 23;
export const isStampOffset = (v: unknown): v is number =>
  Number.isInteger(v) && (v as number) >= -16 * 60 && (v as number) <= 16 * 60;

/** The stamp an event carries, or (an event recorded before version 4 and not upgraded) the one computed now. */
export function stampOf(e: { ts: number; day?: unknown; hour?: unknown; utcOffset?: unknown }): LocalStamp {
  if (isStampDay(e.day) && isStampHour(e.hour) && isStampOffset(e.utcOffset))
    return { day: e.day, hour: e.hour, utcOffset: e.utcOffset };
  return localStamp(e.ts);
}

/** The event with its stamp: kept if it has a readable one, made now otherwise. */
export function withStamp<T extends { ts: number; day?: string; hour?: number; utcOffset?: number }>(e: T): T {
  return Object.assign(e, stampOf(e));
}

/** The farthest apart two time zones put one moment's local time (UTC-12 to UTC+14). */
export const ZONE_SLACK_MS = 26 * 3_600_000;
