import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { candidates, matchRequest, type RequestDetails } from '@/lib/background/network';
import { ContentContext } from '@/lib/content/context';
import type { RuntimeHost } from '@/lib/content/runtime';
import type { Sighting } from '@/lib/db/ingest';
import type { Detector, NetMatch } from '@/lib/detectors/types';
import type { ContentMessage } from '@/lib/messages';
import { realPages } from '../real-pages';

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
  // Browsers hand a listener outside a shadow root the event retargeted to its host (DOM standard);
  // happy-dom does not: the target as the window's listeners see it (composedPath() still starts at el).
  let seen: Node = el;
  for (let root = seen.getRootNode(); root instanceof ShadowRoot; root = seen.getRootNode()) seen = root.host;
  Object.defineProperty(e, 'target', { get: () => seen });
  el.dispatchEvent(e);
}

/** The content scripts' own context, stopped on demand (`invalidate`). */
export function fakeHost(): RuntimeHost & { invalidate(): void } {
  const ctx = new ContentContext();
  return Object.assign(ctx, { invalidate: () => ctx.abort() });
}

/** A sighting of a like on YouTube, with what a test changes (its time, at least). */
export const sighting = (over: Partial<Sighting> & { ts: number }): Sighting => ({
  platform: 'youtube',
  kind: 'reaction',
  detail: 'like',
  slot: 'none',
  op: 'add',
  signal: 'dom',
  ...over,
});

export const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

/** Collects what a detector reports about actions, leaving out gesture and health messages. */
export function collect(into: ContentMessage[]): (m: ContentMessage) => void {
  return (m) => {
    if (m.type !== 'gesture' && m.type !== 'health') into.push(m);
  };
}

/** A saved real page from ../shared, or undefined when absent (see tests/real-pages.ts: CI fails instead). */
export function capture(name: string): string | undefined {
  const pages = realPages(name);
  return pages.skip ? undefined : pages.read(name);
}

/** What the intake does with a request: the first detector whose filters take it, and what its rules read. */
export function matchAny(detectors: readonly Detector[], d: RequestDetails): { detector: Detector; match: NetMatch } | null {
  for (const detector of candidates(detectors, d)) {
    const match = matchRequest(detector, d);
    if (match) return { detector, match };
  }
  return null;
}
