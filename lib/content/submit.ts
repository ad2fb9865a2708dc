import { closestOf } from '../detectors/dom';
import type { DetectorPage } from '../detectors/types';
import { hasNavigation } from '../detectors/types';
import { CAPTURE, guard, origin, type RuntimeHost, type Send } from './host';

/**
 * For a platform whose forms submit as a page load (a classic review form): reports a submit of a
 * POST form on the page as a submit gesture, at once, before the page unloads. The background lets
 * only such a gesture vouch for the page load that follows (attribution.ts). Only the form's method
 * is read here; its fields are not.
 *
 * A submit counts only as the browser's answer to the person's own input, in the task that handles
 * it: a trusted click on one of the form's submit buttons (the button found when the click comes,
 * so that a page cannot move what was clicked afterwards), or a trusted Enter in one of its
 * one-line fields (implicit submission). A `submit` event alone proves nothing: the one
 * `requestSubmit()` fires from a page's script is trusted too, and a script may call it during the
 * person's click on anything else.
 */
export function watchFormSubmits(detector: DetectorPage, host: RuntimeHost, send: Send, win: Window): void {
  if (!hasNavigation(detector)) return;
  /** The submit button or field the trusted input being handled was on (null once its task is over). */
  let input: { button: HTMLButtonElement | HTMLInputElement | null; field: HTMLInputElement | null } | null = null;
  const onInput = guard((e: Event) => {
    // Of the keys, only Enter submits: other keystrokes (typing the review) are left at once.
    const enter = e.type !== 'click' && (e as KeyboardEvent).key === 'Enter';
    if (!e.isTrusted || (e.type !== 'click' && !enter)) return;
    const el = origin(e);
    if (!el) return;
    const pending = input !== null;
    input = {
      button: e.type === 'click' ? submitButton(el) : null,
      field: enter && el instanceof HTMLInputElement && ONE_LINE.has(el.type) ? el : null,
    };
    if (!pending)
      host.setTimeout(() => {
        input = null;
      }, 0);
  });
  const onSubmit = guard((e: Event) => {
    if (!e.isTrusted || !input) return;
    const form = e.target;
    if (!(form instanceof HTMLFormElement)) return;
    const submitter = (e as SubmitEvent).submitter ?? null;
    const method = submitter?.getAttribute('formmethod') ?? form.method;
    if (method.toLowerCase() !== 'post') return;
    // The form owner, `form=` attributes included; a page's own requestSubmit() in the clicked button's handler counts.
    if (input.button?.form !== form && input.field?.form !== form) return;
    send({ type: 'gesture', platform: detector.id, ts: Date.now(), submit: true });
  });
  for (const type of ['click', 'keydown', 'keypress']) host.addEventListener(win, type, onInput, CAPTURE);
  host.addEventListener(win, 'submit', onSubmit, CAPTURE);
}

/**
 * The button a click on `el` presses, if it submits its form: a `<button>` whose type is submit
 * (also when missing or invalid), or an `<input>` of type submit or image. Found across shadow
 * roots (an icon component with its own inside the button).
 */
function submitButton(el: Element): HTMLButtonElement | HTMLInputElement | null {
  const b = closestOf(el, ['button, input']);
  return (b instanceof HTMLButtonElement || b instanceof HTMLInputElement) && (b.type === 'submit' || b.type === 'image')
    ? b
    : null;
}

/** Input types where Enter submits the form (implicit submission): the one-line text fields. */
const ONE_LINE = new Set([
  'text',
  'search',
  'url',
  'tel',
  'email',
  'password',
  'number',
  'date',
  'month',
  'week',
  'time',
  'datetime-local',
]);
