// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { runDetector } from '@/lib/content/runtime';
import amazon, { reviewedAsin } from '@/lib/detectors/amazon';
import { closestOf } from '@/lib/detectors/dom';
import type { ContentMessage } from '@/lib/messages';
import { collect, fakeHost, fixture, loadPage, tick, trustedClick } from './helpers';

// The in-context review form (hand-written fixtures: no saved page of it was found).
const FORM = 'https://www.amazon.com/review/create-review?encoding=UTF8&asin=B0BBPNPZTC';
const FORM_FR = 'https://www.amazon.fr/review/create-review?encoding=UTF&channel=vine-portal&asin=B0BBPNPZTC';
const rating = amazon.toggles[1];
const review = amazon.submits[0];

function key(target: Element) {
  const e = new KeyboardEvent('keydown', { key: 'a', bubbles: true, composed: true });
  Object.defineProperty(e, 'isTrusted', { value: true });
  target.dispatchEvent(e);
}

/** The user's part: choose a star, type a text (keystrokes 200 ms apart), click Submit. */
async function fill(doc: Document, { star = 4, text = 'Works as described.' } = {}) {
  if (star) doc.querySelectorAll('[role="radio"]')[star - 1]?.setAttribute('aria-checked', 'true');
  const area = doc.querySelector('#reviewText') as HTMLTextAreaElement;
  for (const ch of text) {
    key(area);
    area.value += ch;
    await tick(2);
  }
}
const submit = (doc: Document) => trustedClick(doc.querySelector('.ryp-submit-button-desktop input') as Element);

/** What Amazon's app does once it accepts the review: the thank-you replaces the form. */
function thank(doc: Document) {
  const done = doc.createElement('div');
  done.className = 'in-context-ryp__thankyou-container-desktop';
  done.innerHTML = '<h2 data-testid="in-context-ryp__thankyou-text"></h2>';
  doc.querySelector('#in-context-ryp-form')?.replaceWith(done);
}
/** A refusal as assumed: the form stays, with an error alert. */
function refuse(doc: Document) {
  const alert = doc.createElement('div');
  alert.setAttribute('data-hook', 'ryp-error-page-text');
  doc.querySelector('#in-context-ryp-form')?.prepend(alert);
}

const summary = (sent: ContentMessage[]) => sent.map((m) => m.type === 'sighting' && `${m.action}:${m.op}:${m.target}`);

describe('amazon review and star rating', () => {
  let host = fakeHost();
  afterEach(() => {
    host.invalidate();
    host = fakeHost();
  });

  it('reads the ASIN from the form page address only when it is one', () => {
    expect(reviewedAsin(new URL(FORM))).toBe('B0BBPNPZTC');
    expect(reviewedAsin(new URL('https://www.amazon.com/review/create-review?asin=<x>'))).toBeUndefined();
    expect(reviewedAsin(new URL('https://www.amazon.com/review/create-review'))).toBeUndefined();
  });

  it('finds the submit, form, field and app, and no thank-you, on load', () => {
    const doc = loadPage(fixture('amazon/create-review.html'), FORM);
    const button = doc.querySelector('.ryp-submit-button-desktop input') as Element;
    expect(closestOf(button, review.control)).toBe(button);
    expect(review.composer(button)?.id).toBe('in-context-ryp-form');
    // The rating control matches once a star is chosen (happy-dom caches :has() results, so the
    // unchosen case is checked on a fresh page by the test below).
    doc.querySelector('[role="radio"]')?.setAttribute('aria-checked', 'true');
    expect(closestOf(button, rating.control)).toBe(button);
    const app = closestOf(button, rating.scope) as Element;
    expect(app.className).toBe('in-context-ryp__container');
    expect(rating.state(app)).toBeNull();
  });

  for (const [file, url] of [
    ['create-review.html', FORM],
    ['create-review.fr.html', FORM_FR],
  ] as const) {
    it(`counts one review (with typing time) and one star rating when the thank-you shows, in ${file}`, async () => {
      const doc = loadPage(fixture(`amazon/${file}`), url);
      const sent: ContentMessage[] = [];
      runDetector(amazon, host, collect(sent));
      await fill(doc);
      submit(doc);
      await tick(50);
      expect(sent).toEqual([]); // the click alone counts nothing
      thank(doc);
      await tick(400);
      expect(summary(sent).sort()).toEqual(['review:add:B0BBPNPZTC', 'stars:add:B0BBPNPZTC']);
      const written = sent.find((m) => m.type === 'sighting' && m.action === 'review');
      expect(written).toMatchObject({ platform: 'amazon' });
      expect((written as { durationMs?: number }).durationMs).toBeGreaterThan(0);
    });
  }

  it('counts only the rating when the review has no text', async () => {
    const doc = loadPage(fixture('amazon/create-review.html'), FORM);
    const sent: ContentMessage[] = [];
    runDetector(amazon, host, collect(sent));
    await fill(doc, { text: '' });
    submit(doc);
    thank(doc);
    await tick(400);
    expect(summary(sent)).toEqual(['stars:add:B0BBPNPZTC']);
  });

  it('counts no rating for a submit without a chosen star, even if the thank-you shows', async () => {
    const doc = loadPage(fixture('amazon/create-review.html'), FORM);
    const sent: ContentMessage[] = [];
    runDetector(amazon, host, collect(sent));
    await fill(doc, { star: 0 });
    submit(doc);
    thank(doc);
    await tick(400);
    expect(summary(sent)).toEqual(['review:add:B0BBPNPZTC']);
  });

  it('counts nothing when the submission is refused, with or without a star', async () => {
    const doc = loadPage(fixture('amazon/create-review.html'), FORM);
    const sent: ContentMessage[] = [];
    runDetector(amazon, host, collect(sent));
    await fill(doc, { star: 0 });
    submit(doc);
    refuse(doc);
    await tick(50);
    doc.querySelector('[role="radio"]')?.setAttribute('aria-checked', 'true');
    submit(doc);
    refuse(doc);
    await tick(600);
    expect(sent).toEqual([]);
  });

  it('counts nothing for a submit clicked by a script', async () => {
    const doc = loadPage(fixture('amazon/create-review.html'), FORM);
    const sent: ContentMessage[] = [];
    runDetector(amazon, host, collect(sent));
    await fill(doc);
    (doc.querySelector('.ryp-submit-button-desktop input') as HTMLElement).click();
    thank(doc);
    await tick(400);
    expect(sent).toEqual([]);
  });

  it('does not depend on label text', async () => {
    const doc = loadPage(fixture('amazon/create-review.fr.html'), FORM_FR);
    for (const el of doc.querySelectorAll('[aria-label]')) el.removeAttribute('aria-label');
    for (const el of doc.querySelectorAll('h3, label, .a-button-text, .a-color-link')) el.textContent = '';
    const sent: ContentMessage[] = [];
    runDetector(amazon, host, collect(sent));
    await fill(doc);
    submit(doc);
    thank(doc);
    await tick(400);
    expect(summary(sent).sort()).toEqual(['review:add:B0BBPNPZTC', 'stars:add:B0BBPNPZTC']);
  });
});
