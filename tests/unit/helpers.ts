import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { RuntimeHost } from '@/lib/content/runtime';
import type { ContentMessage } from '@/lib/messages';

export const root = resolve(import.meta.dirname, '../..');

export function fixture(path: string): string {
  return readFileSync(resolve(root, 'tests/fixtures', path), 'utf8');
}

/** Loads fixture HTML into the test's DOM (happy-dom) at the given address. */
export function loadPage(html: string, url: string): Document {
  (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(url);
  document.open();
  document.write(html);
  document.close();
  return document;
}

/** A click the runtime treats as the user's: browsers set isTrusted, happy-dom cannot. */
export function trustedClick(el: Element): void {
  const e = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
  Object.defineProperty(e, 'isTrusted', { value: true });
  el.dispatchEvent(e);
}

/** A stand-in for WXT's ContentScriptContext: real timers, invalidation on demand. */
export function fakeHost(): RuntimeHost & { invalidate(): void } {
  const cleanups: (() => void)[] = [];
  return {
    addEventListener(target, type, handler, options) {
      target.addEventListener(type, handler, options);
      cleanups.push(() => target.removeEventListener(type, handler, options));
    },
    setTimeout: (fn, ms) => setTimeout(fn, ms) as unknown as number,
    onInvalidated: (cb) => void cleanups.push(cb),
    invalidate: () => {
      for (const c of cleanups.splice(0)) c();
    },
  };
}

export const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

/** Collects what a detector reports about actions, leaving out gesture and health messages. */
export function collect(into: ContentMessage[]): (m: ContentMessage) => void {
  return (m) => {
    if (m.type !== 'gesture' && m.type !== 'health') into.push(m);
  };
}

/**
 * A real saved page from ../shared (third-party: read at run time, never copied into the project),
 * or undefined when this checkout has no ../shared; the caller skips with a message.
 */
export function sharedCapture(path: string): string | undefined {
  const file = resolve(root, '..', 'shared', path);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}
