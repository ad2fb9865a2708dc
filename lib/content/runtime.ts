import { closestOf, queryFirst } from '../detectors/dom';
import type { CaptchaSpec, Detector, SubmitControl, ToggleControl } from '../detectors/types';
import type { ContentMessage } from '../messages';
import { watchFormSubmits } from './submit';

/** The part of ContentContext the runtime needs; every listener and timer goes through it. */
export interface RuntimeHost {
  addEventListener(target: EventTarget, type: string, handler: (e: Event) => void, options?: AddEventListenerOptions): void;
  setTimeout(handler: () => void, ms: number): number;
  onInvalidated(cb: () => void): void;
  /** Calls `cb` after a single-page navigation changed the address. */
  onLocationChange(cb: () => void): void;
}

export type Send = (message: ContentMessage) => void;

const TOGGLE_WATCH_MS = 4_000;
const SUBMIT_WATCH_MS = 10_000;
const SUBMIT_POLL_MS = 250;
/** When the self-check looks for the platform's controls after a page (or in-app page) loads. */
export const HEALTH_CHECKS_MS = [1_500, 4_000, 10_000] as const;

/** A pause longer than this between keystrokes is idle, not composing. */
export const IDLE_GAP_MS = 5_000;
/**
 * At most one gesture message per 150 ms. Each gesture vouches for one request-only action of each
 * kind, so a person ticking two playlists in a row needs two (at one a second, the second was lost);
 * 150 ms is faster than distinct deliberate clicks and still caps what a burst of clicks sends.
 */
export const GESTURE_INTERVAL_MS = 150;

/** Runs `fn`, swallowing any error: nothing thrown here may reach the page. */
function guard<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void {
  return (...args) => {
    try {
      fn(...args);
    } catch (error) {
      console.debug('[clickwork] detector error', error);
    }
  };
}

/** The element a trusted event started on, seen through open shadow roots. */
function origin(e: Event): Element | null {
  const first = e.composedPath()[0];
  return first instanceof Element ? first : null;
}

const NON_BLANK = /\S/;

/**
 * Whether a field holds any non-blank text: all the content script learns of what is typed. An
 * input's value is only tested (never trimmed or copied); an editable element's text nodes are
 * looked at one by one up to the first non-blank one, never joined into its whole text.
 */
export function hasText(field: Element | null): boolean {
  if (!field) return false;
  if (field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement) return NON_BLANK.test(field.value);
  const walker = field.ownerDocument.createTreeWalker(field, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) if (NON_BLANK.test((node as Text).data)) return true;
  return false;
}

interface Watch {
  observer: MutationObserver;
  timer: number;
  last: string | null;
  target: string | undefined;
}

/**
 * Starts one platform's DOM detection in this document: click delegation on the window (capture
 * phase, trusted events only), and short watches of the clicked control's container.
 */
export function runDetector(detector: Detector, host: RuntimeHost, send: Send, win: Window = window): void {
  const watches = new Map<ToggleControl, Map<Element, Watch>>();

  const emit = (action: string, op: 'add' | 'undo', target: string | undefined) =>
    send({ type: 'sighting', platform: detector.id, action, op, ts: Date.now(), ...(target ? { target } : {}) });

  const stop = (toggle: ToggleControl, scope: Element) => {
    const w = watches.get(toggle)?.get(scope);
    if (!w) return;
    w.observer.disconnect();
    clearTimeout(w.timer);
    watches.get(toggle)?.delete(scope);
  };
  const stopAll = () => {
    for (const [toggle, byScope] of watches) for (const scope of [...byScope.keys()]) stop(toggle, scope);
  };

  const armToggle = (toggle: ToggleControl, scope: Element) => {
    const byScope = watches.get(toggle) ?? new Map<Element, Watch>();
    watches.set(toggle, byScope);
    const existing = byScope.get(scope);
    const ms = toggle.watchMs ?? TOGGLE_WATCH_MS;
    if (existing) {
      clearTimeout(existing.timer);
      existing.timer = host.setTimeout(() => stop(toggle, scope), ms);
      return;
    }
    const watch: Watch = {
      last: toggle.state(scope),
      // Read now: by the time the state flips, a single-page app may show another target.
      target: toggle.target(scope, new URL(win.location.href)),
      observer: new MutationObserver(
        guard(() => {
          const now = toggle.state(scope);
          if (now === watch.last) return;
          const before = watch.last;
          watch.last = now;
          // An exclusive state is replaced by the next one of the same kind (ingest does that); any
          // other change takes it back (Steam's "funny" clears a helpful vote).
          const was = before ? detector.actions[before] : undefined;
          const replaced = was?.slot === 'exclusive' && now !== null && detector.actions[now]?.kind === was.kind;
          if (before && !replaced) emit(before, 'undo', watch.target);
          if (now) emit(now, 'add', watch.target);
        }),
      ),
      timer: 0,
    };
    watch.observer.observe(scope, { attributes: true, childList: true, subtree: true });
    // A custom element may keep its controls in an open shadow root, which the observer above misses.
    if (scope.shadowRoot) watch.observer.observe(scope.shadowRoot, { attributes: true, childList: true, subtree: true });
    watch.timer = host.setTimeout(() => stop(toggle, scope), ms);
    byScope.set(scope, watch);
  };

  // Active composing time per text field: the gaps between keystrokes, idle pauses left out.
  const typing = new WeakMap<Element, { activeMs: number; last: number }>();
  const allFields = (detector.submits ?? []).flatMap((s) => s.field);
  const onTyping = (el: Element) => {
    const field = closestOf(el, allFields);
    if (!field) return false;
    const now = Date.now();
    const rec = typing.get(field);
    if (!rec) typing.set(field, { activeMs: 0, last: now });
    else {
      if (now - rec.last <= IDLE_GAP_MS) rec.activeMs += now - rec.last;
      rec.last = now;
    }
    return true;
  };
  const composingTime = (field: Element | null): number | undefined => {
    const rec = field && typing.get(field);
    if (!rec) return undefined;
    const sinceLast = Date.now() - rec.last;
    return rec.activeMs + (sinceLast <= IDLE_GAP_MS ? sinceLast : 0);
  };

  const armSubmit = (submit: SubmitControl, composer: Element) => {
    const field = queryFirst(composer, submit.field);
    if (!hasText(field)) return;
    const target = submit.target(composer, new URL(win.location.href));
    const durationMs = composingTime(field);
    const deadline = Date.now() + (submit.watchMs ?? SUBMIT_WATCH_MS);
    const poll = guard(() => {
      // Emptied or removed: the platform took the text.
      if (!composer.isConnected || !field?.isConnected || !hasText(field)) {
        if (field) typing.delete(field);
        send({
          type: 'sighting',
          platform: detector.id,
          action: submit.action,
          op: 'add',
          ts: Date.now(),
          ...(target ? { target } : {}),
          ...(durationMs !== undefined ? { durationMs } : {}),
        });
      } else if (Date.now() < deadline) host.setTimeout(poll, SUBMIT_POLL_MS);
    });
    host.setTimeout(poll, SUBMIT_POLL_MS);
  };

  let lastGesture = 0;
  const gesture = () => {
    const now = Date.now();
    if (now - lastGesture < GESTURE_INTERVAL_MS) return;
    lastGesture = now;
    send({ type: 'gesture', platform: detector.id, ts: now });
  };
  const onKey = guard((e: Event) => {
    if (!e.isTrusted) return;
    const el = origin(e);
    if (el && allFields.length) onTyping(el);
    const editing = el?.closest('input, textarea, [contenteditable="true"], [contenteditable=""]');
    // Typing is not a gesture; a shortcut key (X's "l" likes) or Enter to submit is.
    if (!editing || (e as KeyboardEvent).key === 'Enter') gesture();
  });

  const onClick = guard((e: Event) => {
    if (!e.isTrusted) return;
    gesture();
    const el = origin(e);
    if (!el) return;
    for (const toggle of detector.toggles ?? []) {
      const control = closestOf(el, toggle.control);
      const scope = control && closestOf(control, toggle.scope);
      if (scope) armToggle(toggle, scope);
    }
    for (const submit of detector.submits ?? []) {
      const control = closestOf(el, submit.control);
      const composer = control && submit.composer(control);
      if (composer) armSubmit(submit, composer);
    }
  });

  // Capture on the window: before the platform's own handlers can flip the state.
  if (detector.toggles?.length || detector.submits?.length || detector.network?.length) {
    host.addEventListener(win, 'click', onClick, { capture: true, passive: true });
    host.addEventListener(win, 'keydown', onKey, { capture: true, passive: true });
    // A single-page navigation changes what is on screen: states read after it belong to another target.
    host.onLocationChange(guard(stopAll));
  }
  watchFormSubmits(detector, host, send, win);
  if (detector.captcha) runCaptcha(detector, detector.captcha, host, send, win);
  host.onInvalidated(stopAll);
  runHealthCheck(detector, host, send, win);
}

/**
 * On pages where the platform always shows its controls, looks for them a few times after load:
 * one message says they were found, or that they were not (the markup probably changed).
 * A handful of querySelector calls per page view, nothing more.
 */
function runHealthCheck(detector: Detector, host: RuntimeHost, send: Send, win: Window): void {
  let run = 0;
  const start = guard(() => {
    const current = ++run;
    const url = win.location;
    if (!detector.health.pages.test(url.pathname + url.search)) return;
    HEALTH_CHECKS_MS.forEach((ms, i) => {
      host.setTimeout(
        guard(() => {
          if (current !== run) return; // navigated away in the meantime
          // Controls may live in a closed shadow root the detector can open (Turnstile's panels).
          const inner = detector.captcha?.passRoot?.(win.document);
          const found =
            queryFirst(win.document, detector.health.controls) !== null ||
            (inner ? queryFirst(inner, detector.health.controls) !== null : false);
          const last = i === HEALTH_CHECKS_MS.length - 1;
          if (found || last) {
            run++; // done for this page view
            send({ type: 'health', platform: detector.id, ok: found, ts: Date.now() });
          }
        }),
        ms,
      );
    });
  });
  start();
  host.onLocationChange(start);
}

function runCaptcha(detector: Detector, spec: CaptchaSpec, host: RuntimeHost, send: Send, win: Window): void {
  const url = new URL(win.location.href);
  const role = spec.frameRole(url);
  if (!role) return;
  const widget = spec.widget(url);
  const doc = win.document;
  const emit = (phase: 'shown' | 'round' | 'passed') =>
    send({ type: 'captcha', platform: detector.id, phase, widget, ts: Date.now() });
  const observers: MutationObserver[] = [];
  host.onInvalidated(() => {
    for (const o of observers) o.disconnect();
  });

  if (role === 'checkbox') {
    let armed = false;
    let passed = spec.isPassed(doc);
    let observing = false;
    const check = guard(() => {
      const now = spec.isPassed(doc);
      if (now && !passed && armed) {
        armed = false;
        emit('passed');
      }
      passed = now;
    });
    const arm = guard((e: Event) => {
      if (!e.isTrusted) return;
      const el = origin(e);
      if (!el || !closestOf(el, spec.checkbox)) return;
      if (e.type === 'keydown' && (e as KeyboardEvent).key !== ' ' && (e as KeyboardEvent).key !== 'Enter') return;
      armed = true;
      passed = spec.isPassed(doc);
      const box = queryFirst(doc, spec.checkbox);
      if (box && !observing) {
        observing = true;
        const o = new MutationObserver(check);
        o.observe(box, { attributes: true, attributeFilter: ['aria-checked', 'class'] });
        // The pass may show away from the box, in a closed shadow root it hosts (Turnstile's #success).
        const passRoot = spec.passRoot?.(doc);
        if (passRoot)
          o.observe(passRoot, {
            attributes: true,
            childList: true,
            subtree: true,
            attributeFilter: ['style', 'class', 'hidden'],
          });
        observers.push(o);
      }
    });
    host.addEventListener(win, 'click', arm, { capture: true, passive: true });
    host.addEventListener(win, 'keydown', arm, { capture: true, passive: true });
    return;
  }

  // Challenge frame: the provider's own small document, watched for the puzzle to appear.
  let shown = false;
  const check = guard(() => {
    const now = spec.isChallengeShown(doc);
    if (now && !shown) emit('shown');
    shown = now;
  });
  const start = () => {
    const o = new MutationObserver(check);
    // A provider may draw the puzzle hidden and then only unhide it (hCaptcha's body aria-hidden).
    o.observe(doc.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-hidden'] });
    observers.push(o);
    check();
  };
  if (doc.documentElement) start();
  host.addEventListener(
    win,
    'click',
    guard((e: Event) => {
      const el = e.isTrusted ? origin(e) : null;
      if (el && closestOf(el, spec.verify)) emit('round');
    }),
    { capture: true, passive: true },
  );
}
