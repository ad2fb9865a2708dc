import type { Transaction } from 'dexie';
import { emptyHours, type HoursRow, hoursKey, setHour } from './hours';
import { isReadableHourly } from './rows';
import type { HourlyRollup } from './schema';

/** Version 5's per-hour rows gathered into one row per day, platform, kind and detail. */
export function packHourly(rows: readonly unknown[]): { packed: HoursRow[]; unreadable: number } {
  const packed = new Map<string, HoursRow>();
  let unreadable = 0;
  for (const r of rows) {
    if (!isReadableHourly(r)) {
      unreadable++;
      continue;
    }
    const id = JSON.stringify(hoursKey(r));
    const row = packed.get(id) ?? emptyHours(r);
    setHour(row, r.hour, r as HourlyRollup);
    packed.set(id, row);
  }
  return { packed: [...packed.values()], unreadable };
}

/**
 * Version 5 to 6: the per-hour totals move from `hourly` (one row per hour) to `hours` (one row
 * of 24 slots per day, platform, kind and detail), with the same numbers; Dexie deletes `hourly`
 * after this has run. No reader used an unreadable row (lib/db/rows.ts): it cannot be packed and
 * is not carried over; the day's totals (`daily`) and its events are untouched.
 */
export async function upgradeToV6(tx: Transaction): Promise<void> {
  const rows = await tx.table('hourly').toArray();
  const { packed } = packHourly(rows);
  await tx.table('hours').bulkPut(packed);
}
