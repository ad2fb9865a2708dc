import { isKind, isPlatformId, KIND_DETAILS, type Kind, type PlatformId } from '../taxonomy';
import { RollupBuffer } from './ingest';
import { stampOf, withStamp } from './local-time';
import type { ClickworkDB, LaborEvent } from './schema';

/**
 * Actions the user enters by hand (a review written in a phone app, a site the meter does not
 * know): stored as one row with `signal: 'manual'` and a `count`, counted in every total, shown
 * and exported as hand-entered, never merged with a detected action nor netted out by an undo.
 */
export const MANUAL_MAX_COUNT = 1000;
/** At most ten hours for one entry: above that, it is more likely a typing slip than an evening. */
export const MANUAL_MAX_MINUTES = 600;
/** The oldest moment a personal backup accepts (1 January 2000), so that every entry can be restored. */
export const MANUAL_OLDEST = 946_684_800_000;
/** An entry dated in the current minute is not in the future (the form has minutes, not seconds). */
const CLOCK_SLACK_MS = 60_000;

export interface ManualInput {
  platform: string;
  kind: string;
  detail: string;
  /** When, ms since the epoch (NaN when the form's date or time did not parse). */
  ts: number;
  count: number;
  /** Time the whole entry took, in minutes; absent when not given. */
  minutes?: number;
}

export type ManualField = 'platform' | 'kind' | 'detail' | 'when' | 'count' | 'minutes';
export type ManualError =
  | 'unknown-platform'
  | 'unknown-kind'
  | 'unknown-detail'
  | 'invalid-time'
  | 'future'
  | 'too-old'
  | 'count-range'
  | 'minutes-range';

export type ManualResult =
  | { ok: true; event: Omit<LaborEvent, 'id'> }
  | { ok: false; errors: Partial<Record<ManualField, ManualError>> };

/** Checks every field (not only the first bad one, so the form can mark each), and builds the row. */
export function validateManual(input: ManualInput, now = Date.now()): ManualResult {
  const errors: Partial<Record<ManualField, ManualError>> = {};
  // The practice page is kept apart from real click-work: nothing is entered there by hand.
  if (!isPlatformId(input.platform) || input.platform === 'practice') errors.platform = 'unknown-platform';
  if (!isKind(input.kind)) errors.kind = 'unknown-kind';
  else if (!KIND_DETAILS[input.kind].includes(input.detail)) errors.detail = 'unknown-detail';
  if (typeof input.ts !== 'number' || !Number.isFinite(input.ts)) errors.when = 'invalid-time';
  else if (input.ts > now + CLOCK_SLACK_MS) errors.when = 'future';
  else if (input.ts < MANUAL_OLDEST) errors.when = 'too-old';
  if (!Number.isInteger(input.count) || input.count < 1 || input.count > MANUAL_MAX_COUNT) errors.count = 'count-range';
  const m = input.minutes;
  if (m !== undefined && !(typeof m === 'number' && Number.isFinite(m) && m > 0 && m <= MANUAL_MAX_MINUTES))
    errors.minutes = 'minutes-range';
  if (Object.keys(errors).length) return { ok: false, errors };
  const event: Omit<LaborEvent, 'id'> = {
    platform: input.platform as PlatformId,
    kind: input.kind as Kind,
    detail: input.detail,
    ts: Math.min(input.ts, now),
    signal: 'manual',
    count: input.count,
  };
  if (m !== undefined) event.durationMs = Math.round(m * 60_000);
  return { ok: true, event };
}

/** Stores a hand-entered action and counts it in its day's totals; refuses bad values with their reasons. */
export async function addManual(db: ClickworkDB, input: ManualInput, now = Date.now()): Promise<ManualResult & { id?: number }> {
  const result = validateManual(input, now);
  if (!result.ok) return result;
  // A random key per entry: a restore tells two identical entries (same minute, kind, platform) apart.
  const event: LaborEvent = withStamp({ ...result.event, targetKey: `manual-${crypto.randomUUID()}` });
  const id = await db.transaction('rw', db.events, db.daily, db.hours, async () => {
    const added = (await db.events.add(event)) as number;
    const rollup = new RollupBuffer();
    rollup.bump(event, 1);
    await rollup.flush(db);
    return added;
  });
  return { ok: true, event, id };
}

export type EditResult = ManualResult | { ok: false; errors: Record<string, never>; notManual: true };

/** Changes a hand-entered row (detected rows are corrected through their kind only); totals follow. */
export async function editManual(db: ClickworkDB, id: number, input: ManualInput, now = Date.now()): Promise<EditResult> {
  const result = validateManual(input, now);
  if (!result.ok) return result;
  return db.transaction('rw', db.events, db.daily, db.hours, async () => {
    const old = await db.events.get(id);
    if (old?.signal !== 'manual') return { ok: false as const, errors: {}, notManual: true as const };
    const next: LaborEvent = { ...result.event, id };
    // The same moment keeps the local day and hour it was stamped with; a new one is stamped here.
    if (old.ts === next.ts) Object.assign(next, stampOf(old));
    withStamp(next);
    if (old.targetKey) next.targetKey = old.targetKey;
    await db.events.put(next);
    const rollup = new RollupBuffer();
    rollup.bump(old, -1);
    rollup.bump(next, 1);
    await rollup.flush(db);
    return { ok: true as const, event: next };
  });
}

/** The form's values of a stored hand-entered row (to edit it). */
export function manualInputOf(e: LaborEvent): ManualInput {
  const input: ManualInput = { platform: e.platform, kind: e.kind, detail: e.detail, ts: e.ts, count: e.count ?? 1 };
  if (e.durationMs !== undefined) input.minutes = Math.round(e.durationMs / 600) / 100;
  return input;
}
