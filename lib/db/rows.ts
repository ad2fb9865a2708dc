import { KINDS, PLATFORM_IDS, SIGNALS } from '../taxonomy';
import type { DailyRollup, HealthRow, HourlyRollup, LaborEvent } from './schema';

/**
 * What a reader may trust in a stored row. IndexedDB keeps whatever was written (by a bug, an
 * older version, another tool or a hand-edited backup), so every read checks the fields it uses
 * and skips a row it cannot read rather than crash or add a string to a number. The checks are
 * typeof tests and lookups on the row as it is: nothing is allocated for a good row.
 */

// Sets built once: a lookup per field, at a million rows per read.
const KIND_SET: ReadonlySet<unknown> = new Set(KINDS);
const PLATFORM_SET: ReadonlySet<unknown> = new Set(PLATFORM_IDS);
const SIGNAL_SET: ReadonlySet<unknown> = new Set(SIGNALS);

/** A time a Date can hold (ms since the epoch, not before it). */
const isTime = (v: unknown): v is number => typeof v === 'number' && v >= 0 && v <= 8.64e15;
const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;
export const isCount = (v: unknown): v is number => typeof v === 'number' && v >= 0 && v <= 1e12 && Number.isInteger(v);
/** A total of milliseconds. */
export const isTotalMs = (v: unknown): v is number => typeof v === 'number' && v >= 0 && v < 1e15;

/** The required fields of an event, and `undoneAt` (which decides whether it counts). */
export function requiredFieldsReadable(e: Record<string, unknown>): boolean {
  return (
    isTime(e.ts) &&
    KIND_SET.has(e.kind) &&
    PLATFORM_SET.has(e.platform) &&
    isText(e.detail, 40) &&
    SIGNAL_SET.has(e.signal) &&
    (e.undoneAt === undefined || isTime(e.undoneAt))
  );
}

/** The optional fields a reader may show or sum; a bad one can be dropped without changing the action. */
export const OPTIONAL_FIELDS = {
  durationMs: (v: unknown) => typeof v === 'number' && v >= 0 && v < 86_400_000,
  rounds: (v: unknown) => isCount(v) && (v as number) <= 1000,
  host: (v: unknown) => isText(v, 253),
  targetKey: (v: unknown) => isText(v, 64),
} as const;

/** Deletes, in place, the optional fields of an event that no reader could use (the repair's fix). */
export function dropUnreadableOptionals(r: Record<string, unknown>): void {
  for (const [field, ok] of Object.entries(OPTIONAL_FIELDS)) if (r[field] !== undefined && !ok(r[field])) delete r[field];
}

/** An event every reader can use: the same rule for the pages, the research export and a restore. */
export function isReadableEvent(e: unknown): e is LaborEvent {
  if (e === null || typeof e !== 'object') return false;
  const r = e as Record<string, unknown>;
  return (
    requiredFieldsReadable(r) &&
    (r.durationMs === undefined || OPTIONAL_FIELDS.durationMs(r.durationMs)) &&
    (r.rounds === undefined || OPTIONAL_FIELDS.rounds(r.rounds)) &&
    (r.host === undefined || OPTIONAL_FIELDS.host(r.host)) &&
    (r.targetKey === undefined || OPTIONAL_FIELDS.targetKey(r.targetKey)) &&
    // Only a hand-entered row stands for more than one action (1 to 1,000).
    (r.count === undefined || (r.signal === 'manual' && isCount(r.count) && r.count >= 1 && r.count <= 1000))
  );
}

/** For a reader's filter: true for a readable event; an unreadable one is noted and left out. */
export function readableEvent(e: unknown): e is LaborEvent {
  if (isReadableEvent(e)) return true;
  noteUnreadable('events', (e as { id?: unknown } | null)?.id);
  return false;
}

/** A per-day total the pages can add up. */
export function isReadableDaily(r: unknown): r is DailyRollup {
  if (r === null || typeof r !== 'object') return false;
  const d = r as Record<string, unknown>;
  return (
    isReadableTotalKey(d) &&
    isCount(d.count) &&
    isCount(d.measuredCount) &&
    isTotalMs(d.measuredMs) &&
    (d.manualCount === undefined || isCount(d.manualCount)) &&
    (d.manualTimedCount === undefined || isCount(d.manualTimedCount)) &&
    (d.manualMs === undefined || isTotalMs(d.manualMs))
  );
}

/** The key fields of a per-day (or packed per-hour) total: day, platform, kind, detail. */
export const isReadableTotalKey = (d: Record<string, unknown>): boolean =>
  typeof d.day === 'string' &&
  d.day.length === 10 &&
  PLATFORM_SET.has(d.platform) &&
  KIND_SET.has(d.kind) &&
  isText(d.detail, 40);

/** A per-hour total: a per-day one with its hour. */
export function isReadableHourly(r: unknown): r is HourlyRollup {
  const h = (r as { hour?: unknown } | null)?.hour;
  return isReadableDaily(r) && Number.isInteger(h) && (h as number) >= 0 && (h as number) <= 23;
}

export function isReadableHealth(r: unknown): r is HealthRow {
  if (r === null || typeof r !== 'object') return false;
  const h = r as Record<string, unknown>;
  const time = (v: unknown) => v === undefined || typeof v === 'number';
  return PLATFORM_SET.has(h.platform) && isCount(h.missingCount) && time(h.lastOk) && time(h.lastMissing) && time(h.missingSince);
}

/**
 * The unreadable rows this page's reads met, by table and key, so that the same row met by two
 * reads counts once. The popup and the dashboard show how many, with a repair (lib/db/repair.ts).
 */
const met = new Set<string>();
const listeners = new Set<(count: number) => void>();

export function noteUnreadable(table: string, key: unknown): void {
  const id = `${table}:${typeof key === 'object' ? JSON.stringify(key) : String(key)}`;
  if (met.has(id)) return;
  met.add(id);
  for (const l of listeners) l(met.size);
}

export function unreadableCount(): number {
  return met.size;
}

/** After a repair: the pages read again, and note what is still there. */
export function forgetUnreadable(): void {
  met.clear();
  for (const l of listeners) l(0);
}

export function onUnreadable(listener: (count: number) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The key a daily row is stored under, to name it (also an unreadable row: any field may be missing). */
export const dailyKey = (r: Partial<DailyRollup>) => [r.day, r.platform, r.kind, r.detail];
