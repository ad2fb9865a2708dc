import { applySighting, MERGE_WINDOW_MS, type RollupBuffer, type Sighting } from '../db/ingest';
import type { ClickworkDB, ParkedRow } from '../db/schema';

/**
 * Requests for actions a DOM control reports. Such a request never counts alone: it merges into
 * the control's event (signal `dom+network`, and its detail where it is more precise, a reply
 * rather than a post). When it comes first, it is parked in the database, so that it survives a
 * worker restart, until the control's sighting arrives; after the merge window it is dropped.
 * Both functions run inside the caller's transaction (`events`, `daily`, `parked`).
 */

/** Applies a request's sighting as a confirmation; parks it when there is nothing to confirm yet. */
export async function confirmOrPark(db: ClickworkDB, s: Sighting, rollup: RollupBuffer): Promise<void> {
  if ((await applySighting(db, s, rollup, true)) !== 'unconfirmed') return;
  const row: ParkedRow = { platform: s.platform, kind: s.kind, detail: s.detail, slot: s.slot, ts: s.ts };
  if (s.targetKey) row.targetKey = s.targetKey;
  if (s.host) row.host = s.host;
  await db.parked.add(row);
}

/** After a control's sighting is stored: the parked request that confirms it, if any, merges now. */
export async function confirmParked(db: ClickworkDB, dom: Sighting, rollup: RollupBuffer): Promise<void> {
  if (dom.op !== 'add') return;
  const parked = await db.parked
    .where('[platform+ts]')
    .between([dom.platform, dom.ts - MERGE_WINDOW_MS], [dom.platform, dom.ts + MERGE_WINDOW_MS], true, true)
    .filter((p) => p.kind === dom.kind && (!p.targetKey || !dom.targetKey || p.targetKey === dom.targetKey))
    .toArray();
  for (const p of parked) {
    const { id, ...rest } = p;
    const outcome = await applySighting(db, { ...rest, op: 'add', signal: 'network' }, rollup, true);
    if (outcome === 'unconfirmed') continue;
    await db.parked.delete(id as number);
    return;
  }
}

/** Drops parked requests older than the merge window: their control never reported them. */
export async function pruneParked(db: ClickworkDB, now: number): Promise<void> {
  await db.parked
    .where('ts')
    .below(now - 2 * MERGE_WINDOW_MS)
    .delete();
}
