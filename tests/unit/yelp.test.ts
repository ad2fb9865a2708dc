// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { runDetector } from '@/lib/content/runtime';
import { closestOf } from '@/lib/detectors/dom';
import yelp, { reviewedBusiness } from '@/lib/detectors/yelp';
import type { ContentMessage } from '@/lib/messages';
import { collect, fakeHost, fixture, loadPage, tick, trustedClick } from './helpers';

// The "Write a review" page (hand-written fixtures after one public bot's positions: no saved page).
const FORM = 'https://www.yelp.com/writeareview/biz/-e4TSbHSikunICO8i8wr4Q?return_url=%2Fbiz%2F-e4TSbHSikunICO8i8wr4Q';
const FORM_FR = 'https://www.yelp.fr/writeareview/biz/gPGARc74U7rdWSL0Lf5yzA';
const review = yelp.submits[0];

function key(target: Element) {
  const e = new KeyboardEvent('keydown', { key: 'a', bubbles: true, composed: true });
  Object.defineProperty(e, 'isTrusted', { value: true });
  target.dispatchEvent(e);
}

/** The user's part: pick a star, type a text into the editor (keystrokes 20 ms apart). */
async function write(doc: Document, text = 'Great tacos, friendly staff.') {
  (doc.querySelectorAll('fieldset input')[3] as HTMLInputElement).checked = true;
  const editor = doc.querySelector('[contenteditable="true"]') as HTMLElement;
  const p = editor.querySelector('p') as HTMLElement;
  for (const ch of text) {
    key(editor);
    p.textContent = (p.textContent ?? '') + ch;
    await tick(2);
  }
}
const submitButton = (doc: Document) => doc.querySelector('form button[type="submit"]') as Element;
/** Accepted, as assumed: the page moves on to the business page in place, the form gone. */
const accept = (doc: Document) => doc.querySelector('form')?.remove();
const summary = (sent: ContentMessage[]) => sent.map((m) => m.type === 'sighting' && `${m.action}:${m.op}:${m.target}`);

describe('yelp review', () => {
  let host = fakeHost();
  afterEach(() => {
    host.invalidate();
    host = fakeHost();
  });

  it('reads the business from the form address only', () => {
    expect(reviewedBusiness(new URL(FORM))).toBe('biz/-e4TSbHSikunICO8i8wr4Q');
    expect(reviewedBusiness(new URL('https://www.yelp.com/writeareview/biz/waves-pest-control-bradenton-6'))).toBe(
      'biz/waves-pest-control-bradenton-6',
    );
    expect(reviewedBusiness(new URL('https://www.yelp.com/biz/wunderbar-san-mateo-2'))).toBeUndefined();
    expect(reviewedBusiness(new URL('https://www.yelp.com/writeareview/newbiz'))).toBeUndefined();
  });

  it('finds the submit and its form on the "Write a review" page, and nowhere else', () => {
    const doc = loadPage(fixture('yelp/write-review.html'), FORM);
    const button = submitButton(doc);
    expect(closestOf(button, review.control)).toBe(button);
    expect(review.composer(button)?.className).toBe('war-form');
    const other = loadPage(fixture('yelp/write-review.html'), 'https://www.yelp.com/biz/wunderbar-san-mateo-2');
    expect(review.composer(submitButton(other))).toBeNull();
  });

  for (const [file, url, target] of [
    ['write-review.html', FORM, 'biz/-e4TSbHSikunICO8i8wr4Q'],
    ['write-review.fr.html', FORM_FR, 'biz/gPGARc74U7rdWSL0Lf5yzA'],
  ] as const) {
    it(`counts one review with its typing time once the form goes, in ${file}`, async () => {
      const doc = loadPage(fixture(`yelp/${file}`), url);
      const sent: ContentMessage[] = [];
      runDetector(yelp, host, collect(sent));
      await write(doc);
      trustedClick(submitButton(doc));
      await tick(50);
      expect(sent).toEqual([]); // the click alone counts nothing
      accept(doc);
      await tick(400);
      expect(summary(sent)).toEqual([`review:add:${target}`]);
      expect(sent[0]).toMatchObject({ platform: 'yelp' });
      expect((sent[0] as { durationMs?: number }).durationMs).toBeGreaterThan(0);
    });
  }

  it('counts nothing for a submit without text, or one the page refuses (the text stays)', async () => {
    const doc = loadPage(fixture('yelp/write-review.html'), FORM);
    const sent: ContentMessage[] = [];
    runDetector(yelp, host, collect(sent));
    trustedClick(submitButton(doc));
    accept(doc);
    await tick(400);
    const doc2 = loadPage(fixture('yelp/write-review.html'), FORM);
    runDetector(yelp, host, collect(sent));
    await write(doc2, 'Too short');
    trustedClick(submitButton(doc2));
    await tick(600);
    expect(sent).toEqual([]);
  });

  it('counts nothing for a submit clicked by a script', async () => {
    const doc = loadPage(fixture('yelp/write-review.html'), FORM);
    const sent: ContentMessage[] = [];
    runDetector(yelp, host, collect(sent));
    await write(doc);
    (submitButton(doc) as HTMLElement).click();
    accept(doc);
    await tick(400);
    expect(sent).toEqual([]);
  });

  it('does not depend on label text', async () => {
    const doc = loadPage(fixture('yelp/write-review.fr.html'), FORM_FR);
    for (const el of doc.querySelectorAll('[aria-label]')) el.removeAttribute('aria-label');
    for (const el of doc.querySelectorAll('h1, legend, button')) el.textContent = '';
    const sent: ContentMessage[] = [];
    runDetector(yelp, host, collect(sent));
    await write(doc);
    trustedClick(submitButton(doc));
    accept(doc);
    await tick(400);
    expect(summary(sent)).toEqual(['review:add:biz/gPGARc74U7rdWSL0Lf5yzA']);
  });
});
