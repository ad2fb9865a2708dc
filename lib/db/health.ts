import type { PlatformId } from '../taxonomy';
import { isReadableHealth, noteUnreadable, readableEvent } from './rows';
import type { ClickworkDB, HealthRow } from './schema';

/** Page views in a row without the controls before the UI warns (one may be a slow page). */
export const MISSES_BEFORE_WARNING = 2;

/** Records one self-check result of a platform's detector. */
export async function recordHealth(db: ClickworkDB, platform: PlatformId, ok: boolean, ts: number): Promise<void> {
  await db.transaction('rw', db.health, async () => {
    // An unreadable row (see rows.ts) is replaced by a fresh one rather than added to.
    const old = await db.health.get(platform);
    const row: HealthRow = isReadableHealth(old) ? old : { platform, missingCount: 0 };
    if (ok) {
      row.lastOk = Math.max(row.lastOk ?? 0, ts);
      row.missingCount = 0;
      delete row.missingSince;
    } else {
      row.lastMissing = Math.max(row.lastMissing ?? 0, ts);
      row.missingSince ??= ts;
      row.missingCount += 1;
    }
    await db.health.put(row);
  });
}

export interface PlatformHealth {
  platform: PlatformId;
  lastOk?: number;
  lastEvent?: number;
  /** Set when the controls have not been recognised on enough pages in a row. */
  brokenSince?: number;
}

/** Health of every platform that has been checked or has counted something. */
export async function healthStatus(db: ClickworkDB, platforms: readonly PlatformId[]): Promise<PlatformHealth[]> {
  const rows = new Map<PlatformId, HealthRow>();
  for (const r of await db.health.toArray()) {
    if (isReadableHealth(r)) rows.set(r.platform, r);
    else noteUnreadable('health', (r as { platform?: unknown }).platform);
  }
  const out: PlatformHealth[] = [];
  for (const platform of platforms) {
    const row = rows.get(platform);
    // The newest event of the platform, through the [platform+ts] index: one key read.
    const last = await db.events
      .where('[platform+ts]')
      .between([platform, -Infinity], [platform, Infinity])
      .reverse()
      .filter((e) => readableEvent(e) && !e.undoneAt)
      .first();
    if (!row && !last) continue;
    const h: PlatformHealth = { platform };
    if (row?.lastOk) h.lastOk = row.lastOk;
    if (last) h.lastEvent = last.ts;
    if (row && row.missingCount >= MISSES_BEFORE_WARNING && row.missingSince) h.brokenSince = row.missingSince;
    out.push(h);
  }
  return out;
}
