import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fixture,
  htmlRoute,
  launch,
  openPopup,
  resetDb,
  type Session,
  settle,
  storedEvents,
  waitForEvents,
  withEmulator,
} from '../harness';

// A Turnstile frame at its real address (the path of 2022–2025: …/turnstile/if/ov2/av0/rcv/<widget>/<sitekey>/…),
// embedded by a sign-up form on another site.
const FRAME =
  'https://challenges.cloudflare.com/cdn-cgi/challenge-platform/h/g/turnstile/if/ov2/av0/rcv/j7cqz/0x4AAAAAAAK3iakV3QAmUWAf/auto/fbE/new/normal/auto/';
const SHOP = 'https://shop.example/signup';
const SHOP_FAIL = 'https://shop.example/signup-fail';
// The widget of the fixture, as a plain template: the emulator attaches it in a closed shadow root itself.
const widget = /<template shadowrootmode="closed">([\s\S]*)<\/template>/.exec(fixture('turnstile/widget.html'))?.[1] ?? '';
const frameDoc = `<!doctype html><html lang="en-us"><head><meta charset="utf-8"><title>Just a moment...</title></head><body><template id="turnstile-widget">${widget}</template></body></html>`;
const shop = (hash: string) =>
  `<!doctype html><html><body><form><input name="email"><iframe id="ts" title="Widget containing a Cloudflare security challenge" src="${FRAME}${hash}" width="300" height="65" style="border:0"></iframe><button>Sign up</button></form></body></html>`;

let s: Session;
beforeAll(async () => {
  s = await launch({
    routes: [
      [/^https:\/\/shop\.example\/signup$/, htmlRoute(shop(''))],
      [/^https:\/\/shop\.example\/signup-fail$/, htmlRoute(shop('#fail'))],
      [/^https:\/\/challenges\.cloudflare\.com\/cdn-cgi\/challenge-platform\//, htmlRoute(withEmulator(frameDoc, 'turnstile'))],
    ],
  });
});
afterAll(async () => {
  await s?.close();
});

/** A real (trusted) click on the checkbox, which sits in the closed shadow root no locator reaches. */
async function clickCheckbox(page: Page): Promise<void> {
  const frame = page.frames().find((f) => f.url().startsWith(FRAME));
  await frame?.waitForFunction(() => document.body?.shadowRoot === null && document.getElementById('turnstile-widget'));
  const box = await page.locator('#ts').boundingBox();
  if (!box) throw new Error('the Turnstile frame is not on screen');
  // The checkbox is the first thing in the widget: 24 px square, at the left of its 40 px high label.
  await page.mouse.click(box.x + 12, box.y + 12);
}

describe('Turnstile', () => {
  it('counts a checkbox the person clicked and passed once, with the embedding site as host', async () => {
    await resetDb(s);
    const page = await s.context.newPage();
    await page.goto(SHOP);
    await clickCheckbox(page);
    const popup = await openPopup(s);
    const events = await waitForEvents(popup, (e) => e.length === 1);
    expect(events).toMatchObject([{ kind: 'captcha', platform: 'turnstile', detail: 'checkbox', host: 'shop.example' }]);
    await settle(popup);
    expect(await storedEvents(popup)).toHaveLength(1);
    await page.close();
    await popup.close();
  });

  it('counts nothing when the check fails, nor on a load without a click', async () => {
    await resetDb(s);
    const page = await s.context.newPage();
    await page.goto(SHOP_FAIL);
    await clickCheckbox(page);
    const quiet = await s.context.newPage();
    await quiet.goto(SHOP);
    await settle(quiet, 2_000);
    const popup = await openPopup(s);
    await settle(popup);
    expect(await storedEvents(popup)).toEqual([]);
    for (const p of [page, quiet, popup]) await p.close();
  });
});
