import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fixture,
  htmlRoute,
  idleVisit,
  jsonRoute,
  launch,
  openPopup,
  resetDb,
  type Session,
  settle,
  storedEvents,
  waitForEvents,
  withEmulator,
} from '../harness';

const REPO = 'https://github.com/octo-org/octo-repo';
const ISSUE = 'https://github.com/octo-org/octo-repo/issues/1';
const ISSUE_FR = 'https://github.com/octo-org/octo-repo/issues/1?locale=fr';

let s: Session;
beforeAll(async () => {
  s = await launch({
    routes: [
      [/^https:\/\/github\.com\/octo-org\/octo-repo$/, htmlRoute(withEmulator(fixture('github/repo.html'), 'github'))],
      [
        /^https:\/\/github\.com\/octo-org\/octo-repo\/issues\/1\?locale=fr$/,
        htmlRoute(withEmulator(fixture('github/issue.fr.html'), 'github')),
      ],
      [
        /^https:\/\/github\.com\/octo-org\/octo-repo\/issues\/1$/,
        htmlRoute(withEmulator(fixture('github/issue.html'), 'github')),
      ],
      [/^https:\/\/github\.com\/octo-org\/octo-repo\/(star|unstar|reactions)$/, jsonRoute()],
    ],
  });
});
afterAll(async () => {
  await s?.close();
});

const line = (e: { platform: string; kind: string; detail: string; signal: string }) =>
  `${e.platform}/${e.kind}/${e.detail}/${e.signal}`;

describe('GitHub', () => {
  it('counts a star once (DOM and request merged), and unstar nets out', async () => {
    await resetDb(s);
    const page = await s.context.newPage();
    await page.goto(REPO);
    await page.locator('form[action$="/star"] button').click();
    const popup = await openPopup(s);
    expect((await waitForEvents(popup, (e) => e.length === 1 && e[0]?.signal === 'dom+network')).map(line)).toEqual([
      'github/reaction/star/dom+network',
    ]);
    await page.locator('form[action$="/unstar"] button').click();
    expect(await waitForEvents(popup, (e) => e.length === 0)).toEqual([]);
    await settle(popup);
    expect((await storedEvents(popup)).filter((e) => !e.undoneAt)).toEqual([]);
    await page.close();
    await popup.close();
  });

  for (const url of [ISSUE, ISSUE_FR]) {
    it(`counts reactions from the picker and the summary each once, and their removal (${url.endsWith('fr') ? 'fr' : 'en'})`, async () => {
      await resetDb(s);
      const page = await s.context.newPage();
      await page.goto(url);
      const body = page.locator('.js-comment').first();
      await body.locator('.reaction-popover-container > summary').click();
      await body.locator('.js-reaction-option-item[value="THUMBS_UP react"]').click();
      await body.locator('.js-reaction-group-button[value="THUMBS_UP unreact"]').waitFor();
      await body.locator('.js-reaction-group-button[value="HEART react"]').click();
      const popup = await openPopup(s);
      const events = await waitForEvents(popup, (e) => e.length === 2 && e.every((x) => x.signal === 'dom+network'));
      expect(events.map(line).sort()).toEqual(['github/reaction/heart/dom+network', 'github/reaction/thumbs-up/dom+network']);
      await body.locator('.js-reaction-group-button[value="THUMBS_UP unreact"]').click();
      expect((await waitForEvents(popup, (e) => e.length === 1)).map(line)).toEqual(['github/reaction/heart/dom+network']);
      await settle(popup);
      expect((await storedEvents(popup)).filter((e) => !e.undoneAt).map(line)).toEqual(['github/reaction/heart/dom+network']);
      await page.close();
      await popup.close();
    });
  }

  it('loading, hovering and scrolling every fixture page counts nothing', async () => {
    await resetDb(s);
    expect(await idleVisit(s, [REPO, ISSUE, ISSUE_FR])).toEqual([]);
  });
});
