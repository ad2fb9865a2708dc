import { closestOf, queryFirst } from '../detectors/dom';
import type { DetectorPage, SubmitControl } from '../detectors/types';
import { guard, type RuntimeHost, type Send } from './host';

const SUBMIT_WATCH_MS = 10_000;
const SUBMIT_POLL_MS = 250;
/** A pause longer than this between keystrokes is idle, not composing. */
export const IDLE_GAP_MS = 5_000;

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

/** Active composing time per text field: the gaps between keystrokes, idle pauses left out. */
function typingClock(fields: readonly string[]) {
  const typing = new WeakMap<Element, { activeMs: number; last: number }>();
  /** Notes a keystroke in `el`; false when it is not in one of the detector's fields. */
  const onTyping = (el: Element) => {
    const field = closestOf(el, fields);
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
  return { onTyping, composingTime, forget: (field: Element) => typing.delete(field) };
}

/**
 * Comments, replies and reviews: keystrokes in the detector's text fields are timed, and a click on
 * a submit control with text in its field is watched until the platform takes the text (the field
 * emptied or removed), which sends the sighting with the composing time.
 */
export function submitWatches(detector: DetectorPage, host: RuntimeHost, send: Send, win: Window) {
  const fields = (detector.submits ?? []).flatMap((s) => s.field);
  const clock = typingClock(fields);
  const arm = (submit: SubmitControl, composer: Element) => {
    const field = queryFirst(composer, submit.field);
    if (!hasText(field)) return;
    const target = submit.target(composer, new URL(win.location.href));
    const durationMs = clock.composingTime(field);
    const deadline = Date.now() + (submit.watchMs ?? SUBMIT_WATCH_MS);
    const poll = guard(() => {
      // Emptied or removed: the platform took the text.
      if (!composer.isConnected || !field?.isConnected || !hasText(field)) {
        if (field) clock.forget(field);
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
  /** Notes a keystroke (only when the detector has text fields at all). */
  const onKey = (el: Element) => {
    if (fields.length) clock.onTyping(el);
  };
  return { arm, onKey };
}
