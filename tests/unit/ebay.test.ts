// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { runDetector } from '@/lib/content/runtime';
import { queryFirst } from '@/lib/detectors/dom';
import ebay, { transaction } from '@/lib/detectors/ebay';
import { matchesAny } from '@/lib/match-pattern';
import type { ContentMessage } from '@/lib/messages';
import { collect, fakeHost, fixture, loadPage, tick, trustedClick } from './helpers';

// Hand-written pages (tests/fixtures/ebay) after public userscripts' selectors.
const PAGE = 'https://www.ebay.com/fdbk/leave_feedback';
const items = (doc: Document) => [...doc.querySelectorAll('.single-feedback-template')] as [Element, Element];
const submitOf = (item: Element) => item.querySelector('button[id^="submitFeedbackBtn-"]') as Element;
const commentOf = (item: Element) => item.querySelector('[name="OVERALL_EXPERIENCE_COMMENT"]') as HTMLInputElement;
const sightings = (sent: ContentMessage[]) => sent.map((m) => m.type === 'sighting' && `${m.action}:${m.op}:${m.target}`);

describe('ebay detector', () => {
  let host = fakeHost();
  afterEach(() => {
    host.invalidate();
    host = fakeHost();
  });

  for (const file of ['leave.html', 'leave.fr.html']) {
    it(`finds each transaction's form, comment and id in ${file}`, () => {
      const doc = loadPage(fixture(`ebay/${file}`), PAGE);
      const [purchase, sale] = items(doc);
      const submit = ebay.submits[0];
      expect(submit.composer(submitOf(purchase))).toBe(purchase);
      expect(queryFirst(purchase, submit.field)?.tagName).toBe('TEXTAREA');
      expect(queryFirst(sale, submit.field)?.tagName).toBe('INPUT');
      expect([transaction(purchase), transaction(sale)]).toEqual(['1357924680', '2468013579']);
      expect(ebay.health.pages.test(new URL(PAGE).pathname)).toBe(true);
      expect(queryFirst(doc, ebay.health.controls)).not.toBeNull();
    });

    it(`counts a feedback once eBay removes its form, in ${file}`, async () => {
      const doc = loadPage(fixture(`ebay/${file}`), PAGE);
      const sent: ContentMessage[] = [];
      runDetector(ebay, host, collect(sent));
      const [purchase, sale] = items(doc);
      commentOf(purchase).value = 'As described.';
      trustedClick(submitOf(purchase));
      purchase.remove(); // eBay took it
      commentOf(sale).value = 'Quick payment.';
      trustedClick(submitOf(sale));
      commentOf(sale).value = ''; // emptied: taken as well
      await tick(600);
      expect(sightings(sent)).toEqual(['review:add:1357924680', 'review:add:2468013579']);
    });
  }

  it('counts nothing for an empty comment, a refused form, or a script’s click', async () => {
    const doc = loadPage(fixture('ebay/leave.html'), PAGE);
    const sent: ContentMessage[] = [];
    runDetector(ebay, host, collect(sent));
    const [purchase, sale] = items(doc);
    trustedClick(submitOf(purchase)); // no comment
    purchase.remove();
    commentOf(sale).value = 'Scripted.';
    (submitOf(sale) as HTMLElement).click();
    sale.remove();
    await tick(600);
    expect(sent).toEqual([]);
    const item = doc.createElement('div');
    item.className = 'single-feedback-template';
    item.innerHTML = '<button id="submitFeedbackBtn-<x>"></button>';
    expect(transaction(item)).toBeUndefined();
  });

  it('runs on the feedback pages of eBay’s sites only', () => {
    expect(matchesAny(ebay.matches, 'https://www.ebay.fr/fdbk/leave_feedback')).toBe(true);
    expect(matchesAny(ebay.matches, 'https://www.ebay.com/itm/1234')).toBe(false);
    expect(matchesAny(ebay.matches, 'https://www.ebay.com.evil.example/fdbk/leave_feedback')).toBe(false);
  });
});
