// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { runDetector } from '@/lib/content/runtime';
import { closestOf, queryFirst } from '@/lib/detectors/dom';
import perplexity, { answerId, DOWN, UP } from '@/lib/detectors/perplexity';
import type { ContentMessage } from '@/lib/messages';
import { capture, collect, fakeHost, fixture, loadPage, tick, trustedClick } from './helpers';

const THREAD = 'https://www.perplexity.ai/search/capitale-bretagne-Xs6pxUAfRwqwP8Wg0SsM6Q';
const REAL = 'perplexity_answer_loggedin_2026-02.html';
const toggle = perplexity.toggles[0];

/*
 * happy-dom cannot parse namespaced attribute selectors (`use[*|href]`, which browsers match on the
 * saved page's xlink:href; the e2e test runs them in Chromium). Here the icons' xlink:href is
 * rewritten as SVG 2's plain href, so the detector's plain-href alternatives are the ones tested.
 */
const plainHref = (html: string) => html.replaceAll('xlink:href=', 'href=');
const real = capture(REAL);
const PAGES: [string, string | undefined, number][] = [
  [`the saved thread (${REAL})`, real && plainHref(real), 3],
  ['the French fixture', plainHref(fixture('perplexity/thread.fr.html')), 2],
];
if (!real) console.warn(`[perplexity.test] ${REAL} not found in ../shared/fixtures/captures: its checks are skipped`);

const icon = (b: Element) => b.querySelector('use')?.getAttribute('href');
/** What the emulated app does once it takes a thumb: fills its icon, empties the other one. */
function rate(scope: Element, name: 'thumb-up' | 'thumb-down' | null) {
  for (const use of scope.querySelectorAll('use[href^="#pplx-icon-thumb-"]')) {
    const base = (use.getAttribute('href') as string).replace(/-filled$/, '');
    use.setAttribute('href', base === `#pplx-icon-${name}` ? `${base}-filled` : base);
  }
}
const sightings = (sent: ContentMessage[]) => sent.map((m) => m.type === 'sighting' && `${m.action}:${m.op}:${m.target}`);

describe('perplexity detector: thumbs by icon, never by label', () => {
  let host = fakeHost();
  afterEach(() => {
    host.invalidate();
    host = fakeHost();
  });

  for (const [name, html, answers] of PAGES) {
    it.skipIf(!html)(`finds each answer's thumbs and id in ${name}`, () => {
      const doc = loadPage(html as string, THREAD);
      for (const el of doc.querySelectorAll('[aria-label]')) el.removeAttribute('aria-label');
      const ups = [...doc.querySelectorAll(UP[1] as string)];
      const downs = [...doc.querySelectorAll(DOWN[1] as string)];
      expect(ups.map(icon)).toEqual(Array(answers).fill('#pplx-icon-thumb-up'));
      expect(downs.map(icon)).toEqual(Array(answers).fill('#pplx-icon-thumb-down'));
      const scopes = ups.map((b) => closestOf(b, toggle.scope) as Element);
      const ids = scopes.map((s) => answerId(s, new URL(THREAD)));
      expect(ids).toEqual([...Array(answers).keys()].map((n) => `capitale-bretagne-Xs6pxUAfRwqwP8Wg0SsM6Q#${n}`));
      for (const s of scopes) expect(toggle.state(s)).toBeNull();
      expect(queryFirst(doc, perplexity.health.controls)).not.toBeNull();
      expect(perplexity.health.pages.test(new URL(THREAD).pathname)).toBe(true);
    });
  }

  it('reads a filled thumb, or aria-pressed, as the answer rated', () => {
    const doc = loadPage(plainHref(fixture('perplexity/thread.fr.html')), THREAD);
    const scope = closestOf(doc.querySelector(UP[1] as string) as Element, toggle.scope) as Element;
    rate(scope, 'thumb-down');
    expect(toggle.state(scope)).toBe('down');
    rate(scope, 'thumb-up');
    expect(toggle.state(scope)).toBe('up');
    rate(scope, null);
    (scope.querySelector(DOWN[1] as string) as Element).setAttribute('aria-pressed', 'true');
    expect(toggle.state(scope)).toBe('down');
    expect(answerId(scope, new URL('https://www.perplexity.ai/'))).toBeUndefined();
  });

  it('counts up on one answer, down then its release on the other', async () => {
    const doc = loadPage(plainHref(fixture('perplexity/thread.fr.html')), THREAD);
    const sent: ContentMessage[] = [];
    runDetector(perplexity, host, collect(sent));
    const [a, b] = [...doc.querySelectorAll('[role="tabpanel"]')] as [Element, Element];
    trustedClick(a.querySelector('use[href="#pplx-icon-thumb-up"]') as Element);
    rate(a, 'thumb-up');
    await tick();
    trustedClick(b.querySelector(DOWN[1] as string) as Element);
    rate(b, 'thumb-down');
    await tick();
    trustedClick(b.querySelector(DOWN[1] as string) as Element);
    rate(b, null);
    await tick();
    const id = 'capitale-bretagne-Xs6pxUAfRwqwP8Wg0SsM6Q';
    expect(sightings(sent)).toEqual([`up:add:${id}#0`, `down:add:${id}#1`, `down:undo:${id}#1`]);
  });

  it('counts nothing for an untrusted click, a thumb rendered filled, or a click the app ignores', async () => {
    const doc = loadPage(plainHref(fixture('perplexity/thread.fr.html')), THREAD);
    const sent: ContentMessage[] = [];
    runDetector(perplexity, host, collect(sent));
    const [a, b] = [...doc.querySelectorAll('[role="tabpanel"]')] as [Element, Element];
    (a.querySelector(UP[1] as string) as HTMLElement).click();
    rate(a, 'thumb-up');
    await tick();
    rate(b, 'thumb-down');
    await tick();
    trustedClick(b.querySelector(UP[1] as string) as Element);
    await tick(50);
    trustedClick(doc.querySelector('use[href="#pplx-icon-copy"]') as Element);
    await tick();
    expect(sent).toEqual([]);
  });
});
