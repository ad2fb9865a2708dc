import { closestInTree, closestOf } from '../detectors/dom';
import type { Selectors } from '../detectors/types';
import type { ContentMessage } from '../messages';

/** The part of ContentContext the runtime needs; every listener and timer goes through it. */
export interface RuntimeHost {
  addEventListener(target: EventTarget, type: string, handler: (e: Event) => void, options?: AddEventListenerOptions): void;
  setTimeout(handler: () => void, ms: number): number;
  onInvalidated(cb: () => void): void;
  /** Calls `cb` after a single-page navigation changed the address. */
  onLocationChange(cb: () => void): void;
}

export type Send = (message: ContentMessage) => void;

/** Window listeners: capture phase (before the platform's own handlers), never blocking scrolling. */
export const CAPTURE: AddEventListenerOptions = { capture: true, passive: true };

/** Runs `fn`, swallowing any error: nothing thrown here may reach the page. */
export function guard<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void {
  return (...args) => {
    try {
      fn(...args);
    } catch (error) {
      console.debug('[clickwork] detector error', error);
    }
  };
}

/**
 * The element a trusted event started on, seen through open shadow roots. Only a target with an
 * open shadow root can stand for an element inside it (events are retargeted to the host): the
 * composed path, which builds an array of every node up to the window, is read only then.
 */
export function origin(e: Event): Element | null {
  const target = e.target;
  if (target instanceof Element && !target.shadowRoot) return target;
  const first = e.composedPath()[0];
  return first instanceof Element ? first : null;
}

/**
 * The nearest element matched by `selectors` from where a trusted event started (origin), crossing
 * open shadow roots. Every click on the page asks this, and most are on nothing of ours: a window
 * listener is handed a target in the document's own tree (events are retargeted to it), so a single
 * native closest() answers, without the climb out of shadow roots (its getRootNode() and the other
 * calls into the page's DOM each cost microseconds on the first click of a task: about half of the
 * content script's time per click, measured through a CPU profile of 2,000 clicks on X's page).
 */
export function closestFrom(e: Event, selectors: Selectors): Element | null {
  const el = origin(e);
  if (!el) return null;
  // The target itself is in the document's tree; an element inside a shadow root it hosts is not.
  return el === e.target ? closestInTree(el, selectors) : closestOf(el, selectors);
}
