// What content scripts read to decide whether to count: no import of the taxonomy's tables, which
// would otherwise be carried into every content script (issue 14: content scripts ≤ 15 KB).
import type { PlatformId } from './taxonomy';

/** Where content scripts read what they may count (extension storage: they never open the database). */
export const TRACKING_STATE_KEY = 'trackingState';

/** The part of the tracking settings that decides whether anything is counted: what content scripts need. */
export interface TrackingState {
  /** Nothing is counted until then (ms since the epoch). */
  pausedUntil?: number;
  /** Platforms the user switched off. */
  disabled: PlatformId[];
  /** Count in private windows too. */
  privateWindows: boolean;
}

/**
 * The state as stored, checked field by field (anything else in storage reads as "count, not in
 * private windows"). `disabled` keeps every string: a content script only asks whether its own
 * platform is in it, so an unknown id changes nothing (the background checks ids against the
 * taxonomy when it saves them).
 */
export function readTrackingState(raw: unknown): TrackingState {
  if (raw === null || typeof raw !== 'object') return { disabled: [], privateWindows: false };
  const r = raw as Record<string, unknown>;
  const state: TrackingState = {
    disabled: Array.isArray(r.disabled) ? r.disabled.filter((x): x is PlatformId => typeof x === 'string') : [],
    privateWindows: r.privateWindows === true,
  };
  if (typeof r.pausedUntil === 'number' && Number.isFinite(r.pausedUntil)) state.pausedUntil = r.pausedUntil;
  return state;
}

/** Why a sighting from this platform and window would not be counted now, if it would not. */
export function notTracked(s: TrackingState, platform: PlatformId, incognito: boolean, now = Date.now()): string | null {
  if (s.pausedUntil !== undefined && now < s.pausedUntil) return 'paused';
  if (s.disabled.includes(platform)) return 'platform switched off';
  if (incognito && !s.privateWindows) return 'private window';
  return null;
}
