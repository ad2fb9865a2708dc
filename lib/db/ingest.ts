import type { Kind, PlatformId, Signal, Slot } from '../taxonomy';
import { EventBatch } from './event-batch';
import { type ClickworkDB, type DailyRollup, dayKey, type LaborEvent } from './schema';

/** One sighting of an action, normalised by the background, ready to be stored. */
export interface Sighting {
  platform: PlatformId;
  kind: Kind;
  detail: string;
  slot: Slot;
  op: 'add' | 'undo';
  signal: 'dom' | 'network';
  ts: number;
  targetKey?: string;
  host?: string;
  durationMs?: number;
  rounds?: number;
}

/** `unconfirmed`: a confirm-only sighting found nothing to confirm (and changed nothing). */
export type Outcome = 'added' | 'merged' | 'replaced' | 'undone' | 'ignored' | 'unconfirmed';

/** Two sightings of one action (a click and its request) arrive within this window of each other. */
export const MERGE_WINDOW_MS = 10_000;

function mergeSignal(a: Signal, b: Signal): Signal {
  return a === b ? a : 'dom+network';
}

/**
 * Changes to the per-day rollup, gathered during a transaction and written once per row at its
 * end: two IndexedDB operations per touched day and kind instead of two per event.
 */
export class RollupBuffer {
  private readonly deltas = new Map<string, DailyRollup>();
  /** The transaction's events: written by `flush`, before the rollup. */
  readonly events = new EventBatch();

  /** Adds `sign` (+1 or -1) times the event (as many actions as it stands for) to its day's row. */
  bump(ev: LaborEvent, sign: 1 | -1): void {
    const day = dayKey(ev.ts);
    const key = `${day}|${ev.platform}|${ev.kind}|${ev.detail}`;
    const d = this.deltas.get(key) ?? {
      day,
      platform: ev.platform,
      kind: ev.kind,
      detail: ev.detail,
      count: 0,
      measuredMs: 0,
      measuredCount: 0,
      manualCount: 0,
      manualTimedCount: 0,
      manualMs: 0,
    };
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
    this.deltas.set(key, d);
  }

  /** Writes the gathered changes; call inside the same transaction, after the events. */
  async flush(db: ClickworkDB): Promise<void> {
    await this.events.flush(db);
    const deltas = [...this.deltas.values()].filter(
      (d) => d.count !== 0 || d.measuredMs !== 0 || d.measuredCount !== 0 || d.manualCount !== 0 || d.manualMs !== 0,
    );
    this.deltas.clear();
    if (!deltas.length) return;
    const keys = deltas.map((d) => [d.day, d.platform, d.kind, d.detail]);
    const rows = await db.daily.bulkGet(keys as never);
    const put: DailyRollup[] = [];
    const remove: unknown[] = [];
    deltas.forEach((d, i) => {
      const row = rows[i];
      const next: DailyRollup = {
        ...d,
        count: (row?.count ?? 0) + d.count,
        measuredMs: (row?.measuredMs ?? 0) + d.measuredMs,
        measuredCount: (row?.measuredCount ?? 0) + d.measuredCount,
        manualCount: (row?.manualCount ?? 0) + (d.manualCount ?? 0),
        manualTimedCount: (row?.manualTimedCount ?? 0) + (d.manualTimedCount ?? 0),
        manualMs: (row?.manualMs ?? 0) + (d.manualMs ?? 0),
      };
      // Rows without hand-entered actions keep the shape they always had.
      if (!next.manualCount && !next.manualTimedCount && !next.manualMs) {
        delete next.manualCount;
        delete next.manualTimedCount;
        delete next.manualMs;
      }
      if (next.count <= 0) remove.push(keys[i]);
      else put.push(next);
    });
    if (put.length) await db.daily.bulkPut(put);
    if (remove.length) await db.daily.bulkDelete(remove as never);
  }
}

function addEvent(s: Sighting, rollup: RollupBuffer): void {
  const ev: LaborEvent = { kind: s.kind, platform: s.platform, detail: s.detail, ts: s.ts, signal: s.signal };
  if (s.durationMs !== undefined) ev.durationMs = Math.round(s.durationMs);
  if (s.rounds !== undefined) ev.rounds = s.rounds;
  if (s.host) ev.host = s.host;
  if (s.targetKey) ev.targetKey = s.targetKey;
  rollup.events.add(ev);
  rollup.bump(ev, 1);
}

async function undoEvent(db: ClickworkDB, ev: LaborEvent, at: number, rollup: RollupBuffer): Promise<void> {
  await rollup.events.update(db, ev, { undoneAt: at });
  rollup.bump(ev, -1);
}

/** Folds a second sighting of the same action into its event. */
async function merge(db: ClickworkDB, ev: LaborEvent, s: Sighting, rollup: RollupBuffer): Promise<void> {
  const changes: Partial<LaborEvent> = { signal: mergeSignal(ev.signal, s.signal) };
  // The network names the precise detail (a reply rather than a post); keep its word.
  const detailChanges = s.signal === 'network' && s.detail !== ev.detail && !ev.undoneAt;
  const durationChanges = ev.durationMs === undefined && s.durationMs !== undefined && !ev.undoneAt;
  if (detailChanges || durationChanges) rollup.bump(ev, -1);
  if (detailChanges) changes.detail = s.detail;
  if (durationChanges) changes.durationMs = Math.round(s.durationMs as number);
  if (s.rounds !== undefined && ev.rounds === undefined) changes.rounds = s.rounds;
  await rollup.events.update(db, ev, changes);
  if (detailChanges || durationChanges) rollup.bump(ev, 1);
}

const near = (a: number, b: number) => Math.abs(a - b) <= MERGE_WINDOW_MS;

async function applyToggle(db: ClickworkDB, s: Sighting, rollup: RollupBuffer, confirmOnly: boolean): Promise<Outcome> {
  const onTarget = (await rollup.events.onTarget(db, s.platform, s.targetKey as string))
    // A hand-entered row is never the detected action's twin, nor what its undo cancels.
    .filter((e) => e.kind === s.kind && e.signal !== 'manual');
  // Exclusive slots hold one state per target whatever its detail; per-detail slots one per detail.
  const sameSlot = onTarget.filter((e) => s.slot === 'exclusive' || e.detail === s.detail);
  const active = sameSlot.filter((e) => !e.undoneAt).sort((a, b) => b.ts - a.ts);

  if (s.op === 'undo') {
    const victim = active.find((e) => e.ts <= s.ts + MERGE_WINDOW_MS);
    if (victim) {
      await undoEvent(db, victim, s.ts, rollup);
      return 'undone';
    }
    return 'ignored'; // already undone by the other signal, or done before we were counting
  }

  const same = active.find((e) => e.detail === s.detail);
  if (same) {
    await merge(db, same, s, rollup);
    return 'merged';
  }
  // A late sighting of an action that was already undone (its click and undo came first).
  const undone = sameSlot.find(
    (e) => e.undoneAt !== undefined && e.detail === s.detail && s.ts <= e.undoneAt && near(e.ts, s.ts),
  );
  if (undone) {
    await merge(db, undone, s, rollup);
    return 'merged';
  }
  if (confirmOnly) return 'unconfirmed';
  if (s.slot === 'exclusive' && active.length > 0) {
    for (const old of active) await undoEvent(db, old, s.ts, rollup);
    addEvent(s, rollup);
    return 'replaced';
  }
  addEvent(s, rollup);
  return 'added';
}

async function applyOccurrence(db: ClickworkDB, s: Sighting, rollup: RollupBuffer, confirmOnly: boolean): Promise<Outcome> {
  if (s.op === 'undo') return 'ignored';
  // A click and its request, or a double submit: the same kind on the same platform within the
  // window, on the same target where both sides know it.
  const candidates = (await rollup.events.between(db, s.platform, s.ts - MERGE_WINDOW_MS, s.ts + MERGE_WINDOW_MS)).filter(
    (e) =>
      !e.undoneAt &&
      e.kind === s.kind &&
      e.signal !== 'manual' &&
      (!e.targetKey || !s.targetKey || e.targetKey === s.targetKey) &&
      // A captcha's checkbox and challenge are different outcomes, never one action.
      (s.kind !== 'captcha' || e.detail === s.detail),
  );
  const other = candidates.find((e) => e.signal !== s.signal && e.signal !== 'dom+network');
  if (confirmOnly && !other) return 'unconfirmed';
  const twin = other ?? candidates.find((e) => e.signal === s.signal && Math.abs(e.ts - s.ts) <= 1_000);
  if (twin) {
    await merge(db, twin, s, rollup);
    return 'merged';
  }
  addEvent(s, rollup);
  return 'added';
}

/**
 * Applies one sighting inside a transaction that includes `events` and `daily`; the rollup's
 * changes are written by `rollup.flush()` before the transaction ends. A `confirmOnly` sighting (a
 * request for an action a DOM control reports) only merges into the control's event: it never
 * adds or replaces one, and returns 'unconfirmed' when there is none yet.
 */
export function applySighting(db: ClickworkDB, s: Sighting, rollup: RollupBuffer, confirmOnly = false): Promise<Outcome> {
  return s.slot !== 'none' && s.targetKey
    ? applyToggle(db, s, rollup, confirmOnly && s.op === 'add')
    : applyOccurrence(db, s, rollup, confirmOnly && s.op === 'add');
}

/** Stores a batch of sightings in one transaction, in order: all of them or, on failure, none. */
export async function ingest(db: ClickworkDB, sightings: readonly Sighting[]): Promise<Outcome[]> {
  return db.transaction('rw', db.events, db.daily, async () => {
    const outcomes: Outcome[] = [];
    const rollup = new RollupBuffer();
    for (const s of sightings) outcomes.push(await applySighting(db, s, rollup));
    await rollup.flush(db);
    return outcomes;
  });
}
