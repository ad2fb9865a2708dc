import type { Kind, PlatformId, Signal, Slot } from '../taxonomy';
import { withStamp } from './local-time';
import { RollupBuffer } from './rollup';
import type { ClickworkDB, LaborEvent } from './schema';

export { RollupBuffer };

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

function addEvent(s: Sighting, rollup: RollupBuffer): void {
  const ev: LaborEvent = { kind: s.kind, platform: s.platform, detail: s.detail, ts: s.ts, signal: s.signal };
  if (s.durationMs !== undefined) ev.durationMs = Math.round(s.durationMs);
  if (s.rounds !== undefined) ev.rounds = s.rounds;
  if (s.host) ev.host = s.host;
  if (s.targetKey) ev.targetKey = s.targetKey;
  // Its local day and hour as they are here and now, for good (lib/db/local-time.ts).
  const stamped = withStamp(ev);
  rollup.events.add(stamped);
  rollup.bump(stamped, 1);
}

function undoEvent(ev: LaborEvent, at: number, rollup: RollupBuffer): void {
  rollup.events.update(ev, { undoneAt: at });
  rollup.bump(ev, -1);
}

/** Folds a second sighting of the same action into its event. */
function merge(ev: LaborEvent, s: Sighting, rollup: RollupBuffer): void {
  const changes: Partial<LaborEvent> = { signal: mergeSignal(ev.signal, s.signal) };
  // The network names the precise detail (a reply rather than a post); keep its word.
  const detailChanges = s.signal === 'network' && s.detail !== ev.detail && !ev.undoneAt;
  const durationChanges = ev.durationMs === undefined && s.durationMs !== undefined && !ev.undoneAt;
  if (detailChanges || durationChanges) rollup.bump(ev, -1);
  if (detailChanges) changes.detail = s.detail;
  if (durationChanges) changes.durationMs = Math.round(s.durationMs as number);
  if (s.rounds !== undefined && ev.rounds === undefined) changes.rounds = s.rounds;
  rollup.events.update(ev, changes);
  if (detailChanges || durationChanges) rollup.bump(ev, 1);
}

const near = (a: number, b: number) => Math.abs(a - b) <= MERGE_WINDOW_MS;

function applyToggle(s: Sighting, rollup: RollupBuffer, confirmOnly: boolean): Outcome {
  const onTarget = rollup.events
    .onTarget(s.platform, s.targetKey as string)
    // A hand-entered row is never the detected action's twin, nor what its undo cancels.
    .filter((e) => e.kind === s.kind && e.signal !== 'manual');
  // Exclusive slots hold one state per target whatever its detail; per-detail slots one per detail.
  const sameSlot = onTarget.filter((e) => s.slot === 'exclusive' || e.detail === s.detail);
  const active = sameSlot.filter((e) => !e.undoneAt).sort((a, b) => b.ts - a.ts);

  if (s.op === 'undo') {
    const victim = active.find((e) => e.ts <= s.ts + MERGE_WINDOW_MS);
    if (victim) {
      undoEvent(victim, s.ts, rollup);
      return 'undone';
    }
    return 'ignored'; // already undone by the other signal, or done before we were counting
  }

  const same = active.find((e) => e.detail === s.detail);
  if (same) {
    merge(same, s, rollup);
    return 'merged';
  }
  // A late sighting of an action that was already undone (its click and undo came first).
  const undone = sameSlot.find(
    (e) => e.undoneAt !== undefined && e.detail === s.detail && s.ts <= e.undoneAt && near(e.ts, s.ts),
  );
  if (undone) {
    merge(undone, s, rollup);
    return 'merged';
  }
  if (confirmOnly) return 'unconfirmed';
  if (s.slot === 'exclusive' && active.length > 0) {
    for (const old of active) undoEvent(old, s.ts, rollup);
    addEvent(s, rollup);
    return 'replaced';
  }
  addEvent(s, rollup);
  return 'added';
}

/**
 * The undo of a state whose control named no target (a toggle seen without one): it takes back the
 * latest active state of the same action and platform that had no target either, set at most a merge
 * window before (a second after, for a late sighting). Without it, like-unlike-like would count two.
 */
function undoUntargeted(s: Sighting, rollup: RollupBuffer): Outcome {
  const same = rollup.events
    .between(s.platform, s.ts - MERGE_WINDOW_MS, s.ts + 1_000)
    .filter(
      (e) => !e.targetKey && e.kind === s.kind && e.signal !== 'manual' && (s.slot === 'exclusive' || e.detail === s.detail),
    );
  // One unlike seen by both signals: the second sighting is the same undo, not another.
  if (same.some((e) => e.undoneAt !== undefined && Math.abs(e.undoneAt - s.ts) <= 1_000)) return 'ignored';
  const victim = same.filter((e) => !e.undoneAt).sort((a, b) => b.ts - a.ts)[0];
  if (!victim) return 'ignored';
  undoEvent(victim, s.ts, rollup);
  return 'undone';
}

function applyOccurrence(s: Sighting, rollup: RollupBuffer, confirmOnly: boolean): Outcome {
  if (s.op === 'undo') return s.slot === 'none' ? 'ignored' : undoUntargeted(s, rollup);
  // A click and its request, or a double submit: the same kind on the same platform within the
  // window, on the same target where both sides know it.
  const candidates = rollup.events.between(s.platform, s.ts - MERGE_WINDOW_MS, s.ts + MERGE_WINDOW_MS).filter(
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
    merge(twin, s, rollup);
    return 'merged';
  }
  addEvent(s, rollup);
  return 'added';
}

const isToggle = (s: Sighting) => s.slot !== 'none' && s.targetKey !== undefined && s.targetKey !== '';

/**
 * Reads what applying `s` needs into the transaction's batch: the events on its target (a toggle),
 * or its platform's events within the merge window around it (an occurrence).
 */
export function prepare(db: ClickworkDB, s: Sighting, rollup: RollupBuffer): Promise<void> {
  return isToggle(s)
    ? rollup.events.prefetch(db, [[s.platform, s.targetKey as string]])
    : rollup.events.prefetchSpan(db, s.platform, s.ts - MERGE_WINDOW_MS, s.ts + MERGE_WINDOW_MS);
}

/**
 * Reads, for a whole batch at once, what its sightings need (see `prepare`): one request per
 * target, one per platform for the time spans of its occurrences.
 */
export async function prepareAll(db: ClickworkDB, sightings: readonly Sighting[], rollup: RollupBuffer): Promise<void> {
  const targets: [PlatformId, string][] = [];
  const times = new Map<PlatformId, number[]>();
  for (const s of sightings) {
    if (isToggle(s)) targets.push([s.platform, s.targetKey as string]);
    else {
      const list = times.get(s.platform);
      if (list) list.push(s.ts);
      else times.set(s.platform, [s.ts]);
    }
  }
  const spans = [...times].flatMap(([platform, ts]) => windowsAround(ts).map((w) => ({ platform, ...w })));
  await Promise.all([
    rollup.events.prefetch(db, targets),
    ...spans.map(({ platform, from, to }) => rollup.events.prefetchSpan(db, platform, from, to)),
  ]);
}

/**
 * The merge windows around these times, overlapping ones joined: a batch whose sightings are hours
 * apart (a resent message among new ones) reads two short spans, not the hours between them.
 */
function windowsAround(times: number[]): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  for (const ts of [...times].sort((a, b) => a - b)) {
    const last = out.at(-1);
    if (last && ts - MERGE_WINDOW_MS <= last.to) last.to = ts + MERGE_WINDOW_MS;
    else out.push({ from: ts - MERGE_WINDOW_MS, to: ts + MERGE_WINDOW_MS });
  }
  return out;
}

/**
 * Applies a sighting whose events were read (`prepare` or `prepareAll`), synchronously, inside a
 * transaction that includes `events`, `daily` and `hours`; the changes are written by
 * `rollup.flush()` before the transaction ends. A `confirmOnly` sighting (a request for an action a
 * DOM control reports) only merges into the control's event: it never adds or replaces one, and
 * returns 'unconfirmed' when there is none yet.
 */
export function applyPrepared(s: Sighting, rollup: RollupBuffer, confirmOnly = false): Outcome {
  return isToggle(s)
    ? applyToggle(s, rollup, confirmOnly && s.op === 'add')
    : applyOccurrence(s, rollup, confirmOnly && s.op === 'add');
}

/** Reads what a sighting needs, then applies it (see `applyPrepared`). */
export async function applySighting(db: ClickworkDB, s: Sighting, rollup: RollupBuffer, confirmOnly = false): Promise<Outcome> {
  await prepare(db, s, rollup);
  return applyPrepared(s, rollup, confirmOnly);
}

/** Stores a batch of sightings in one transaction, in order: all of them or, on failure, none. */
export async function ingest(db: ClickworkDB, sightings: readonly Sighting[]): Promise<Outcome[]> {
  return db.transaction('rw', db.events, db.daily, db.hours, async () => {
    const outcomes: Outcome[] = [];
    const rollup = new RollupBuffer();
    await prepareAll(db, sightings, rollup);
    for (const s of sightings) outcomes.push(applyPrepared(s, rollup));
    await rollup.flush(db);
    return outcomes;
  });
}
