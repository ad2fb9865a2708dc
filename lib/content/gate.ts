// Pure functions and a key: nothing here opens the database (content scripts never do).

import type { ContentMessage } from '../messages';
import { nativeBrowser as browser } from '../native-browser';
import type { PlatformId } from '../taxonomy';
import { notTracked, readTrackingState, TRACKING_STATE_KEY } from '../tracking-state';
import type { ContentContext } from './context';
import type { Send } from './runtime';

/** Where the content script learns the user's tracking choices (extension storage; a fake in tests). */
export interface TrackingSource {
  read(): Promise<unknown>;
  onChange(cb: (raw: unknown) => void, ctx: ContentContext): void;
  /** True in a private window. */
  incognito: boolean;
}

/** The longest delay a timer takes (about 24.8 days); a longer pause is checked again then. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** Messages held while the choices are still being read (a few milliseconds after the page starts). */
const MAX_HELD = 20;

export function storageSource(): TrackingSource {
  return {
    read: async () => (await browser.storage.local.get(TRACKING_STATE_KEY))[TRACKING_STATE_KEY],
    onChange(cb, ctx) {
      const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
        const change = changes[TRACKING_STATE_KEY];
        if (area === 'local' && change) cb(change.newValue);
      };
      browser.storage.onChanged.addListener(listener);
      ctx.onInvalidated(() => browser.storage.onChanged.removeListener(listener));
    },
    incognito: (browser.extension as { inIncognitoContext?: boolean } | undefined)?.inIncognitoContext === true,
  };
}

/**
 * Runs `start` only while the user lets `platform` be counted here: not paused, not switched off,
 * and not in a private window unless allowed. Otherwise the run is stopped (listeners removed,
 * timers cleared, nothing sent) and started again when the choices allow it (a change in storage,
 * or the end of a pause). The run starts at once, so that its listeners come before the page's,
 * but what it sends is held until the choices are read, and dropped if they say no.
 */
export function whileTracked(
  platform: PlatformId,
  ctx: ContentContext,
  start: (run: ContentContext, send: Send) => void,
  send: Send,
  source: TrackingSource = storageSource(),
): void {
  let run: ContentContext | null = null;
  let allowed: boolean | null = null; // null: not read yet
  let held: ContentMessage[] = [];
  let recheck: ContentContext | null = null;
  const gated: Send = (m) => {
    if (allowed) send(m);
    else if (allowed === null && held.length < MAX_HELD) held.push(m);
  };
  const begin = () => {
    run = ctx.child();
    start(run, gated);
  };
  const apply = (raw: unknown) => {
    if (ctx.isInvalid) return;
    const state = readTrackingState(raw);
    const now = Date.now();
    const reason = notTracked(state, platform, source.incognito, now);
    allowed = reason === null;
    recheck?.abort();
    recheck = null;
    if (allowed) {
      if (!run) begin();
      for (const m of held.splice(0)) send(m);
    } else {
      held = [];
      run?.abort();
      run = null;
    }
    if (reason === 'paused' && state.pausedUntil !== undefined) {
      recheck = ctx.child();
      recheck.setTimeout(() => apply(raw), Math.min(state.pausedUntil - now + 1, MAX_TIMER_MS));
    }
  };
  let changed = false;
  begin();
  source.onChange((raw) => {
    changed = true;
    apply(raw);
  }, ctx);
  // Unreadable choices: the defaults (counting on); the background applies the stored ones anyway.
  // A change that arrived first is newer than what the read returns.
  source.read().then(
    (raw) => changed || apply(raw),
    () => changed || apply(undefined),
  );
}
