import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fixture,
  htmlRoute,
  idleVisit,
  jsonRoute,
  launch,
  openPopup,
  type RouteEntry,
  resetDb,
  type Session,
  settle,
  storedEvents,
  waitForEvents,
  withEmulator,
} from '../harness';

// Moderation counted from the platforms' requests after the user's own click (hand-written pages:
// the markup is assumed, the requests are those public code names; see the fixtures' comments).
const MODQUEUE = 'https://old.reddit.com/r/clickworktest/about/modqueue/';
const REVIEW = 'https://stackoverflow.com/review/close/41000007';
const NOTE = 'https://x.com/TestUser123/status/1981398750557065646';
const fr = (url: string) => `${url}${url.includes('?') ? '&' : '?'}hl=fr`;

/** The same page in the French interface: only labels and the document language change. */
function french(html: string, labels: Record<string, string>): string {
  let out = html.replace('<html lang="en"', '<html lang="fr"');
  for (const [en, f] of Object.entries(labels)) out = out.replaceAll(`>${en}<`, `>${f}<`);
  return out;
}
const page = (file: string, emulator: string, labels: Record<string, string>) => ({
  en: withEmulator(fixture(file), emulator),
  fr: withEmulator(french(fixture(file), labels), emulator),
});
const reddit = page('reddit/modqueue-old.html', 'reddit', {
  approve: 'approuver',
  remove: 'retirer',
  spam: 'spam',
  'ignore reports': 'ignorer les signalements',
});
const so = page('stackoverflow/review-close.html', 'stackoverflow', {
  'Leave Open': 'Laisser ouverte',
  Skip: 'Passer',
  Close: 'Fermer',
  'Retract close vote': 'Retirer le vote',
});
const note = page('x/community-note.html', 'x', {
  Yes: 'Oui',
  Somewhat: 'En partie',
  No: 'Non',
  'Delete rating': 'Supprimer la note',
  'Write a Community Note': 'Rédiger une note',
});

let s: Session;
beforeAll(async () => {
  const both = (re: string, p: { en: string; fr: string }): RouteEntry[] => [
    [new RegExp(`^${re}\\?hl=fr$`), htmlRoute(p.fr)],
    [new RegExp(`^${re}$`), htmlRoute(p.en)],
  ];
  s = await launch({
    routes: [
      ...both('https://old\\.reddit\\.com/r/clickworktest/about/modqueue/', reddit),
      ...both('https://stackoverflow\\.com/review/close/41000007', so),
      ...both('https://x\\.com/TestUser123/status/1981398750557065646', note),
      [/^https:\/\/old\.reddit\.com\/api\//, jsonRoute()],
      [/^https:\/\/stackoverflow\.com\/(review\/task-reviewed|flags)\//, jsonRoute('{"success":true}')],
    ],
  });
});
afterAll(async () => {
  await s?.close();
});

const line = (e: { platform: string; kind: string; detail: string; signal: string }) =>
  `${e.platform}/${e.kind}/${e.detail}/${e.signal}`;

/** Clicks, then waits until the active events are exactly `expected` (sorted). */
async function clickAndExpect(tab: Page, popup: Page, selector: string, expected: string[]) {
  await tab.bringToFront();
  await tab.locator(selector).click();
  const events = await waitForEvents(popup, (e) => e.map(line).sort().join() === [...expected].sort().join());
  expect(events.map(line).sort()).toEqual([...expected].sort());
}

describe('moderation', () => {
  for (const lang of ['en', 'fr'] as const) {
    const at = (url: string) => (lang === 'fr' ? fr(url) : url);

    it(`Reddit old UI: approve and remove each count once; a second click and "ignore reports" add nothing (${lang})`, async () => {
      await resetDb(s);
      const tab = await s.context.newPage();
      await tab.goto(at(MODQUEUE));
      const popup = await openPopup(s);
      const approve = 'reddit/moderation/approve/network';
      const remove = 'reddit/moderation/remove/network';
      await clickAndExpect(tab, popup, '#thing_t3_1abcde .big-mod-buttons .positive', [approve]);
      await clickAndExpect(tab, popup, '#thing_t1_k9xyz01 .big-mod-buttons > span > .neutral', [approve, remove]);
      await tab.bringToFront();
      await tab.locator('#thing_t3_1abcde .big-mod-buttons .positive').click();
      await tab.locator('#thing_t3_1abcde .big-mod-buttons > .neutral').click();
      await settle(popup);
      expect(
        (await storedEvents(popup))
          .filter((e) => !e.undoneAt)
          .map(line)
          .sort(),
      ).toEqual([approve, remove]);
      await tab.close();
      await popup.close();
    });

    it(`Stack Overflow: a review task, a close vote withdrawn (nets out) and a reopen vote (${lang})`, async () => {
      await resetDb(s);
      const tab = await s.context.newPage();
      await tab.goto(at(REVIEW));
      const popup = await openPopup(s);
      const task = 'stackoverflow/moderation/review-task/network';
      const vote = 'stackoverflow/moderation/close-vote/network';
      await clickAndExpect(tab, popup, '.js-review-actions .js-action-button >> nth=0', [task]);
      await clickAndExpect(tab, popup, '.js-close-question-link', [task, vote]);
      await clickAndExpect(tab, popup, '.js-retract-close-vote', [task]);
      await clickAndExpect(tab, popup, '.js-reopen-question-link', [task, vote]);
      await settle(popup);
      expect(
        (await storedEvents(popup))
          .filter((e) => !e.undoneAt)
          .map(line)
          .sort(),
      ).toEqual([task, vote].sort());
      await tab.close();
      await popup.close();
    });

    it(`X Community Notes: a rating changed counts once, its deletion nets out, a note written counts (${lang})`, async () => {
      await resetDb(s);
      const tab = await s.context.newPage();
      await tab.goto(at(NOTE));
      const popup = await openPopup(s);
      const rating = 'x/moderation/note-rating/network';
      await clickAndExpect(tab, popup, '[data-level="Helpful"]', [rating]);
      await tab.bringToFront();
      await tab.locator('[data-level="NotHelpful"]').click();
      await settle(popup);
      expect((await storedEvents(popup)).filter((e) => !e.undoneAt).map(line)).toEqual([rating]);
      await clickAndExpect(tab, popup, '[data-level="delete"]', []);
      await clickAndExpect(tab, popup, '[data-emulated-write-note]', ['x/moderation/note/network']);
      await tab.close();
      await popup.close();
    });
  }

  it('loading, hovering and scrolling count nothing; nor does a click made by the page’s script', async () => {
    await resetDb(s);
    expect(await idleVisit(s, [MODQUEUE, REVIEW, NOTE, fr(MODQUEUE)])).toEqual([]);
    for (const [url, control] of [
      [MODQUEUE, '.big-mod-buttons .positive'],
      [REVIEW, '.js-close-question-link'],
      [NOTE, '[data-level="Helpful"]'],
    ] as const) {
      const tab = await s.context.newPage();
      await tab.goto(url);
      await tab.evaluate((sel) => (document.querySelector(sel) as HTMLElement).click(), control);
      await settle(tab, 800);
      await tab.close();
    }
    const popup = await openPopup(s);
    await settle(popup);
    expect((await storedEvents(popup)).filter((e) => !e.undoneAt)).toEqual([]);
    await popup.close();
  });
});
