import { recordHealth } from '../db/health';
import { applyPrepared, applySighting, prepareAll, RollupBuffer, type Sighting } from '../db/ingest';
import type { ClickworkDB, GestureRow } from '../db/schema';
import type { CaptchaMessage } from '../messages';
import type { PlatformId } from '../taxonomy';
import { GESTURE_GRACE_MS, GESTURE_WINDOW_MS } from './attribution';
import { CAPTCHA_PENDING_TTL_MS, captchaStep } from './captcha';
import { confirmOrPark, confirmParked, pruneParked } from './confirmations';
import type { TargetHasher } from './targets';

/** Ids of stored messages are kept this long: far beyond any retry of the same message. */
export const SEEN_TTL_MS = 24 * 3_600_000;
/** How often stale message ids, gestures and parked requests are pruned. */
export const PRUNE_EVERY_MS = 60_000;
/**
 * A prune waits this long after a write: a worker just woken by a click stores that click first.
 * (A worker stopped within a tenth of a second of the click loses a request seen only in its memory:
 * each step before the commit counts, and a prune in the write's transaction cost it 5-15 ms.)
 */
export const PRUNE_DELAY_MS = 3_000;

/** One thing the intake writes. `id`: a content-script message id, for exactly-once delivery. */
export type Item = { id?: string; incognito?: boolean } & (
  | { kind: 'sighting'; sighting: Sighting; rawTarget?: string; confirmOnly?: boolean; gesture?: GestureRow }
  | { kind: 'health'; platform: PlatformId; ok: boolean; ts: number }
  | { kind: 'captcha'; message: CaptchaMessage; tabId: number; host?: string }
  | { kind: 'gesture'; gesture: GestureRow }
);

export function platformOf(item: Item): PlatformId {
  if (item.kind === 'sighting') return item.sighting.platform;
  if (item.kind === 'captcha') return item.message.platform;
  if (item.kind === 'gesture') return item.gesture.platform;
  return item.platform;
}

/** What writeBatch keeps from one batch to the next (the collector holds one for its life). */
export interface WriterState {
  /** When stale rows were last pruned (Pruner). */
  last: number;
  /**
   * Every stored message id, with when its row was written: the `seen` table, read once (at the
   * first batch that carries a message id) and kept in step after each batch is written and each
   * prune. Only writeBatch adds to that table, one batch at a time, and the Pruner deletes from it
   * what it also drops from the copy (both in read-write transactions on it, run one after the
   * other), so the copy is exact; it spares each batch a lookup and a record per message (a burst
   * of 10,000 sightings spent 1.2 s of its 3.8 s on them).
   */
  seen?: Map<string, number>;
}

/** The stored message ids (see WriterState.seen). */
async function readSeen(db: ClickworkDB): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const row of await db.seen.toArray()) for (const id of row.ids ?? [row.id]) ids.set(id, row.at);
  return ids;
}

/**
 * Writes a batch in one transaction, in order; true when what the pages show changed. The ids of
 * its messages are recorded in the same transaction (one `seen` row for the batch), so a message
 * resent after a lost confirmation is recognised and dropped: exactly once.
 */
export async function writeBatch(db: ClickworkDB, hasher: TargetHasher, batch: Item[], state: WriterState): Promise<boolean> {
  // Hashing is asynchronous outside IndexedDB: done before the transaction opens.
  await Promise.all(
    batch.map(async (item) => {
      if (item.kind === 'sighting' && item.rawTarget) {
        item.sighting.targetKey = await hasher.key(item.sighting.platform, item.rawTarget);
      }
    }),
  );
  let changed = false;
  // This batch's new message ids, recorded when its transaction has committed.
  const fresh = new Set<string>();
  const now = Date.now();
  // Gestures and requests carry no message id: a batch of them (a worker's first, after a click) reads no ids.
  const hasIds = batch.some((item) => item.id !== undefined);
  const tables = [db.events, db.daily, db.hours, db.pending, db.health, db.seen, db.gestures, db.parked];
  await db.transaction('rw', tables, async () => {
    // Read inside the transaction, so the copy is the table's; a failed batch leaves it as true as it was.
    if (hasIds) state.seen ??= await readSeen(db);
    const stored = state.seen ?? new Map<string, number>();
    const rollup = new RollupBuffer();
    // What the batch's sightings need, read at once (lib/db/ingest.ts prepareAll).
    await prepareAll(db, sightingsOf(batch), rollup);
    // Most batches meet no parked request: one count spares a lookup per sighting.
    const parked = (await db.parked.count()) > 0 || batch.some((i) => i.kind === 'sighting' && i.confirmOnly);
    let awaited = 0;
    for (const item of batch) {
      if (item.id) {
        // Already stored (a resend) or met earlier in this batch: skipped, exactly once.
        if (stored.has(item.id) || fresh.has(item.id)) continue;
        fresh.add(item.id);
      }
      // A plain sighting is applied synchronously: its events were read above.
      if (isPlain(item, parked)) {
        applyPrepared(item.sighting, rollup);
        changed = true;
        continue;
      }
      // Counted over the items awaited: the others make no await at all.
      if (++awaited % KEEP_ALIVE_EVERY === 0) await keepAlive(db);
      changed = (await apply(db, item, rollup, parked)) || changed;
    }
    await rollup.flush(db);
    const ids = [...fresh];
    if (ids.length)
      await db.seen.put(ids.length === 1 ? { id: ids[0] as string, at: now } : { id: ids[0] as string, at: now, ids });
  });
  // Committed: the copy of the table follows it.
  for (const id of fresh) state.seen?.set(id, now);
  return changed;
}

function sightingsOf(batch: Item[]): Sighting[] {
  return batch.flatMap((item) => (item.kind === 'sighting' ? [item.sighting] : []));
}

/** A sighting with nothing else to write or look up: no gesture's budget, no confirmation, no parked request to meet. */
function isPlain(item: Item, parked: boolean): item is Item & { kind: 'sighting' } {
  return item.kind === 'sighting' && !item.gesture && !item.confirmOnly && !(parked && item.sighting.signal === 'dom');
}

/** How many items may pass between two IndexedDB requests of a batch's transaction (see keepAlive). */
const KEEP_ALIVE_EVERY = 4;

/**
 * One cheap read in the transaction. Dexie keeps its transaction across native \`await\`s only for
 * a limited run of them after its last request (MAX_BATCH, lib/background/batcher.ts); awaited
 * items whose events were prefetched make none, so a long run of them would lose it
 * (PrematureCommitError). A read every few awaited items keeps it; plain sightings await nothing.
 */
function keepAlive(db: ClickworkDB): Promise<unknown> {
  return db.seen.get('');
}

/** Applies one item inside writeBatch()'s transaction; true when what the pages show changed. */
async function apply(db: ClickworkDB, item: Item, rollup: RollupBuffer, parked: boolean): Promise<boolean> {
  if (item.kind === 'gesture') {
    await db.gestures.put(item.gesture);
    return false;
  }
  if (item.kind === 'health') {
    await recordHealth(db, item.platform, item.ok, item.ts);
    return true;
  }
  if (item.kind === 'captcha') {
    const s = await captchaStep(db, item.message, item.tabId, item.host);
    if (s) await applySighting(db, s, rollup);
    return true;
  }
  if (item.gesture) await db.gestures.put(item.gesture); // the gesture's spent budget, with its event
  if (item.confirmOnly) await confirmOrPark(db, item.sighting, rollup);
  else await applySighting(db, item.sighting, rollup);
  if (parked && item.sighting.signal === 'dom') await confirmParked(db, item.sighting, rollup);
  return true;
}

/**
 * Drops message ids past their time, expired gestures and requests no control confirmed: in its own
 * transaction, PRUNE_DELAY_MS after a write at the earliest and at most every PRUNE_EVERY_MS, while
 * the worker lives (a worker woken by one click is stopped about 30 s later).
 */
export class Pruner {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly db: ClickworkDB,
    private readonly state: WriterState,
  ) {}

  /** Called after each write: plans the next prune, if none is planned. */
  soon(): void {
    if (this.timer !== undefined) return;
    const wait = Math.max(PRUNE_DELAY_MS, this.state.last + PRUNE_EVERY_MS - Date.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.now().catch((error) => console.warn('[clickwork] could not prune stale rows', error));
    }, wait);
  }

  /** Prunes now; the copy of the `seen` table loses what the table lost. */
  async now(at = Date.now()): Promise<void> {
    await this.db.transaction('rw', [this.db.seen, this.db.gestures, this.db.parked, this.db.pending], () => prune(this.db, at));
    this.state.last = at;
    const cutoff = at - SEEN_TTL_MS;
    for (const [id, written] of this.state.seen ?? []) if (written < cutoff) this.state.seen?.delete(id);
  }
}

/** Drops message ids past their time, expired gestures, requests no control confirmed and stale CAPTCHA steps. */
async function prune(db: ClickworkDB, now: number): Promise<void> {
  await db.seen
    .where('at')
    .below(now - SEEN_TTL_MS)
    .delete();
  await db.gestures
    .where('ts')
    .below(now - GESTURE_WINDOW_MS - GESTURE_GRACE_MS - PRUNE_EVERY_MS)
    .delete();
  await pruneParked(db, now);
  // Abandoned challenges and tabs' last passes: a few rows, read whole.
  await db.pending.filter((p) => p.updatedAt < now - CAPTCHA_PENDING_TTL_MS).delete();
}
