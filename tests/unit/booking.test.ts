// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { runDetector } from '@/lib/content/runtime';
import booking from '@/lib/detectors/booking';
import { queryFirst } from '@/lib/detectors/dom';
import { matchesAny } from '@/lib/match-pattern';
import type { ContentMessage } from '@/lib/messages';
import { collect, fakeHost, fixture, loadPage, tick, trustedClick } from './helpers';

// Hand-written pages (tests/fixtures/booking): the form is assumed, only the page's address is known.
const PAGE = 'https://secure.booking.com/reviewtimeline.html?stay=1';
const form = (doc: Document) => doc.getElementById('review-form') as HTMLFormElement;
const submitOf = (doc: Document) => form(doc).querySelector('button[type="submit"]') as Element;
const liked = (doc: Document) => form(doc).querySelector('textarea[name="positive"]') as HTMLTextAreaElement;

describe('booking detector', () => {
  let host = fakeHost();
  afterEach(() => {
    host.invalidate();
    host = fakeHost();
  });

  for (const file of ['review.html', 'review.fr.html']) {
    it(`finds the form, its text and the self-check's controls in ${file}`, () => {
      const doc = loadPage(fixture(`booking/${file}`), PAGE);
      const submit = booking.submits[0];
      expect(submit.composer(submitOf(doc))).toBe(form(doc));
      expect(queryFirst(form(doc), submit.field)).toBe(liked(doc));
      expect(booking.health.pages.test('/reviewtimeline.html')).toBe(true);
      expect(booking.health.pages.test('/reviewmanage.fr.html')).toBe(true);
      expect(queryFirst(doc, booking.health.controls)).not.toBeNull();
    });

    it(`counts a review once Booking removes the form, in ${file}`, async () => {
      const doc = loadPage(fixture(`booking/${file}`), PAGE);
      const sent: ContentMessage[] = [];
      runDetector(booking, host, collect(sent));
      liked(doc).value = 'Quiet room.';
      trustedClick(submitOf(doc));
      form(doc).remove();
      await tick(600);
      expect(sent.map((m) => m.type === 'sighting' && `${m.platform}:${m.action}:${m.op}`)).toEqual(['booking:review:add']);
    });
  }

  it('counts nothing for a submit without text, nor for a script’s click, even when the form goes', async () => {
    for (const fill of ['', 'Scripted.']) {
      const doc = loadPage(fixture('booking/review.html'), PAGE);
      const sent: ContentMessage[] = [];
      runDetector(booking, host, collect(sent));
      liked(doc).value = fill;
      if (fill)
        (submitOf(doc) as HTMLElement).click(); // a script's click
      else trustedClick(submitOf(doc)); // the person's click, nothing written
      form(doc).remove();
      await tick(600);
      expect(sent).toEqual([]);
      host.invalidate();
      host = fakeHost();
    }
  });

  it('runs on Booking.com’s review pages only', () => {
    expect(matchesAny(booking.matches, 'https://secure.booking.com/reviewtimeline.fr.html')).toBe(true);
    expect(matchesAny(booking.matches, 'https://secure.booking.com/myreservations.html')).toBe(false);
    expect(matchesAny(booking.matches, 'https://www.booking.com/hotel/fr/made-up.html')).toBe(false);
  });
});
