import type { Transaction } from 'dexie';
import { localStamp } from './local-time';
import type { DailyRollup, HourlyRollup, LaborEvent } from './schema';

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
      const row = hourly.get(key) ?? newRow(e);
      addEvent(row, e);
      hourly.set(key, row);
    });
  const rows = [...hourly.values()].filter((r) => r.count > 0).map(trim);
  if (rows.length) await tx.table('hourly').bulkPut(rows);
}

function newRow(e: LaborEvent): HourlyRollup {
  return {
    day: e.day as string,
    hour: e.hour as number,
    platform: e.platform,
    kind: e.kind,
    detail: e.detail,
    count: 0,
    measuredMs: 0,
    measuredCount: 0,
    manualCount: 0,
    manualTimedCount: 0,
    manualMs: 0,
  };
}

/** As the rollup counts an event (lib/db/rollup.ts): hand-entered rows apart, with their stated time. */
function addEvent(r: DailyRollup, e: LaborEvent): void {
  const n = e.signal === 'manual' && Number.isInteger(e.count) ? (e.count as number) : 1;
  const ms = typeof e.durationMs === 'number' && e.durationMs >= 0 ? e.durationMs : undefined;
  r.count += n;
  if (e.signal === 'manual') {
    r.manualCount = (r.manualCount ?? 0) + n;
    if (ms !== undefined) {
      r.manualTimedCount = (r.manualTimedCount ?? 0) + n;
      r.manualMs = (r.manualMs ?? 0) + ms;
    }
  } else if (ms !== undefined) {
    r.measuredMs += ms;
    r.measuredCount += 1;
  }
}

/** Rows without hand-entered actions keep the daily rows' shape. */
function trim(r: HourlyRollup): HourlyRollup {
  if (r.manualCount || r.manualTimedCount || r.manualMs) return r;
  const { manualCount: _c, manualTimedCount: _t, manualMs: _m, ...rest } = r;
  return rest;
}
