// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { runDetector } from '@/lib/content/runtime';
import { queryFirst } from '@/lib/detectors/dom';
import ebay, { transaction } from '@/lib/detectors/ebay';
import { matchesAny } from '@/lib/match-pattern';
import type { ContentMessage } from '@/lib/messages';
import { collect, fixture, loadPage, tick, trustedClick } from './helpers';
import { hostPerTest, reviewFormTests, sightings, stripLabelText } from './review-form';

// Hand-written pages (tests/fixtures/ebay) after public userscripts' selectors.
const PAGE = 'https://www.ebay.com/fdbk/leave_feedback';
const items = (doc: Document) => [...doc.querySelectorAll('.single-feedback-template')] as [Element, Element];
const submitOf = (item: Element) => item.querySelector('button[id^="submitFeedbackBtn-"]') as Element;
const commentOf = (item: Element) => item.querySelector('[name="OVERALL_EXPERIENCE_COMMENT"]') as HTMLInputElement;

describe('ebay detector', () => {
  // The shared tests on the first transaction of each page (a purchase, its comment a text area).
  reviewFormTests({
    detector: ebay,
    pages: [
      ['leave.html', PAGE, '1357924680'],
      ['leave.fr.html', PAGE, '1357924680'],
    ],
    submit: (doc) => submitOf(items(doc)[0]),
    form: (doc) => items(doc)[0],
    field: (doc) => commentOf(items(doc)[0]),
    write: (doc, text = 'As described.') => {
      commentOf(items(doc)[0]).value = text;
    },
    // eBay removes the transaction's form (assumed).
    accept: (doc) => items(doc)[0].remove(),
    timed: false,
    // The other transaction, a sale, has a one-line comment; each transaction's id; the self-check.
    check: (doc) => {
      const [purchase, sale] = items(doc);
      expect(queryFirst(purchase, ebay.submits[0].field)?.tagName).toBe('TEXTAREA');
      expect(queryFirst(sale, ebay.submits[0].field)?.tagName).toBe('INPUT');
      expect([transaction(purchase), transaction(sale)]).toEqual(['1357924680', '2468013579']);
      expect(ebay.health.pages.test(new URL(PAGE).pathname)).toBe(true);
      expect(queryFirst(doc, ebay.health.controls)).not.toBeNull();
      const item = doc.createElement('div');
      item.className = 'single-feedback-template';
      item.innerHTML = '<button id="submitFeedbackBtn-<x>"></button>';
      expect(transaction(item)).toBeUndefined();
    },
    unlabel: stripLabelText,
  });

  const host = hostPerTest();
  for (const file of ['leave.html', 'leave.fr.html']) {
    it(`counts each transaction's feedback apart, one form removed and one emptied, in ${file}`, async () => {
      const doc = loadPage(fixture(`ebay/${file}`), PAGE);
      const sent: ContentMessage[] = [];
      runDetector(ebay, host(), collect(sent));
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

  it('runs on the feedback pages of eBay’s sites only', () => {
    expect(matchesAny(ebay.matches, 'https://www.ebay.fr/fdbk/leave_feedback')).toBe(true);
    expect(matchesAny(ebay.matches, 'https://www.ebay.com/itm/1234')).toBe(false);
    expect(matchesAny(ebay.matches, 'https://www.ebay.com.evil.example/fdbk/leave_feedback')).toBe(false);
  });
});
