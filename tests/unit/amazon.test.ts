// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { runDetector } from '@/lib/content/runtime';
import amazon, { reviewId } from '@/lib/detectors/amazon';
import { closestOf } from '@/lib/detectors/dom';
import { matchesAny } from '@/lib/match-pattern';
import type { ContentMessage } from '@/lib/messages';
import { realPages } from '../real-pages';
import { collect, fakeHost, fixture, loadPage, tick, trustedClick } from './helpers';

const REVIEWS = 'https://www.amazon.com/Dawn-Ultra-Dishwashing-Liquid-Original/product-reviews/B0BBPNPZTC';
const REVIEWS_FR = 'https://www.amazon.fr/product-reviews/B0BBPNPZTC';
const toggle = amazon.toggles[0];
const CAPTURE = 'amazon_product_reviews_loggedout_2024-07.html';
const real = realPages(CAPTURE);

/** What Amazon's script does once the vote is recorded: hide the button, show the success message. */
function accept(widget: Element) {
  widget.querySelector('.cr-helpful-button')?.classList.add('aok-hidden');
  widget.querySelector('[data-hook="vote-success-message"]')?.classList.remove('aok-hidden');
}

describe('amazon detector', () => {
  let host = fakeHost();
  afterEach(() => {
    host.invalidate();
    host = fakeHost();
  });

  it('runs on the chosen marketplaces only', () => {
    for (const u of [REVIEWS, REVIEWS_FR, 'https://www.amazon.co.uk/dp/B0BBPNPZTC', 'https://www.amazon.co.jp/dp/B0BBPNPZTC'])
      expect(matchesAny(amazon.matches, u), u).toBe(true);
    for (const u of ['https://www.amazon.com.br/dp/B0BBPNPZTC', 'https://aws.amazon.com/', 'https://www.amazon.evil.example/'])
      expect(matchesAny(amazon.matches, u), u).toBe(false);
  });

  it.skipIf(real.skip)('finds every vote widget, its review id and no vote in the real signed-out capture', () => {
    const doc = loadPage(real.read(CAPTURE), REVIEWS);
    const buttons = [...doc.querySelectorAll('[data-hook="vote-helpful-button"]')];
    expect(buttons).toHaveLength(10);
    const ids = buttons.map((b) => {
      expect(closestOf(b, toggle.control)).toBe(b);
      const widget = closestOf(b, toggle.scope) as Element;
      expect(toggle.state(widget)).toBeNull();
      return toggle.target(widget);
    });
    expect(ids[0]).toBe('RIY0N097PYR7K');
    expect(new Set(ids).size).toBe(10);
    for (const id of ids) expect(id).toMatch(/^R[A-Z0-9]+$/);
  });

  it.skipIf(real.skip)('counts nothing when a signed-out click only leads to the sign-in page', async () => {
    const doc = loadPage(real.read(CAPTURE), REVIEWS);
    const sent: ContentMessage[] = [];
    runDetector(amazon, host, collect(sent));
    const link = doc.querySelector('[data-hook="vote-helpful-button"]') as HTMLElement;
    link.addEventListener('click', (e) => e.preventDefault());
    trustedClick(link.querySelector('.cr-helpful-text') as Element);
    await tick(50);
    expect(sent).toEqual([]);
  });

  it('reads the review id from the vote bar links when the card has no id', () => {
    const doc = loadPage(fixture('amazon/reviews-signed-in.html'), REVIEWS);
    const card = doc.querySelector('[data-hook="review"]') as Element;
    card.removeAttribute('id');
    card.querySelector('[id^="customer_review-"]')?.removeAttribute('id');
    const widget = card.querySelector('[data-hook="review-voting-widget"]') as Element;
    expect(reviewId(widget)).toBe('RIY0N097PYR7K');
  });

  for (const [file, url] of [
    ['reviews-signed-in.html', REVIEWS],
    ['reviews-signed-in.fr.html', REVIEWS_FR],
  ] as const) {
    it(`counts a Helpful vote on each review once, signed in, in ${file}`, async () => {
      const doc = loadPage(fixture(`amazon/${file}`), url);
      const sent: ContentMessage[] = [];
      runDetector(amazon, host, collect(sent));
      const widgets = [...doc.querySelectorAll('[data-hook="review-voting-widget"]')];
      for (const w of widgets) {
        trustedClick(w.querySelector('[data-hook="vote-helpful-button"]') as Element);
        accept(w);
        await tick();
      }
      expect(sent.map((m) => m.type === 'sighting' && `${m.action}:${m.op}:${m.target}`)).toEqual([
        'helpful:add:RIY0N097PYR7K',
        'helpful:add:R1RUZF3NO7Y1Q4',
      ]);
    });
  }

  it('counts nothing for an untrusted click, or a failed vote', async () => {
    const doc = loadPage(fixture('amazon/reviews-signed-in.html'), REVIEWS);
    const sent: ContentMessage[] = [];
    runDetector(amazon, host, collect(sent));
    const [first, second] = [...doc.querySelectorAll('[data-hook="review-voting-widget"]')] as [Element, Element];
    const helpful = (w: Element) => w.querySelector('[data-hook="vote-helpful-button"]') as HTMLElement;
    helpful(first).click();
    accept(first);
    // Amazon answered with its error message: the success message stays hidden.
    trustedClick(helpful(second));
    second.querySelector('.cr-vote-error')?.classList.remove('aok-hidden');
    await tick(50);
    expect(sent).toEqual([]);
  });

  it('does not depend on label text', async () => {
    const doc = loadPage(fixture('amazon/reviews-signed-in.html'), REVIEWS);
    for (const el of doc.querySelectorAll('[aria-label], [value]')) {
      el.removeAttribute('aria-label');
      el.removeAttribute('value');
    }
    for (const el of doc.querySelectorAll('.cr-helpful-text, .a-alert-content, .cr-vote-text')) el.textContent = '';
    const sent: ContentMessage[] = [];
    runDetector(amazon, host, collect(sent));
    const widget = doc.querySelector('[data-hook="review-voting-widget"]') as Element;
    trustedClick(widget.querySelector('[data-hook="vote-helpful-button"]') as Element);
    accept(widget);
    await tick();
    expect(sent).toMatchObject([{ action: 'helpful', op: 'add', target: 'RIY0N097PYR7K' }]);
  });
});
