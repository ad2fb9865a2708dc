import { queryFirst } from '../detectors/dom';
import type { DetectorPage } from '../detectors/types';
import { guard, type RuntimeHost, type Send } from './host';

/** When the self-check looks for the platform's controls after a page (or in-app page) loads. */
export const HEALTH_CHECKS_MS = [1_500, 4_000, 10_000] as const;

/**
 * On pages where the platform always shows its controls, looks for them a few times after load:
 * one message says they were found, or that they were not (the markup probably changed).
 * A handful of querySelector calls per page view, nothing more.
 */
export function runHealthCheck(detector: DetectorPage, host: RuntimeHost, send: Send, win: Window): void {
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
