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

const APP = 'https://store.steampowered.com/app/683320/GRIS/';
const APP_FR = 'https://store.steampowered.com/app/683320/GRIS/?l=french';

let s: Session;
beforeAll(async () => {
  s = await launch({
    routes: [
      [
        /^https:\/\/store\.steampowered\.com\/app\/683320\/GRIS\/\?l=french$/,
        htmlRoute(withEmulator(fixture('steam/app-reviews.fr.html'), 'steam')),
      ],
      [
        /^https:\/\/store\.steampowered\.com\/app\/683320\/GRIS\/$/,
        htmlRoute(withEmulator(fixture('steam/app-reviews.html'), 'steam')),
      ],
      [/^https:\/\/steamcommunity\.com\/userreviews\//, jsonRoute('{"success":1}')],
      [/^https:\/\/store\.steampowered\.com\/friends\/recommendgame/, jsonRoute('{"success":1}')],
    ],
  });
});
afterAll(async () => {
  await s?.close();
});

const line = (e: { platform: string; kind: string; detail: string; signal: string }) =>
  `${e.platform}/${e.kind}/${e.detail}/${e.signal}`;

describe('Steam', () => {
  it('counts a helpful vote once (click and request merged); a switch to No replaces it; Funny replaces No', async () => {
    await resetDb(s);
    const page = await s.context.newPage();
    await page.goto(APP_FR);
    await page.locator('#RecommendationVoteUpBtnsummary48004644').click();
    const popup = await openPopup(s);
    expect((await waitForEvents(popup, (e) => e.length === 1 && e[0]?.signal === 'dom+network')).map(line)).toEqual([
      'steam/vote/helpful/dom+network',
    ]);
    await page.locator('#RecommendationVoteDownBtnsummary48004644').click();
    expect(
      (await waitForEvents(popup, (e) => e.length === 1 && e[0]?.detail === 'not-helpful' && e[0]?.signal === 'dom+network')).map(
        line,
      ),
    ).toEqual(['steam/vote/not-helpful/dom+network']);
    await page.locator('#RecommendationVoteTagBtnsummary48004644_1').click();
    expect(
      (await waitForEvents(popup, (e) => e.length === 1 && e[0]?.detail === 'funny' && e[0]?.signal === 'dom+network')).map(line),
    ).toEqual(['steam/reaction/funny/dom+network']);
    await page.locator('#RecommendationVoteTagBtnsummary48004644_1').click();
    expect(await waitForEvents(popup, (e) => e.length === 0)).toEqual([]);
    await settle(popup);
    expect((await storedEvents(popup)).filter((e) => !e.undoneAt)).toEqual([]);
    await page.close();
    await popup.close();
  });

  it('counts a written review once, from its request, and a report once', async () => {
    await resetDb(s);
    const page = await s.context.newPage();
    await page.goto(APP);
    await page.locator('#game_recommendation').fill('A quiet, beautiful game about grief.');
    await page.locator('#VoteUpBtn').click();
    await page.locator('#SubmitReviewBtn').click();
    await page.locator('.review_created').waitFor();
    await page.locator('.report_review').click();
    await page.locator('.newmodal textarea').fill('off-topic');
    await page.locator('#report_ok').click();
    await page.locator('.newmodal').waitFor({ state: 'detached' });
    const popup = await openPopup(s);
    expect((await waitForEvents(popup, (e) => e.length === 2)).map(line).sort()).toEqual([
      'steam/report/report/network',
      'steam/review/review/network',
    ]);
    await settle(popup);
    expect((await storedEvents(popup)).length).toBe(2);
    await page.close();
    await popup.close();
  });

  it('loading, hovering and scrolling the app page counts nothing', async () => {
    await resetDb(s);
    expect(await idleVisit(s, [APP, APP_FR])).toEqual([]);
  });
});
