// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { runDetector } from '@/lib/content/runtime';
import { queryFirst } from '@/lib/detectors/dom';
import letterboxd, { diaryEntry } from '@/lib/detectors/letterboxd';
import { matchesAny } from '@/lib/match-pattern';
import type { ContentMessage } from '@/lib/messages';
import { fakeHost, fixture, loadPage, tick, trustedClick } from './helpers';

const FILM = 'https://letterboxd.com/film/a-made-up-film/';
const SAVE = 'https://letterboxd.com/s/save-diary-entry';

/** The dialog's fields as the hand-written page holds them, the way the browser hands them over. */
function fields(doc: Document, review: string): Record<string, string[]> {
  (doc.querySelector('#frm-review') as HTMLTextAreaElement).value = review;
  const out: Record<string, string[]> = {};
  for (const [k, v] of new FormData(doc.querySelector('#diary-entry-form') as HTMLFormElement))
    out[k] = [...(out[k] ?? []), String(v)];
  return out;
}
const req = (body: unknown) => ({ url: new URL(SAVE), method: 'POST', body });

describe('letterboxd detector', () => {
  let host = fakeHost();
  afterEach(() => {
    host.invalidate();
    host = fakeHost();
  });

  for (const file of ['letterboxd/film.html', 'letterboxd/film.fr.html']) {
    it(`counts a diary entry with a written review, and not one without (${file})`, () => {
      const doc = loadPage(fixture(file), FILM);
      expect(diaryEntry(req(fields(doc, 'Made-up words.')))).toEqual({ action: 'review', op: 'add', target: 'film/51315' });
      expect(diaryEntry(req(fields(doc, ' \n ')))).toBeNull(); // a log or a rating without text
    });

    it(`finds the actions panel for the self-check (${file})`, () => {
      const doc = loadPage(fixture(file), FILM);
      expect(letterboxd.health.pages.test('/film/a-made-up-film/')).toBe(true);
      expect(queryFirst(doc, letterboxd.health.controls)).not.toBeNull();
    });
  }

  it('reads the film from viewingableUid too, and names no target it cannot read', () => {
    expect(diaryEntry(req({ viewingableUid: ['film:51315'], review: ['x'] }))).toMatchObject({ target: 'film/51315' });
    expect(diaryEntry(req({ review: ['x'] }))).toEqual({ action: 'review', op: 'add' });
    expect(diaryEntry(req({ filmId: ['51315'], rating: ['8'] }))).toBeNull();
    expect(diaryEntry(req(undefined))).toBeNull();
  });

  it('listens to exactly the save endpoint, with or without a query', () => {
    const urls = letterboxd.network.flatMap((r) => r.urls);
    expect(matchesAny(urls, SAVE)).toBe(true);
    expect(matchesAny(urls, `${SAVE}?x=1`)).toBe(true);
    expect(matchesAny(urls, 'https://letterboxd.com/s/save-diary-entry-other')).toBe(false);
    expect(matchesAny(urls, 'https://letterboxd.com/s/autocompletefilm')).toBe(false);
  });

  it('reports nothing from the page itself: a click is only a gesture', async () => {
    const doc = loadPage(fixture('letterboxd/film.html'), FILM);
    const sent: ContentMessage[] = [];
    runDetector(letterboxd, host, (m) => sent.push(m));
    trustedClick(doc.querySelector('[data-open-dialog]') as Element);
    await tick(10);
    expect(sent.map((m) => m.type)).toEqual(['gesture']);
  });
});
