import type { Kind, PlatformId, Signal, Slot } from '../taxonomy';
import { type ClickworkDB, dayKey, type LaborEvent } from './schema';

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

export type Outcome = 'added' | 'merged' | 'replaced' | 'undone' | 'ignored';

/** Two sightings of one action (a click and its request) arrive within this window of each other. */
export const MERGE_WINDOW_MS = 10_000;

function mergeSignal(a: Signal, b: Signal): Signal {
  return a === b ? a : 'dom+network';
}

/** Adds `sign` (+1 or -1) times the event to its day's rollup row. */
async function bump(db: ClickworkDB, ev: LaborEvent, sign: 1 | -1): Promise<void> {
  const key = [dayKey(ev.ts), ev.platform, ev.kind, ev.detail] as const;
  const row = await db.daily.get(key as unknown as string);
  const measured = ev.durationMs !== undefined;
  const next = {
    day: key[0],
    platform: ev.platform,
    kind: ev.kind,
    detail: ev.detail,
    count: (row?.count ?? 0) + sign,
    measuredMs: (row?.measuredMs ?? 0) + (measured ? sign * (ev.durationMs ?? 0) : 0),
    measuredCount: (row?.measuredCount ?? 0) + (measured ? sign : 0),
  };
  if (next.count <= 0) await db.daily.delete(key as unknown as string);
  else await db.daily.put(next);
}

async function addEvent(db: ClickworkDB, s: Sighting): Promise<void> {
  const ev: LaborEvent = { kind: s.kind, platform: s.platform, detail: s.detail, ts: s.ts, signal: s.signal };
  if (s.durationMs !== undefined) ev.durationMs = Math.round(s.durationMs);
  if (s.rounds !== undefined) ev.rounds = s.rounds;
  if (s.host) ev.host = s.host;
  if (s.targetKey) ev.targetKey = s.targetKey;
  await db.events.add(ev);
  await bump(db, ev, 1);
}

async function undoEvent(db: ClickworkDB, ev: LaborEvent, at: number): Promise<void> {
  await db.events.update(ev.id as number, { undoneAt: at });
  await bump(db, ev, -1);
}

/** Folds a second sighting of the same action into its event. */
async function merge(db: ClickworkDB, ev: LaborEvent, s: Sighting): Promise<void> {
  const changes: Partial<LaborEvent> = { signal: mergeSignal(ev.signal, s.signal) };
  // The network names the precise detail (a reply rather than a post); keep its word.
  const detailChanges = s.signal === 'network' && s.detail !== ev.detail && !ev.undoneAt;
  const durationChanges = ev.durationMs === undefined && s.durationMs !== undefined && !ev.undoneAt;
  if (detailChanges || durationChanges) await bump(db, ev, -1);
  if (detailChanges) changes.detail = s.detail;
  if (durationChanges) changes.durationMs = Math.round(s.durationMs as number);
  if (s.rounds !== undefined && ev.rounds === undefined) changes.rounds = s.rounds;
  await db.events.update(ev.id as number, changes);
  if (detailChanges || durationChanges) await bump(db, { ...ev, ...changes }, 1);
}

const near = (a: number, b: number) => Math.abs(a - b) <= MERGE_WINDOW_MS;

async function applyToggle(db: ClickworkDB, s: Sighting): Promise<Outcome> {
  const onTarget = await db.events
    .where('[platform+targetKey]')
    .equals([s.platform, s.targetKey as string])
    .filter((e) => e.kind === s.kind)
    .toArray();
  // Exclusive slots hold one state per target whatever its detail; per-detail slots one per detail.
  const sameSlot = onTarget.filter((e) => s.slot === 'exclusive' || e.detail === s.detail);
  const active = sameSlot.filter((e) => !e.undoneAt).sort((a, b) => b.ts - a.ts);

  if (s.op === 'undo') {
    const victim = active.find((e) => e.ts <= s.ts + MERGE_WINDOW_MS);
    if (victim) {
      await undoEvent(db, victim, s.ts);
      return 'undone';
    }
    return 'ignored'; // already undone by the other signal, or done before we were counting
  }

  const same = active.find((e) => e.detail === s.detail);
  if (same) {
    await merge(db, same, s);
    return 'merged';
  }
  // A late sighting of an action that was already undone (its click and undo came first).
  const undone = sameSlot.find(
    (e) => e.undoneAt !== undefined && e.detail === s.detail && s.ts <= e.undoneAt && near(e.ts, s.ts),
  );
  if (undone) {
    await merge(db, undone, s);
    return 'merged';
  }
  if (s.slot === 'exclusive' && active.length > 0) {
    for (const old of active) await undoEvent(db, old, s.ts);
    await addEvent(db, s);
    return 'replaced';
  }
  await addEvent(db, s);
  return 'added';
}

async function applyOccurrence(db: ClickworkDB, s: Sighting): Promise<Outcome> {
  if (s.op === 'undo') return 'ignored';
  // A click and its request, or a double submit: the same kind on the same platform within the
  // window, on the same target where both sides know it.
  const candidates = await db.events
    .where('[platform+ts]')
    .between([s.platform, s.ts - MERGE_WINDOW_MS], [s.platform, s.ts + MERGE_WINDOW_MS], true, true)
    .filter(
      (e) =>
        !e.undoneAt &&
        e.kind === s.kind &&
        (!e.targetKey || !s.targetKey || e.targetKey === s.targetKey) &&
        // A captcha's checkbox and challenge are different outcomes, never one action.
        (s.kind !== 'captcha' || e.detail === s.detail),
    )
    .toArray();
  const other = candidates.find((e) => e.signal !== s.signal && e.signal !== 'dom+network');
  const twin = other ?? candidates.find((e) => e.signal === s.signal && Math.abs(e.ts - s.ts) <= 1_000);
  if (twin) {
    await merge(db, twin, s);
    return 'merged';
  }
  await addEvent(db, s);
  return 'added';
}

/** Applies one sighting; must run inside a transaction that includes `events` and `daily`. */
export function applySighting(db: ClickworkDB, s: Sighting): Promise<Outcome> {
  return s.slot !== 'none' && s.targetKey ? applyToggle(db, s) : applyOccurrence(db, s);
}

/** Stores a batch of sightings in one transaction, in order: all of them or, on failure, none. */
export async function ingest(db: ClickworkDB, sightings: readonly Sighting[]): Promise<Outcome[]> {
  return db.transaction('rw', db.events, db.daily, async () => {
    const outcomes: Outcome[] = [];
    for (const s of sightings) outcomes.push(await applySighting(db, s));
    return outcomes;
  });
}
