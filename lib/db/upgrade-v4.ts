import type { Transaction } from 'dexie';
import { localStamp } from './local-time';
import { addTo, zero } from './rollup';
import type { HourlyRollup, LaborEvent } from './schema';

/**
 * Version 3 to 4: every event gets its local day, hour and UTC offset (computed in the time zone
 * in force at the upgrade: the moment the events were recorded in is not known, the day totals
 * were), and the per-hour totals are added up from the active, readable events. The per-day totals
 * are left as they are. A row that cannot be read is left for the repair (lib/db/repair.ts).
 */
export async function upgradeToV4(tx: Transaction): Promise<void> {
  const hourly = new Map<string, HourlyRollup>();
  await tx
    .table('events')
    .toCollection()
    .modify((e: LaborEvent) => {
      if (typeof e.ts !== 'number' || !Number.isFinite(e.ts) || Math.abs(e.ts) > 8.64e15) return;
      Object.assign(e, localStamp(e.ts));
      if (e.undoneAt || typeof e.platform !== 'string' || typeof e.kind !== 'string' || typeof e.detail !== 'string') return;
      const key = `${e.day}|${e.hour}|${e.platform}|${e.kind}|${e.detail}`;
      const row =
        hourly.get(key) ?? zero({ day: e.day as string, platform: e.platform, kind: e.kind, detail: e.detail }, e.hour as number);
      // As the rollup counts an event: hand-entered rows apart, with their stated time.
      addTo(row, e, 1);
      hourly.set(key, row);
    });
  const rows = [...hourly.values()].filter((r) => r.count > 0).map(trim);
  if (rows.length) await tx.table('hourly').bulkPut(rows);
}

/** Rows without hand-entered actions keep the daily rows' shape. */
function trim(r: HourlyRollup): HourlyRollup {
  if (r.manualCount || r.manualTimedCount || r.manualMs) return r;
  const { manualCount: _c, manualTimedCount: _t, manualMs: _m, ...rest } = r;
  return rest;
}
