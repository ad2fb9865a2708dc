import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlRoute, launch, openPopup, resetDb, type Session, settle, storedEvents } from './harness';

/**
 * A classic form that posts as a page load (Goodreads' review editor) in the built extension: the
 * person's click on its button counts the review; a page script's requestSubmit() during the
 * person's click on something else counts nothing, though Chromium fires a trusted submit for it.
 * The editor is hand-written here with the field and button names of the real one (see
 * lib/detectors/goodreads.ts, reviewForm).
 */

const EDIT = 'https://www.goodreads.com/review/edit/12813630';
const editor = (script = '') => `<!doctype html><html><body>
  <p id="plain" style="font-size:20px">A book page's text.</p>
  <form id="review" method="post" action="/review/update/12813630">
    <textarea name="review[review]">A slow start, then it would not let me go.</textarea>
    <input type="submit" name="next" value="Save">
  </form>${script}</body></html>`;
/** The page submitting the form itself when the person clicks the paragraph. */
const SNEAKY = `<script>document.getElementById('plain').addEventListener('click', () => document.getElementById('review').requestSubmit());</script>`;

/** One one-line field and no button: Enter submits it (implicit submission), the browser's own way. */
const ONE_LINE = `<!doctype html><html><body><form method="post" action="/review/update/12813630">
  <input id="line" name="review[review]" value="Loved it."></form></body></html>`;

let s: Session;
beforeAll(async () => {
  s = await launch({
    routes: [
      [/^https:\/\/www\.goodreads\.com\/review\/edit\/12813630\?sneaky$/, htmlRoute(editor(SNEAKY))],
      [/^https:\/\/www\.goodreads\.com\/review\/edit\/12813630$/, htmlRoute(editor())],
      [/^https:\/\/www\.goodreads\.com\/review\/edit\/12813630\?line$/, htmlRoute(ONE_LINE)],
      [/^https:\/\/www\.goodreads\.com\/review\/update\/12813630$/, htmlRoute('<!doctype html><p>Saved.</p>')],
    ],
  });
});
afterAll(async () => {
  await s?.close();
});

async function reviews(): Promise<string[]> {
  const popup = await openPopup(s);
  await settle(popup, 3_000);
  const events = (await storedEvents(popup)).filter((e) => !e.undoneAt && e.kind === 'review');
  await popup.close();
  return events.map((e) => `${e.platform}/${e.detail}/${e.signal}`);
}

describe('a review form that posts as a page load', () => {
  it('counts the person’s click on Save, and not a script’s requestSubmit() during a click elsewhere', async () => {
    await resetDb(s);
    const page = await s.context.newPage();
    await page.goto(`${EDIT}?sneaky`);
    await page.waitForTimeout(500);
    await Promise.all([page.waitForURL(/review\/update/), page.locator('#plain').click()]);
    expect(await reviews()).toEqual([]);
    await page.goto(EDIT);
    await page.waitForTimeout(500);
    await Promise.all([page.waitForURL(/review\/update/), page.locator('input[type=submit]').click()]);
    expect(await reviews()).toEqual(['goodreads/review/network']);
    await page.close();
  });

  it('counts Enter in a one-line field of a form with no button (implicit submission)', async () => {
    await resetDb(s);
    const page = await s.context.newPage();
    await page.goto(`${EDIT}?line`);
    await page.waitForTimeout(500);
    await page.locator('#line').focus();
    await Promise.all([page.waitForURL(/review\/update/), page.keyboard.press('Enter')]);
    expect(await reviews()).toEqual(['goodreads/review/network']);
    await page.close();
  });
});
