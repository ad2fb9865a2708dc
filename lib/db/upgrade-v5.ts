import type { Transaction } from 'dexie';
import type { DailyRollup, HourlyRollup, LaborEvent } from './schema';

/**
 * Details renamed by version 5, per platform: GitHub's thumbs were stored as `thumbs_up` and
 * `thumbs_down`, which no export can write (they left as `other`); the detector now stores the
 * export's `thumbs-up` and `thumbs-down`. A backup written before the rename is read through it too.
 */
export const RENAMED_DETAILS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  github: { thumbs_up: 'thumbs-up', thumbs_down: 'thumbs-down' },
};

/** The detail an event of this platform is stored under today. */
export function currentDetail(platform: unknown, detail: string): string {
  return (typeof platform === 'string' && RENAMED_DETAILS[platform]?.[detail]) || detail;
}

/** Rows whose detail is renamed, moved to their new key and merged with a row already there. */
async function renameRollups(tx: Transaction, table: 'daily' | 'hourly'): Promise<void> {
  const t = tx.table(table);
  const keyOf = (r: HourlyRollup) =>
    table === 'daily' ? [r.day, r.platform, r.kind, r.detail] : [r.day, r.hour, r.platform, r.kind, r.detail];
  const platforms = Object.keys(RENAMED_DETAILS);
  const rows = (await t.where('day').aboveOrEqual('').toArray()) as HourlyRollup[];
  for (const r of rows) {
    if (!platforms.includes(r.platform) || typeof r.detail !== 'string') continue;
    const detail = currentDetail(r.platform, r.detail);
    if (detail === r.detail) continue;
    const target = { ...r, detail };
    const there = (await t.get(keyOf(target))) as DailyRollup | undefined;
    await t.delete(keyOf(r));
    await t.put(there ? sum(there, r) : target);
  }
}

/** Two rows of one key added up; hand-entered fields only where either has some. */
function sum(a: DailyRollup, b: DailyRollup): DailyRollup {
  const out: DailyRollup = {
    ...a,
    count: a.count + b.count,
    measuredMs: a.measuredMs + b.measuredMs,
    measuredCount: a.measuredCount + b.measuredCount,
  };
  for (const f of ['manualCount', 'manualTimedCount', 'manualMs'] as const)
    if (a[f] !== undefined || b[f] !== undefined) out[f] = (a[f] ?? 0) + (b[f] ?? 0);
  return out;
}

/**
 * Version 4 to 5: GitHub's thumbs reactions take the details the export writes, in the events and
 * in the day and hour totals (keyed by detail: a renamed row moves to its new key, added to any row
 * already there). Nothing else changes; an unreadable row is left for the repair (lib/db/repair.ts).
 */
export async function upgradeToV5(tx: Transaction): Promise<void> {
  await tx
    .table('events')
    .toCollection()
    .modify((e: LaborEvent) => {
      if (typeof e.detail === 'string') e.detail = currentDetail(e.platform, e.detail);
    });
  await renameRollups(tx, 'daily');
  await renameRollups(tx, 'hourly');
}
