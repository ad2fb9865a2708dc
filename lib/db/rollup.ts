import Dexie, { type Table } from 'dexie';
import { EventBatch } from './event-batch';
import { emptyHours, type HoursKey, type HoursRow, holdsActions, hourOf, hoursKey, isReadableHours, setHour } from './hours';
import { stampOf } from './local-time';
import type { ClickworkDB, DailyKey, DailyRollup, HourlyRollup, LaborEvent } from './schema';

type Delta = HourlyRollup;

type RowKey = Omit<DailyRollup, 'count' | 'measuredMs' | 'measuredCount'>;
const zeroCounts = { count: 0, measuredMs: 0, measuredCount: 0, manualCount: 0, manualTimedCount: 0, manualMs: 0 };

export const zero = (d: RowKey, hour: number): Delta => ({ ...d, hour, ...zeroCounts });

/** Adds `sign` times the event (as many actions as it stands for) to a delta. */
export function addTo(d: DailyRollup, ev: LaborEvent, sign: 1 | -1): void {
  const n = sign * (ev.count ?? 1);
  d.count += n;
  if (ev.signal === 'manual') {
    // The user's own word: kept apart from what was measured.
    d.manualCount = (d.manualCount ?? 0) + n;
    if (ev.durationMs !== undefined) {
      d.manualTimedCount = (d.manualTimedCount ?? 0) + n;
      d.manualMs = (d.manualMs ?? 0) + sign * ev.durationMs;
    }
  } else if (ev.durationMs !== undefined) {
    d.measuredMs += sign * ev.durationMs;
    d.measuredCount += sign;
  }
}

/** A stored row plus a delta; hand-entered fields only where there are some (rows keep their shape). */
function merged<T extends DailyRollup>(row: T | undefined, d: T): T {
  const next: T = {
    ...d,
    count: (row?.count ?? 0) + d.count,
    measuredMs: (row?.measuredMs ?? 0) + d.measuredMs,
    measuredCount: (row?.measuredCount ?? 0) + d.measuredCount,
    manualCount: (row?.manualCount ?? 0) + (d.manualCount ?? 0),
    manualTimedCount: (row?.manualTimedCount ?? 0) + (d.manualTimedCount ?? 0),
    manualMs: (row?.manualMs ?? 0) + (d.manualMs ?? 0),
  };
  if (!next.manualCount && !next.manualTimedCount && !next.manualMs) {
    delete next.manualCount;
    delete next.manualTimedCount;
    delete next.manualMs;
  }
  return next;
}

const changes = (d: DailyRollup) =>
  d.count !== 0 || d.measuredMs !== 0 || d.measuredCount !== 0 || d.manualCount !== 0 || d.manualMs !== 0;

/** Above this many rows, the stored ones are read as one range of days rather than key by key. */
const RANGE_READ_FROM = 1000;

/**
 * The stored rows for these deltas, in their order. A restore touches tens of thousands of rows:
 * one read of the days they span (the primary key starts with the day) costs far less than as many
 * lookups, and next to nothing when those days hold no row yet.
 */
async function storedRows<T extends { day: string }, K extends DailyKey>(
  table: Table<T, K>,
  deltas: { day: string }[],
  keyOf: (d: { day: string }) => K,
): Promise<(T | undefined)[]> {
  if (deltas.length < RANGE_READ_FROM) return table.bulkGet(deltas.map(keyOf));
  let from = deltas[0]?.day as string;
  let to = from;
  for (const d of deltas) {
    if (d.day < from) from = d.day;
    if (d.day > to) to = d.day;
  }
  const id = (r: { day: string }) => JSON.stringify(keyOf(r));
  const stored = new Map<string, T>();
  for (const r of await table.where(':id').between([from], [to, Dexie.maxKey], true, true).toArray()) stored.set(id(r), r);
  return deltas.map((d) => stored.get(id(d)));
}

/** Writes deltas into one rollup table: one read and one write per touched row. */
async function flushInto<T extends DailyRollup, K extends DailyKey>(
  table: Table<T, K>,
  deltas: T[],
  keyOf: (d: T) => K,
): Promise<void> {
  const live = deltas.filter(changes);
  if (!live.length) return;
  const rows = await storedRows(table, live, keyOf as (d: { day: string }) => K);
  const put: T[] = [];
  const remove: K[] = [];
  live.forEach((d, i) => {
    const next = merged(rows[i], d);
    if (next.count <= 0) remove.push(keyOf(d));
    else put.push(next);
  });
  if (put.length) await table.bulkPut(put);
  if (remove.length) await table.bulkDelete(remove);
}

/**
 * Writes hour deltas into the hours table (one row per day, platform, kind and detail, 24 slots):
 * one read and one write per touched row, whatever the number of its hours that changed.
 */
async function flushHours(table: Table<HoursRow, HoursKey>, deltas: Delta[]): Promise<void> {
  const byRow = new Map<string, Delta[]>();
  for (const d of deltas.filter(changes)) {
    const id = `${d.day}|${d.platform}|${d.kind}|${d.detail}`;
    const list = byRow.get(id);
    if (list) list.push(d);
    else byRow.set(id, [d]);
  }
  if (!byRow.size) return;
  const firsts = [...byRow.values()].map((list) => list[0] as Delta);
  const rows = await storedRows(table, firsts, (d) => hoursKey(d as Delta));
  const put: HoursRow[] = [];
  const remove: HoursKey[] = [];
  firsts.forEach((first, i) => {
    // A stored row no reader can use (damaged) is left as it is, for the repair to rebuild from the
    // events (stored all the same): writing on it would throw and fail the whole batch.
    const stored = rows[i];
    if (stored && !isReadableHours(stored)) return;
    const row = stored ?? emptyHours(first);
    for (const d of byRow.get(`${first.day}|${first.platform}|${first.kind}|${first.detail}`) as Delta[]) {
      const next = merged(hourOf(row, d.hour), d);
      setHour(row, d.hour, next.count > 0 ? next : undefined);
    }
    if (holdsActions(row)) put.push(row);
    else if (rows[i]) remove.push(hoursKey(first));
  });
  if (put.length) await table.bulkPut(put);
  if (remove.length) await table.bulkDelete(remove);
}

/**
 * Changes to the per-day and per-hour rollups, gathered during a transaction and written once per
 * row at its end. An event counts in the day and hour stamped when it was recorded (its local time
 * then: lib/db/local-time.ts), so undoing it later in another time zone takes it off the same rows.
 */
export class RollupBuffer {
  private readonly days = new Map<string, DailyRollup>();
  private readonly hours = new Map<string, Delta>();
  /** The transaction's events: written by `flush`, before the rollups (lib/db/event-batch.ts). */
  readonly events = new EventBatch();

  /** Adds `sign` (+1 or -1) times the event to its day's and its hour's rows. */
  bump(ev: LaborEvent, sign: 1 | -1): void {
    const { day, hour } = stampOf(ev);
    const dayKey = `${day}|${ev.platform}|${ev.kind}|${ev.detail}`;
    const hourKey = `${dayKey}|${hour}`;
    const row: RowKey = { day, platform: ev.platform, kind: ev.kind, detail: ev.detail };
    const h = this.hours.get(hourKey) ?? zero(row, hour);
    addTo(h, ev, sign);
    this.hours.set(hourKey, h);
    const d = this.days.get(dayKey) ?? { ...row, ...zeroCounts };
    addTo(d, ev, sign);
    this.days.set(dayKey, d);
  }

  /** Writes the batch's new events, then the gathered changes; call inside the same transaction (with `events`, `daily` and `hours`). */
  async flush(db: ClickworkDB): Promise<void> {
    await this.events.flush(db);
    const days = [...this.days.values()];
    const hours = [...this.hours.values()];
    this.days.clear();
    this.hours.clear();
    await flushInto(db.daily, days, (d) => [d.day, d.platform, d.kind, d.detail]);
    await flushHours(db.hours, hours);
  }
}
