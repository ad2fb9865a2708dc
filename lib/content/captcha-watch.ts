import { queryFirst } from '../detectors/dom';
import type { CaptchaSpec, DetectorPage } from '../detectors/types';
import { CAPTURE, closestFrom, guard, type RuntimeHost, type Send } from './host';

type Phase = 'shown' | 'round' | 'passed';
interface Frame {
  spec: CaptchaSpec;
  host: RuntimeHost;
  win: Window;
  emit: (phase: Phase) => void;
  /** Observers to disconnect when the extension goes away. */
  observers: MutationObserver[];
}

/**
 * A CAPTCHA provider's frames: the checkbox frame reports a pass after the person's own click on
 * the box; the challenge frame reports the puzzle shown and each round the person verifies. A
 * `page` holds both parts and is watched as both frames.
 */
export function runCaptcha(detector: DetectorPage, spec: CaptchaSpec, host: RuntimeHost, send: Send, win: Window): void {
  const url = new URL(win.location.href);
  const role = spec.frameRole(url);
  if (!role) return;
  const widget = spec.widget(url);
  const emit = (phase: Phase) => send({ type: 'captcha', platform: detector.id, phase, widget, ts: Date.now() });
  const frame: Frame = { spec, host, win, emit, observers: [] };
  host.onInvalidated(() => {
    for (const o of frame.observers) o.disconnect();
  });
  if (role !== 'challenge') watchCheckbox(frame);
  if (role !== 'checkbox') watchChallenge(frame);
}

/** How long a click on the checkbox stays the cause of the pass that follows, unless the spec says. */
export const CAPTCHA_ARM_MS = 10 * 60_000;

/**
 * Checkbox frame: armed by a trusted click (or Space/Enter) on the box while it is not passed, for
 * a while (`armMs`); the pass that follows within it is reported. A click on a widget already
 * passed arms nothing: a page that resets it would otherwise see its next pass, interaction or
 * not, counted as the person's.
 */
function watchCheckbox({ spec, host, win, emit, observers }: Frame): void {
  const doc = win.document;
  let armedAt: number | null = null;
  let passed = spec.isPassed(doc);
  let observing = false;
  const check = guard(() => {
    const now = spec.isPassed(doc);
    if (now && !passed && armedAt !== null) {
      const recent = Date.now() - armedAt <= (spec.armMs ?? CAPTCHA_ARM_MS);
      armedAt = null;
      if (recent) emit('passed');
    }
    passed = now;
  });
  const observe = () => {
    const box = queryFirst(doc, spec.checkbox);
    if (!box || observing) return;
    observing = true;
    const o = new MutationObserver(check);
    // aria-pressed: the practice page's box is a toggle button.
    o.observe(box, { attributes: true, attributeFilter: ['aria-checked', 'aria-pressed', 'class'] });
    // The pass may show away from the box, in a closed shadow root it hosts (Turnstile's #success).
    const passRoot = spec.passRoot?.(doc);
    if (passRoot)
      o.observe(passRoot, { attributes: true, childList: true, subtree: true, attributeFilter: ['style', 'class', 'hidden'] });
    observers.push(o);
  };
  const arm = guard((e: Event) => {
    if (!e.isTrusted) return;
    if (!closestFrom(e, spec.checkbox)) return;
    if (e.type === 'keydown' && (e as KeyboardEvent).key !== ' ' && (e as KeyboardEvent).key !== 'Enter') return;
    passed = spec.isPassed(doc);
    if (passed) return;
    armedAt = Date.now();
    observe();
  });
  host.addEventListener(win, 'click', arm, CAPTURE);
  host.addEventListener(win, 'keydown', arm, CAPTURE);
}

/** Challenge frame: the provider's own small document, watched for the puzzle to appear. */
function watchChallenge({ spec, host, win, emit, observers }: Frame): void {
  const doc = win.document;
  let shown = false;
  const check = guard(() => {
    const now = spec.isChallengeShown(doc);
    if (now && !shown) emit('shown');
    shown = now;
  });
  if (doc.documentElement) {
    const o = new MutationObserver(check);
    // A provider may draw the puzzle hidden and then only unhide it (hCaptcha's body aria-hidden).
    o.observe(doc.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-hidden'] });
    observers.push(o);
    check();
  }
  const onClick = guard((e: Event) => {
    if (e.isTrusted && closestFrom(e, spec.verify)) emit('round');
  });
  host.addEventListener(win, 'click', onClick, CAPTURE);
}
