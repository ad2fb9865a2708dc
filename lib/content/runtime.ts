import { closestOf } from '../detectors/dom';
import type { DetectorPage } from '../detectors/types';
import { MAX_GESTURE_CLICKS, MAX_GESTURE_SPAN_MS } from '../messages';
import type { PlatformId } from '../taxonomy';
import { runCaptcha } from './captcha-watch';
import { runHealthCheck } from './health-check';
import { CAPTURE, closestFrom, guard, origin, type RuntimeHost, type Send } from './host';
import { watchFormSubmits } from './submit';
import { type ToggleStep, toggleWatches } from './toggle';
import { submitWatches } from './typing';

export { HEALTH_CHECKS_MS } from './health-check';
export type { RuntimeHost, Send } from './host';
export { hasText, IDLE_GAP_MS } from './typing';

/**
 * At most one gesture message per 150 ms. Each gesture vouches for one request-only action of each
 * kind, so a person ticking two playlists in a row needs two: clicks within an interval of the last
 * message are not dropped but folded into one message sent when the interval ends, which says how
 * many clicks it stands for (at most MAX_GESTURE_CLICKS) and carries the first and last ones' times.
 */
export const GESTURE_INTERVAL_MS = 150;

/**
 * Events this close to the previous one are the same action: a key press and the click the browser
 * makes of it (Enter or Space on a button), a label's click and the one it passes to its control.
 * Deliberate clicks, even a machine's, come further apart (78 ms and more in the e2e tests).
 */
export const SAME_ACTION_MS = 40;

/** Keys that do nothing alone: never a gesture (a shortcut's own key is). */
const MODIFIERS = new Set(['Control', 'Shift', 'Alt', 'Meta', 'AltGraph', 'CapsLock', 'Fn']);

/**
 * Sends gesture messages for the person's own clicks and key presses, at most one per interval
 * (`clock` and `host` given by tests).
 */
export function gestureSender(
  platform: PlatformId,
  host: Pick<RuntimeHost, 'setTimeout'>,
  send: Send,
  clock: () => number = Date.now,
): () => void {
  let lastSent = Number.NEGATIVE_INFINITY;
  let waiting = 0;
  let waitingFrom = 0;
  let waitingTs = 0;
  let lastEvent = Number.NEGATIVE_INFINITY;
  const flush = () => {
    lastSent = clock();
    const clicks = Math.min(waiting, MAX_GESTURE_CLICKS);
    waiting = 0;
    // The first click's time, unless the clicks span more than a message may say (a page frozen for
    // seconds, or the clock set forward): the message then stands for its last click's time alone.
    const span = waitingTs - waitingFrom;
    const from = span > 0 && span <= MAX_GESTURE_SPAN_MS ? { from: waitingFrom } : {};
    send({ type: 'gesture', platform, ts: waitingTs, ...(clicks > 1 ? { clicks, ...from } : {}) });
  };
  return () => {
    const now = clock();
    const sameAction = now - lastEvent < SAME_ACTION_MS;
    lastEvent = now;
    if (sameAction) return;
    if (waiting === 0 && now - lastSent >= GESTURE_INTERVAL_MS) {
      lastSent = now;
      send({ type: 'gesture', platform, ts: now });
      return;
    }
    waiting++;
    waitingTs = now;
    if (waiting > 1) return;
    waitingFrom = now;
    host.setTimeout(guard(flush), Math.max(0, lastSent + GESTURE_INTERVAL_MS - now));
  };
}

/**
 * Starts one platform's DOM detection in this document: click delegation on the window (capture
 * phase, trusted events only), and short watches of the clicked control's container.
 */
export function runDetector(detector: DetectorPage, host: RuntimeHost, send: Send, win: Window = window): void {
  const emit = ({ action, op }: ToggleStep, target: string | undefined) =>
    send({ type: 'sighting', platform: detector.id, action, op, ts: Date.now(), ...(target ? { target } : {}) });
  const toggles = toggleWatches(detector, host, emit, win);
  const submits = submitWatches(detector, host, send, win);
  const gesture = gestureSender(detector.id, host, send);
  // Every control a click can arm, as one list: most clicks are on none of them, and one
  // ancestor walk tells so (instead of one per toggle and submit).
  const anyControl = [...(detector.toggles ?? []), ...(detector.submits ?? [])].flatMap((c) => [...c.control]);

  const onKey = guard((e: Event) => {
    if (!e.isTrusted) return;
    const el = origin(e);
    if (el) submits.onKey(el);
    const editing = el?.closest('input, textarea, [contenteditable="true"], [contenteditable=""]');
    // Typing is not a gesture; a shortcut key (X's "l" likes) or Enter to submit is. A key held down
    // repeats by itself: only its first press is the person's gesture.
    const key = e as KeyboardEvent;
    if (key.repeat || MODIFIERS.has(key.key)) return;
    if (!editing || key.key === 'Enter') gesture();
  });

  const onClick = guard((e: Event) => {
    if (!e.isTrusted) return;
    gesture();
    if (!closestFrom(e, anyControl)) return;
    const el = origin(e) as Element;
    for (const toggle of detector.toggles ?? []) {
      const control = closestOf(el, toggle.control);
      const scope = control && closestOf(control, toggle.scope);
      if (scope) toggles.arm(toggle, scope);
    }
    for (const submit of detector.submits ?? []) {
      const control = closestOf(el, submit.control);
      const composer = control && submit.composer(control);
      if (composer) submits.arm(submit, composer);
    }
  });

  // Capture on the window: before the platform's own handlers can flip the state.
  if (detector.toggles?.length || detector.submits?.length || detector.requests) {
    host.addEventListener(win, 'click', onClick, CAPTURE);
    host.addEventListener(win, 'keydown', onKey, CAPTURE);
    // A single-page navigation changes what is on screen: states read after it belong to another target.
    host.onLocationChange(guard(toggles.navigated));
  }
  watchFormSubmits(detector, host, send, win);
  if (detector.captcha) runCaptcha(detector, detector.captcha, host, send, win);
  host.onInvalidated(toggles.stopAll);
  runHealthCheck(detector, host, send, win);
}
