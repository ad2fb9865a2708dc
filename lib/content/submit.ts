import type { DetectorPage } from '../detectors/types';
import { hasNavigation } from '../detectors/types';
import { origin, type RuntimeHost, type Send } from './host';

/**
 * For a platform whose forms submit as a page load (a classic review form): reports a submit of a
 * POST form on the page as a submit gesture, at once, before the page unloads. The background lets
 * only such a gesture vouch for the page load that follows (attribution.ts). Only the form's method
 * is read here; its fields are not.
 *
 * A submit counts only as the browser's answer to the person's own input, in the task that handles
 * it: a trusted click on the very button that submits (the event's `submitter`), or a trusted Enter
 * in one of the form's own fields (implicit submission). A `submit` event alone proves nothing: the
 * one `requestSubmit()` fires from a page's script is trusted too, and a script may call it during
 * the person's click on anything else.
 */
export function watchFormSubmits(detector: DetectorPage, host: RuntimeHost, send: Send, win: Window): void {
  if (!hasNavigation(detector)) return;
  /** Where the trusted input being handled started (null once its task is over). */
  let input: { el: Element; enter: boolean } | null = null;
  const onInput = (e: Event) => {
    if (!e.isTrusted) return;
    const el = origin(e);
    if (!el) return;
    const pending = input !== null;
    input = { el, enter: e.type === 'keydown' && (e as KeyboardEvent).key === 'Enter' };
    if (!pending)
      host.setTimeout(() => {
        input = null;
      }, 0);
  };
  const onSubmit = (e: Event) => {
    try {
      if (!e.isTrusted || !input) return;
      const form = e.target;
      if (!(form instanceof HTMLFormElement) || form.method.toLowerCase() !== 'post') return;
      const submitter = (e as SubmitEvent).submitter ?? null;
      const byClick = !input.enter && submitter !== null && submitter.contains(input.el);
      const byEnter = input.enter && form.contains(input.el);
      if (!byClick && !byEnter) return;
      send({ type: 'gesture', platform: detector.id, ts: Date.now(), submit: true });
    } catch (error) {
      console.debug('[clickwork] detector error', error);
    }
  };
  for (const type of ['click', 'keydown']) host.addEventListener(win, type, onInput, { capture: true, passive: true });
  host.addEventListener(win, 'submit', onSubmit, { capture: true, passive: true });
}
