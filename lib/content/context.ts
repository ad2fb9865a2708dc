import { nativeBrowser as browser } from '../native-browser';

/** How often the address is compared where the browser has no Navigation API. */
export const LOCATION_POLL_MS = 1_000;

/** False once the extension was removed, disabled or updated: this script is then an orphan. */
function extensionAlive(): boolean {
  try {
    return browser.runtime?.id != null;
  } catch {
    return false;
  }
}

/**
 * The life of one content script (or of one part of it) in one document: its listeners, timers and
 * watchers, stopped together. It replaces WXT's ContentScriptContext, which announces every script
 * to the page with `window.postMessage` and stands down when the page dispatches the matching
 * event. This one tells the page nothing and listens to nothing the page can dispatch: it ends only
 * when the extension is gone (browser.runtime.id, which no page can change) or when the script
 * itself stops it (`abort`), and address changes are read from the browser, never from page events.
 */
export class ContentContext {
  private readonly controller = new AbortController();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();

  constructor(parent?: ContentContext) {
    // Removed from the parent when this part stops first: a script paused and resumed many times keeps no old part alive.
    if (parent?.signal.aborted) this.controller.abort();
    else parent?.signal.addEventListener('abort', () => this.abort(), { once: true, signal: this.controller.signal });
    this.onInvalidated(() => {
      for (const id of this.timers) clearTimeout(id);
      this.timers.clear();
    });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** True once stopped, or once the extension is gone (then it stops itself). */
  get isInvalid(): boolean {
    if (!this.signal.aborted && !extensionAlive()) this.abort();
    return this.signal.aborted;
  }

  abort(): void {
    if (!this.signal.aborted) this.controller.abort();
  }

  onInvalidated(cb: () => void): void {
    if (this.signal.aborted) return;
    this.signal.addEventListener('abort', cb, { once: true });
  }

  /** A part that can be stopped alone, and stops with this one. */
  child(): ContentContext {
    return new ContentContext(this);
  }

  addEventListener(target: EventTarget, type: string, handler: (e: Event) => void, options?: AddEventListenerOptions): void {
    if (this.signal.aborted) return;
    target.addEventListener(type, handler, { ...options, signal: this.signal });
  }

  setTimeout(handler: () => void, ms: number): number {
    if (this.signal.aborted) return 0;
    const id = setTimeout(() => {
      this.timers.delete(id);
      if (!this.isInvalid) handler();
    }, ms);
    this.timers.add(id);
    return id as unknown as number;
  }

  setInterval(handler: () => void, ms: number): void {
    if (this.signal.aborted) return;
    const id = setInterval(() => {
      if (!this.isInvalid) handler();
    }, ms);
    this.onInvalidated(() => clearInterval(id));
  }

  /**
   * Calls `cb` after the document's address changed without a page load (a single-page app's
   * navigation). The Navigation API's trusted `currententrychange` (fired after the address
   * changed) where the browser has it, a comparison every second elsewhere; either way only a real
   * change of `location.href` (its fragment aside) counts, so an event the page dispatches itself does nothing.
   */
  onLocationChange(cb: () => void, win: Window = window): void {
    // The fragment is left out: a page writing `#x` into its address (replaceState) shows the same
    // document, and must not be able to stop the watches of what the person just clicked.
    const address = () => win.location.href.split('#')[0];
    let last = address();
    const check = () => {
      const now = address();
      if (now === last) return;
      last = now;
      cb();
    };
    const nav = (win as unknown as { navigation?: EventTarget }).navigation;
    if (nav && typeof nav.addEventListener === 'function')
      this.addEventListener(nav, 'currententrychange', (e) => {
        if (e.isTrusted) check();
      });
    else this.setInterval(check, LOCATION_POLL_MS);
  }
}
