import type { Table, Transaction } from 'dexie';
import { emptyHours, type HoursRow, hourOf, hoursKey, setHour } from './hours';
import { stampOf, ZONE_SLACK_MS } from './local-time';
import { addTo, zero } from './rollup';
import { dropUnreadableOptionals, isReadableEvent, isReadableHourly, requiredFieldsReadable } from './rows';
import type { HourlyRollup, LaborEvent } from './schema';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Version 5's per-hour rows gathered into one row per day, platform, kind and detail. An unreadable
 * row cannot be packed: `days` are the days such rows name (where one names none, no day can be told).
 */
export function packHourly(rows: readonly unknown[]): { packed: HoursRow[]; unreadable: number; days: Set<string> } {
  const packed = new Map<string, HoursRow>();
  const days = new Set<string>();
  let unreadable = 0;
  for (const r of rows) {
    if (!isReadableHourly(r)) {
      unreadable++;
      const day = (r as { day?: unknown } | null)?.day;
      if (typeof day === 'string' && DAY.test(day)) days.add(day);
      continue;
    }
    const id = JSON.stringify(hoursKey(r));
    const row = packed.get(id) ?? emptyHours(r);
    setHour(row, r.hour, r as HourlyRollup);
    packed.set(id, row);
  }
  return { packed: [...packed.values()], unreadable, days };
}

/**
 * The event as the repair of unreadable rows leaves it (lib/db/repair.ts): an optional field no
 * reader could use dropped, when the required ones are readable; undefined when it would be removed.
 */
function readableAsRepaired(stored: unknown): LaborEvent | undefined {
  if (isReadableEvent(stored)) return stored;
  const r = { ...(stored as Record<string, unknown>) };
  if (!requiredFieldsReadable(r)) return undefined;
  dropUnreadableOptionals(r);
  return isReadableEvent(r) ? r : undefined;
}

/**
 * The hours rows of `days`, from their readable, active events, as the repair of unreadable rows
 * (lib/db/repair.ts) rebuilds a day's totals: an event counts in the day and hour it was stamped with.
 */
export async function hoursFromEvents(events: Table<LaborEvent>, days: ReadonlySet<string>): Promise<HoursRow[]> {
  const rows = new Map<string, HoursRow>();
  for (const day of days) {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    const from = new Date(y, m - 1, d).getTime();
    const to = new Date(y, m - 1, d + 1).getTime();
    await events
      .where('ts')
      .between(from - ZONE_SLACK_MS, to + ZONE_SLACK_MS, true, false)
      .each((stored) => {
        const e = readableAsRepaired(stored);
        if (!e || e.undoneAt) return;
        const stamp = stampOf(e);
        if (stamp.day !== day) return;
        const key = { day, platform: e.platform, kind: e.kind, detail: e.detail };
        const id = JSON.stringify(hoursKey(key));
        const row = rows.get(id) ?? emptyHours(key);
        const hour = hourOf(row, stamp.hour) ?? zero(key, stamp.hour);
        addTo(hour, e, 1);
        setHour(row, stamp.hour, hour.count > 0 ? hour : undefined);
        rows.set(id, row);
      });
  }
  return [...rows.values()];
}

/**
 * Version 5 to 6: the per-hour totals move from `hourly` (one row per hour) to `hours` (one row
 * of 24 slots per day, platform, kind and detail), with the same numbers; Dexie deletes `hourly`
 * after this has run. An unreadable row cannot be packed: the hours of the day it names are
 * rebuilt from that day's events instead (what the repair offered for it in version 5 would have
 * done), so that no hour is left short. The day's totals (`daily`) and its events are untouched.
 */
export async function upgradeToV6(tx: Transaction): Promise<void> {
  const rows = await tx.table('hourly').toArray();
  const { packed, days } = packHourly(rows);
  const rebuilt = days.size ? await hoursFromEvents(tx.table('events'), days) : [];
  await tx.table('hours').bulkPut([...packed.filter((r) => !days.has(r.day)), ...rebuilt]);
}
