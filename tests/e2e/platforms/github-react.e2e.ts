import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  htmlRoute,
  jsonRoute,
  launch,
  openPopup,
  resetDb,
  root,
  type Session,
  settle,
  storedEvents,
  waitForEvents,
  withEmulator,
} from '../harness';

// The real logged-in issue page of GitHub's React view (2025-04), read from ../shared at run time
// (third-party: never copied into the project), its own scripts removed, GitHub's reaction emulated.
const CAPTURE = resolve(root, '..', 'shared', 'holdout-captures', 'github_issue_reactions_loggedin_2025-04.html');
const ISSUE = 'https://github.com/matthewwithanm/python-markdownify/issues/100';
const ISSUE_FR = `${ISSUE}?locale=fr`;
const COMMENT = '[data-testid="comment-viewer-outer-box-IC_kwDOAEnEw850MNph"]';

const page = () => readFileSync(CAPTURE, 'utf8').replace(/<script\b[\s\S]*?<\/script>/g, '');
const french = (html: string) =>
  html
    .replace('<html lang="en"', '<html lang="fr"')
    .replaceAll('aria-label="Reactions"', 'aria-label="Réactions"')
    .replaceAll('aria-label="Add or remove reactions"', 'aria-label="Ajouter ou retirer des réactions"')
    .replace(/aria-label="Unreact with ([^ "]+) \(/g, 'aria-label="Retirer la réaction $1 (');

const line = (e: { platform: string; kind: string; detail: string; signal: string }) =>
  `${e.platform}/${e.kind}/${e.detail}/${e.signal}`;

describe.skipIf(!existsSync(CAPTURE))('GitHub React issue view (real page; skipped without ../shared)', () => {
  let s: Session;
  beforeAll(async () => {
    s = await launch({
      routes: [
        [
          /^https:\/\/github\.com\/matthewwithanm\/python-markdownify\/issues\/100\?locale=fr$/,
          htmlRoute(withEmulator(french(page()), 'github')),
        ],
        [/^https:\/\/github\.com\/matthewwithanm\/python-markdownify\/issues\/100$/, htmlRoute(withEmulator(page(), 'github'))],
        [/^https:\/\/github\.com\/_graphql/, jsonRoute('{"data":{}}')],
      ],
    });
  });
  afterAll(async () => {
    await s?.close();
  });

  for (const url of [ISSUE, ISSUE_FR]) {
    it(`counts a switch toggled and one picked, each once, and the removal nets out (${url.endsWith('fr') ? 'fr' : 'en'})`, async () => {
      await resetDb(s);
      const tab = await s.context.newPage();
      await tab.goto(url);
      // Thumbs up on a comment, from its existing switch (others had reacted).
      await tab.locator(`${COMMENT} [role="toolbar"] button[role="switch"]`).first().click();
      const popup = await openPopup(s);
      expect((await waitForEvents(popup, (e) => e.length === 1 && e[0]?.signal === 'dom+network')).map(line)).toEqual([
        'github/reaction/thumbs-up/dom+network',
      ]);
      // A heart on the issue body, from the picker.
      await tab.bringToFront();
      await tab.locator('[data-testid="issue-body"] [role="toolbar"] button[aria-haspopup="true"]').click();
      await tab.locator('[data-emulated-picker] button[data-emoji="❤"]').click();
      const both = await waitForEvents(popup, (e) => e.length === 2 && e.every((x) => x.signal === 'dom+network'));
      expect(both.map(line).sort()).toEqual(['github/reaction/heart/dom+network', 'github/reaction/thumbs-up/dom+network']);
      // The thumbs up withdrawn.
      await tab.bringToFront();
      await tab.locator(`${COMMENT} [role="toolbar"] button[role="switch"][aria-checked="true"]`).click();
      expect((await waitForEvents(popup, (e) => e.length === 1)).map(line)).toEqual(['github/reaction/heart/dom+network']);
      await settle(popup);
      const active = (await storedEvents(popup)).filter((e) => !e.undoneAt);
      expect(active.map(line)).toEqual(['github/reaction/heart/dom+network']);
      await tab.close();
      await popup.close();
    });
  }

  it('loading, hovering the reaction controls, scrolling and a script-made click count nothing', async () => {
    await resetDb(s);
    const seen = s.requests.length;
    // The whole page has hundreds of links (idleVisit would take minutes): hover what reacts.
    for (const url of [ISSUE, ISSUE_FR]) {
      const tab = await s.context.newPage();
      await tab.goto(url);
      for (const el of await tab.locator('[role="toolbar"] button, [data-testid^="comment-viewer-outer-box-"]').all()) {
        if (await el.isVisible().catch(() => false)) await el.hover({ timeout: 1_000 }).catch(() => {});
      }
      await tab.mouse.wheel(0, 1_600);
      await tab.mouse.wheel(0, -1_600);
      // A page script's click flips a switch and sends the mutation: not the user's gesture.
      await tab.evaluate(() => (document.querySelector('[role="toolbar"] button[role="switch"]') as HTMLElement).click());
      await settle(tab, 800);
      await tab.close();
    }
    const popup = await openPopup(s);
    await settle(popup);
    expect((await storedEvents(popup)).filter((e) => !e.undoneAt)).toEqual([]);
    // The script's click did send its request (two pages, one each), and it was not counted.
    expect(s.requests.slice(seen).filter((r) => r.url.endsWith('/_graphql')).length).toBe(2);
    await popup.close();
  });
});
