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
  // The newest event of each platform, through the [platform+ts] index: one key read each, all
  // asked at once with the rows (one after the other they held the dashboard ~25 ms at 1M events).
  const [stored, lasts] = await Promise.all([
    db.health.toArray(),
    Promise.all(
      platforms.map((platform) =>
        db.events
          .where('[platform+ts]')
          .between([platform, -Infinity], [platform, Infinity])
          .reverse()
          .filter((e) => readableEvent(e) && !e.undoneAt)
          .first(),
      ),
    ),
  ]);
  const rows = new Map<PlatformId, HealthRow>();
  for (const r of stored) {
    if (isReadableHealth(r)) rows.set(r.platform, r);
    else noteUnreadable('health', (r as { platform?: unknown }).platform);
  }
  const out: PlatformHealth[] = [];
  platforms.forEach((platform, i) => {
    const row = rows.get(platform);
    const last = lasts[i];
    if (!row && !last) return;
    const h: PlatformHealth = { platform };
    if (row?.lastOk) h.lastOk = row.lastOk;
    if (last) h.lastEvent = last.ts;
    if (row && row.missingCount >= MISSES_BEFORE_WARNING && row.missingSince) h.brokenSince = row.missingSince;
    out.push(h);
  });
  return out;
}
