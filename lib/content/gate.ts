// Pure functions and a key: nothing here opens the database (content scripts never do).

import type { ContentMessage } from '../messages';
import { nativeBrowser as browser } from '../native-browser';
import type { PlatformId } from '../taxonomy';
import { notTracked, readTrackingState, TRACKING_STATE_KEY } from '../tracking-state';
import type { ContentContext } from './context';
import type { RuntimeHost, Send } from './host';

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

/** What one run is given: the runtime's host, and whether the run was stopped. */
export type RunHost = RuntimeHost & { readonly isInvalid: boolean };

/**
 * The window listeners of successive runs, each registered with the page once, by the first run:
 * a run started again after a pause only joins them. A listener added later would come after the
 * page's own, which could then stop every click before it (stopImmediatePropagation). The same for
 * address changes. A stopped run's handlers leave the relay: while off, what is left calls nothing.
 */
export class ListenerRelay {
  private readonly handlers = new Map<EventTarget, Map<string, Set<(e: Event) => void>>>();
  private moves: Set<() => void> | null = null;

  constructor(private readonly ctx: ContentContext) {}

  /** A host for one run: its listeners and address changes through the relay, its timers and watches its own. */
  host(run: ContentContext): RunHost {
    return {
      addEventListener: (target, type, handler, options) => this.add(run, target, type, handler, options),
      setTimeout: (handler, ms) => run.setTimeout(handler, ms),
      onInvalidated: (cb) => run.onInvalidated(cb),
      onLocationChange: (cb) => this.onLocationChange(run, cb),
      get isInvalid() {
        return run.isInvalid;
      },
    };
  }

  private add(
    run: ContentContext,
    target: EventTarget,
    type: string,
    handler: (e: Event) => void,
    options?: AddEventListenerOptions,
  ) {
    // A listener that removes itself is the run's own (no caller asks for one today).
    if (options?.once || options?.signal) return run.addEventListener(target, type, handler, options);
    if (run.signal.aborted) return;
    const key = `${type}|${options?.capture === true}|${options?.passive === true}`;
    const byKey = this.handlers.get(target) ?? new Map<string, Set<(e: Event) => void>>();
    this.handlers.set(target, byKey);
    let set = byKey.get(key);
    if (!set) {
      const handlers = new Set<(e: Event) => void>();
      set = handlers;
      byKey.set(key, handlers);
      this.ctx.addEventListener(target, type, (e) => callEach(handlers, e), options);
    }
    set.add(handler);
    run.onInvalidated(() => set.delete(handler));
  }

  private onLocationChange(run: ContentContext, cb: () => void) {
    if (run.signal.aborted) return;
    if (!this.moves) {
      const moves = new Set<() => void>();
      this.moves = moves;
      this.ctx.onLocationChange(() => callEach(moves, undefined));
    }
    const moves = this.moves;
    moves.add(cb);
    run.onInvalidated(() => moves.delete(cb));
  }
}

/** Calls each handler registered when the event came and still there (as the DOM does), one's error stopping no other. */
function callEach<E>(handlers: Set<(e: E) => void>, e: E): void {
  // The common case, one run's one handler, without a copy.
  if (handlers.size === 1) call(handlers.values().next().value as (e: E) => void, e);
  else for (const h of [...handlers]) if (handlers.has(h)) call(h, e);
}

function call<E>(h: (e: E) => void, e: E): void {
  try {
    h(e);
  } catch (error) {
    console.debug('[clickwork] detector error', error);
  }
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
  start: (run: RunHost, send: Send) => void,
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
  const relay = new ListenerRelay(ctx);
  const begin = () => {
    run = ctx.child();
    start(relay.host(run), gated);
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
