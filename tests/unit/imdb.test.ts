// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { runDetector } from '@/lib/content/runtime';
import { closestOf } from '@/lib/detectors/dom';
import imdb, { titleId } from '@/lib/detectors/imdb';
import type { ContentMessage } from '@/lib/messages';
import { collect, fakeHost, fixture, loadPage, tick, trustedClick } from './helpers';

const TITLE = 'https://www.imdb.com/title/tt0111161/';
const toggle = imdb.toggles[0];
const rule = imdb.network[0];

const bar = (doc: Document) => doc.querySelector('[data-testid="hero-rating-bar__user-rating"]') as HTMLElement;
const barButton = (doc: Document) => bar(doc).querySelector('button') as HTMLElement;

/** What IMDb's own script does when the dialog's Rate (or Remove) button is accepted. */
function showRating(doc: Document, stars: number | null) {
  const content = barButton(doc).querySelector('.ipc-btn__text') as HTMLElement;
  content.innerHTML =
    stars === null
      ? '<div data-testid="hero-rating-bar__user-rating__unrated"><span>Rate</span></div>'
      : `<div data-testid="hero-rating-bar__user-rating__score"><span>${stars}</span><span>/10</span></div>`;
  (doc.querySelector('[data-testid="promptable"]') as HTMLElement).hidden = true;
}

function openDialog(doc: Document) {
  trustedClick(barButton(doc).querySelector('svg') ?? barButton(doc));
  (doc.querySelector('[data-testid="promptable"]') as HTMLElement).hidden = false;
}

const sightings = (sent: ContentMessage[]) => sent.map((m) => m.type === 'sighting' && `${m.action}:${m.op}:${m.target}`);

describe('imdb detector', () => {
  let host = fakeHost();
  afterEach(() => {
    host.invalidate();
    host = fakeHost();
  });

  it('reads title ids from title pages and their sub-pages only', () => {
    expect(titleId(new URL(TITLE))).toBe('tt0111161');
    expect(titleId(new URL('https://www.imdb.com/title/tt0111161/reviews/?ref_=tt_ov'))).toBe('tt0111161');
    expect(titleId(new URL('https://www.imdb.com/fr/title/tt0111161/'))).toBe('tt0111161');
    expect(titleId(new URL('https://www.imdb.com/chart/top/'))).toBeUndefined();
  });

  for (const file of ['title.html', 'title.fr.html']) {
    it(`finds the rating bar and reads its state in ${file}`, () => {
      const doc = loadPage(fixture(`imdb/${file}`), TITLE);
      expect(closestOf(barButton(doc).querySelector('svg') as Element, toggle.control)).toBe(bar(doc));
      expect(toggle.state(bar(doc))).toBeNull();
      showRating(doc, 8);
      expect(toggle.state(bar(doc))).toBe('stars');
    });

    it(`counts a rating confirmed in the dialog, not a re-rating, and nets out its removal, in ${file}`, async () => {
      const doc = loadPage(fixture(`imdb/${file}`), TITLE);
      const sent: ContentMessage[] = [];
      runDetector(imdb, host, collect(sent));
      openDialog(doc);
      trustedClick(doc.querySelectorAll('.ipc-starbar__rating__button')[7] as Element);
      await tick();
      expect(sent).toEqual([]); // a star chosen but not confirmed is nothing yet
      trustedClick(doc.querySelector('.ipc-rating-prompt__rate-button') as Element);
      showRating(doc, 8);
      await tick();
      // Changing the rating is still one rating (the request merges into it).
      openDialog(doc);
      trustedClick(doc.querySelector('.ipc-rating-prompt__rate-button') as Element);
      showRating(doc, 9);
      await tick();
      openDialog(doc);
      trustedClick(doc.querySelector('.ipc-rating-prompt__remove-rating') as Element);
      showRating(doc, null);
      await tick();
      expect(sightings(sent)).toEqual(['stars:add:tt0111161', 'stars:undo:tt0111161']);
    });
  }

  it('does not depend on label text: the same with every aria-label and text removed', async () => {
    const doc = loadPage(fixture('imdb/title.fr.html'), TITLE);
    for (const el of doc.querySelectorAll('[aria-label]')) el.removeAttribute('aria-label');
    for (const el of doc.querySelectorAll('span')) el.textContent = '';
    const sent: ContentMessage[] = [];
    runDetector(imdb, host, collect(sent));
    openDialog(doc);
    showRating(doc, 7);
    await tick();
    expect(sightings(sent)).toEqual(['stars:add:tt0111161']);
  });

  it('counts nothing for an untrusted click, a page that loads rated, or a dialog closed without rating', async () => {
    const doc = loadPage(fixture('imdb/title.html'), TITLE);
    const sent: ContentMessage[] = [];
    runDetector(imdb, host, collect(sent));
    barButton(doc).click(); // synthetic
    showRating(doc, 6);
    await tick();
    showRating(doc, null); // hydration swapping the state without any click
    showRating(doc, 5);
    await tick();
    const fresh = loadPage(fixture('imdb/title.html'), TITLE);
    openDialog(fresh);
    (fresh.querySelector('[data-testid="promptable"]') as HTMLElement).hidden = true; // closed
    await tick(50);
    expect(sent).toEqual([]);
  });

  it.each([
    [
      {
        operationName: 'UpdateTitleRating',
        query: 'mutation UpdateTitleRating($rating: Int!, $titleId: ID!) { … }',
        variables: { rating: 8, titleId: 'tt0111161' },
      },
      { action: 'stars', op: 'add', target: 'tt0111161' },
    ],
    [
      {
        operationName: 'DeleteTitleRating',
        query: 'mutation DeleteTitleRating($titleId: ID!) { … }',
        variables: { titleId: 'tt0111161' },
      },
      { action: 'stars', op: 'undo', target: 'tt0111161' },
    ],
    [
      // A persisted query (hash only, no text) still carries its operation name.
      {
        operationName: 'UpdateTitleRating',
        variables: { rating: 3, titleId: 'tt0068646' },
        extensions: { persistedQuery: { sha256Hash: 'ab12' } },
      },
      { action: 'stars', op: 'add', target: 'tt0068646' },
    ],
    [
      [
        { operationName: 'TitleUserRating', variables: {} },
        { operationName: 'UpdateTitleRating', variables: { rating: 5, titleId: 'tt1' } },
      ],
      { action: 'stars', op: 'add', target: 'tt1' },
    ],
    [{ operationName: 'TitleUserRating', variables: { titleId: 'tt0111161' } }, null],
    [{ operationName: 'AddConstToWatchlist', variables: { titleId: 'tt0111161' } }, null],
    [{ query: 'mutation { rateTitle(input: {rating: 8, titleId: "tt1"}) { date } }' }, null],
    [undefined, null],
  ])('matches the GraphQL body %j', (body, expected) => {
    expect(rule.match({ url: new URL('https://api.graphql.imdb.com/'), method: 'POST', body })).toEqual(expected);
  });
});
