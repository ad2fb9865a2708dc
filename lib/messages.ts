import { isPlatformId, type PlatformId } from './taxonomy';

/**
 * Messages between content scripts, extension pages and the background. Everything that arrives
 * is `unknown` until `parseMessage` accepts it: a malformed message is refused, never stored.
 */

/** A content script saw the platform accept an action (or its undo). */
export interface SightingMessage {
  type: 'sighting';
  /** Random id: the content script resends until the background confirms it was stored. */
  id?: string;
  platform: PlatformId;
  /** The detector's action id ("like"). */
  action: string;
  op: 'add' | 'undo';
  /** Raw id of the target (video id); the background stores only a salted hash of it. */
  target?: string;
  ts: number;
  durationMs?: number;
}

/** A CAPTCHA frame reports a step of one widget's life. */
export interface CaptchaMessage {
  type: 'captcha';
  id?: string;
  platform: PlatformId;
  phase: 'shown' | 'round' | 'passed';
  /** Correlates the frames of one widget within the tab (the site key). */
  widget: string;
  ts: number;
}

/**
 * A trusted click or key press on a platform's page. Platform requests count only shortly after
 * one in the same tab: a page that clicks its own buttons from script makes requests, not labor.
 */
export interface GestureMessage {
  type: 'gesture';
  platform: PlatformId;
  ts: number;
  /** A trusted submit of a POST form: it alone vouches for the page load the form causes. */
  submit?: true;
  /**
   * How many trusted clicks or key presses this message stands for (2 to MAX_GESTURE_CLICKS): the
   * content script sends at most one message per interval and folds the ones in between into it.
   */
  clicks?: number;
  /**
   * With `clicks`: the first folded click's time (`ts` is the last one's). A page busy with long
   * tasks holds the folding timer back while clicks still come, so the clicks may span more than the
   * interval; a request caused by the first one is judged against this time.
   */
  from?: number;
}

/** The most clicks one gesture message may stand for. */
export const MAX_GESTURE_CLICKS = 4;
/** The longest span of clicks one gesture message may stand for (`from` to `ts`). */
export const MAX_GESTURE_SPAN_MS = 10_000;

/** The live self-check: the platform's controls were (or were not) found where they must be. */
export interface HealthMessage {
  type: 'health';
  platform: PlatformId;
  ok: boolean;
  ts: number;
}

export type ContentMessage = SightingMessage | CaptchaMessage | GestureMessage | HealthMessage;

/**
 * The name of the port a content script sends what needs no answer through (gestures and health
 * reports): one runtime.sendMessage cost the page's main thread ~160 µs (it opens a channel, waits
 * for the answer and closes it), a message on an open port a few.
 */
export const INTAKE_PORT = 'clickwork-intake';

/** Whether a message needs no receipt: sent once through the intake port (lib/content/entry.ts). */
export const isFireAndForget = (m: { type?: unknown }) => m.type === 'gesture' || m.type === 'health';

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

const MAX_ID = 200;
/** How far a message's timestamp may be from the background's clock. */
export const MAX_CLOCK_SKEW_MS = 10 * 60_000;

function isShortString(v: unknown, max = MAX_ID): v is string {
  return typeof v === 'string' && v.length > 0 && v.length <= max;
}

function checkTs(ts: unknown, now: number): string | null {
  if (typeof ts !== 'number' || !Number.isFinite(ts)) return 'ts must be a number';
  if (Math.abs(ts - now) > MAX_CLOCK_SKEW_MS) return 'ts is too far from now';
  return null;
}

/** A gesture message's own fields (type, platform and ts already checked). */
function parseGesture(m: Record<string, unknown>, platform: PlatformId): ParseResult<ContentMessage> {
  if (m.submit !== undefined && m.submit !== true) return fail('submit must be true when present');
  const clicks = m.clicks;
  if (
    clicks !== undefined &&
    !(Number.isInteger(clicks) && (clicks as number) >= 2 && (clicks as number) <= MAX_GESTURE_CLICKS)
  ) {
    return fail(`clicks must be a whole number from 2 to ${MAX_GESTURE_CLICKS} when present`);
  }
  const ts = m.ts as number;
  const from = m.from;
  if (
    from !== undefined &&
    (clicks === undefined || typeof from !== 'number' || !Number.isFinite(from) || from > ts || ts - from > MAX_GESTURE_SPAN_MS)
  ) {
    return fail(`from must come with clicks, at most ${MAX_GESTURE_SPAN_MS} ms before ts`);
  }
  const value: GestureMessage = { type: 'gesture', platform, ts };
  if (m.submit) value.submit = true;
  if (clicks !== undefined) value.clicks = clicks as number;
  if (from !== undefined && from < ts) value.from = from as number;
  return { ok: true, value };
}

export function parseMessage(raw: unknown, now = Date.now()): ParseResult<ContentMessage> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return fail('not an object');
  const m = raw as Record<string, unknown>;
  if (!isPlatformId(m.platform)) return fail('unknown platform');
  const tsError = checkTs(m.ts, now);
  if (tsError) return fail(tsError);
  if (m.id !== undefined && !(typeof m.id === 'string' && /^[\w-]{8,64}$/.test(m.id)))
    return fail('id must be 8 to 64 word characters');
  const id = m.id === undefined ? {} : { id: m.id as string };
  if (m.type === 'sighting') {
    if (!isShortString(m.action, 40)) return fail('action must be a short string');
    if (m.op !== 'add' && m.op !== 'undo') return fail('op must be add or undo');
    if (m.target !== undefined && !isShortString(m.target)) return fail('target must be a short string');
    if (m.durationMs !== undefined && !(typeof m.durationMs === 'number' && m.durationMs >= 0 && m.durationMs < 864e5))
      return fail('durationMs out of range');
    const value: SightingMessage = {
      type: 'sighting',
      ...id,
      platform: m.platform,
      action: m.action,
      op: m.op,
      ts: m.ts as number,
    };
    if (m.target !== undefined) value.target = m.target as string;
    if (m.durationMs !== undefined) value.durationMs = m.durationMs as number;
    return { ok: true, value };
  }
  if (m.type === 'health') {
    if (typeof m.ok !== 'boolean') return fail('ok must be a boolean');
    return { ok: true, value: { type: 'health', platform: m.platform, ok: m.ok, ts: m.ts as number } };
  }
  if (m.type === 'gesture') return parseGesture(m, m.platform);
  if (m.type === 'captcha') {
    if (m.phase !== 'shown' && m.phase !== 'round' && m.phase !== 'passed') return fail('unknown captcha phase');
    if (typeof m.widget !== 'string' || m.widget.length > MAX_ID) return fail('widget must be a short string');
    return {
      ok: true,
      value: { type: 'captcha', ...id, platform: m.platform, phase: m.phase, widget: m.widget, ts: m.ts as number },
    };
  }
  return fail('unknown message type');
}

function fail(error: string): { ok: false; error: string } {
  return { ok: false, error };
}
