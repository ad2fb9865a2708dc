import type { DetectorPage } from '../detectors/types';
import { hasNavigation } from '../detectors/types';
import type { RuntimeHost, Send } from './host';

/**
 * For a platform whose forms submit as a page load (a classic review form): reports a submit of a
 * POST form on the page as a submit gesture, at once, before the page unloads. The background lets
 * only such a gesture vouch for the page load that follows (attribution.ts). Only the form's method
 * is read here; its fields are not.
 *
 * A submit counts only while a trusted click or key press is being handled: the browser submits a
 * form in the same task as the click on its button (or Enter in its field). A `submit` event alone
 * proves nothing: the one `requestSubmit()` fires from a page's script is trusted too.
 */
export function watchFormSubmits(detector: DetectorPage, host: RuntimeHost, send: Send, win: Window): void {
  if (!hasNavigation(detector)) return;
  let userTask = false;
  const onInput = (e: Event) => {
    if (!e.isTrusted || userTask) return;
    userTask = true;
    host.setTimeout(() => {
      userTask = false;
    }, 0);
  };
  const onSubmit = (e: Event) => {
    try {
      if (!e.isTrusted || !userTask) return;
      const form = e.target;
      if (!(form instanceof HTMLFormElement) || form.method.toLowerCase() !== 'post') return;
      send({ type: 'gesture', platform: detector.id, ts: Date.now(), submit: true });
    } catch (error) {
      console.debug('[clickwork] detector error', error);
    }
  };
  for (const type of ['click', 'keydown']) host.addEventListener(win, type, onInput, { capture: true, passive: true });
  host.addEventListener(win, 'submit', onSubmit, { capture: true, passive: true });
}
