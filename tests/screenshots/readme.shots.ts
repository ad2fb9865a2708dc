import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, settle } from '../e2e/harness';
import { heavyWeek } from './month';
import { joinStudy, launchWithMessages, pageUrl, restoreMonth } from './pages';
import { classFiles } from './scenes';

/**
 * Every picture of the README (docs/screenshots/, same file names), from the built extension with
 * realistic data: the plausible month of tests/screenshots/month.ts (and its heavier week), a study
 * and a class as tests/screenshots/pages.ts and scenes.ts describe them: `npm run screenshots`.
 * Look at every picture after a run.
 */
const DIR = 'docs/screenshots';

/** A day `days` from today, as the manual form's date field takes it (YYYY-MM-DD, local). */
const dayFromNow = (days: number) => {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** Pictures the page from `top`'s top (or the page's) down to `bottom`'s bottom, with a margin. */
async function shotBetween(page: Page, path: string, bottom: Locator, top?: Locator): Promise<void> {
  // In the page's coordinates (a full-page clip's), not the scrolled viewport's.
  const edge = (l: Locator, side: 'top' | 'bottom') =>
    l.evaluate((e, s) => e.getBoundingClientRect()[s as 'top' | 'bottom'] + window.scrollY, side);
  const start = top ? (await edge(top, 'top')) - 12 : 0;
  const end = (await edge(bottom, 'bottom')) + 16;
  const width = await page.evaluate(() => document.documentElement.clientWidth);
  await page.screenshot({ path, fullPage: true, clip: { x: 0, y: start, width, height: end - start } });
}

/** One action of each kind on the practice page, as the page's own cards offer them. */
async function practiseEach(page: Page): Promise<void> {
  const click = async (id: string) => {
    await page.getByTestId(id).click();
    await page.waitForTimeout(120);
  };
  await click('p-like');
  await click('p-down');
  await click('p-star-4');
  await page.getByTestId('p-review-text').pressSequentially('Solid and cheap; the lid cracked after a month.', { delay: 15 });
  await click('p-review-post');
  await page.getByTestId('p-comment-text').pressSequentially('Same here, the second one held up better.', { delay: 15 });
  await click('p-comment-post');
  for (const id of ['p-share', 'p-share-now', 'p-tag-yes', 'p-captcha', 'p-tile-1', 'p-verify', 'p-report', 'p-report-send'])
    await click(id);
  await click('p-good');
  await click('p-pick-a');
  await settle(page, 1_000);
}

/**
 * The study joined, under review with its disclosure rule, one row removed: the study and the first
 * rows (the table is a month long); then the end of the review: the rule's effect, what the file
 * says of itself, and how it leaves.
 */
async function reviewShot(s: Session, lang: 'en' | 'fr', path: string, endPath: string): Promise<void> {
  const research = await joinStudy(s, lang);
  await research.setViewportSize({ width: 1100, height: 1500 });
  await research.getByTestId('study-review').click();
  await research.getByTestId('review-table').waitFor();
  await research.getByTestId('rule-effect').first().waitFor();
  await research
    .getByRole('checkbox', { name: /Reddit/ })
    .first()
    .uncheck();
  await research.getByTestId('enrolment').evaluate((e) => {
    e.scrollIntoView();
    window.scrollBy(0, -16);
  });
  await research.screenshot({ path });
  await shotBetween(research, endPath, research.getByTestId('export-study-json'), research.getByTestId('rule-effects'));
  await research.close();
}

async function popupShot(s: Session, path: string): Promise<void> {
  const popup = await s.context.newPage();
  await popup.setViewportSize({ width: 420, height: 600 });
  await popup.goto(pageUrl(s, 'popup'));
  await popup.locator('main[data-state="ready"]').waitFor();
  await settle(popup, 800);
  await popup.screenshot({ path, fullPage: true });
  await popup.close();
}

async function dashboard(s: Session) {
  const page = await s.context.newPage();
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.goto(pageUrl(s, 'options'));
  await page.locator('main[data-state="ready"]').waitFor();
  await settle(page, 800);
  return page;
}

describe('README screenshots (en)', () => {
  let s: Session;
  beforeAll(async () => {
    s = await launchWithMessages();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('pictures the popup and the dashboard (light, dark, payslip)', async () => {
    expect(await restoreMonth(s)).toBeGreaterThan(600);
    await popupShot(s, `${DIR}/popup.png`);
    const page = await dashboard(s);
    await page.screenshot({ path: `${DIR}/dashboard.png`, fullPage: true });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('payslip').click()]);
    await download.saveAs(`${DIR}/payslip.png`);
    await page.reload(); // without the payslip shown
    await page.locator('main[data-state="ready"]').waitFor();
    await page.getByTestId('range-year').click();
    await page.emulateMedia({ colorScheme: 'dark' });
    await settle(page, 800);
    await page.screenshot({ path: `${DIR}/dashboard-dark.png`, fullPage: true });
    await page.close();
  });

  it('pictures the manual form refusing bad values, the About page, the practice page and class totals', async () => {
    const popup = await s.context.newPage();
    await popup.setViewportSize({ width: 420, height: 600 });
    await popup.goto(pageUrl(s, 'popup'));
    await popup.locator('main[data-state="ready"]').waitFor();
    await popup.getByTestId('manual-popup').locator('summary').click();
    await popup.locator('#popup-manual-platform').selectOption('amazon');
    await popup.locator('#popup-manual-kind').selectOption('review');
    await popup.locator('#popup-manual-count').fill('0');
    await popup.locator('#popup-manual-when').fill(dayFromNow(2));
    await popup.locator('#popup-manual-minutes').fill('900');
    await popup.getByTestId('popup-manual-submit').click();
    await popup.getByTestId('popup-manual-minutes-error').waitFor();
    const form = popup.getByTestId('manual-popup');
    await shotBetween(popup, `${DIR}/manual-form.png`, form, form);
    await popup.close();

    const about = await s.context.newPage();
    await about.setViewportSize({ width: 1000, height: 900 });
    await about.goto(pageUrl(s, 'about'));
    await about.getByTestId('sources').waitFor();
    await about.screenshot({ path: `${DIR}/about.png`, fullPage: true });
    await about.close();

    const practice = await s.context.newPage();
    await practice.setViewportSize({ width: 1100, height: 900 });
    await practice.goto(pageUrl(s, 'practice'));
    await practiseEach(practice);
    await practice.evaluate(() => window.scrollTo(0, 0));
    await practice.screenshot({ path: `${DIR}/practice.png`, fullPage: true });
    await practice.goto(`${pageUrl(s, 'practice')}#present`);
    await practice.getByTestId('present-total').filter({ hasText: /^11$/ }).waitFor();
    await practice.setViewportSize({ width: 1280, height: 800 });
    await settle(practice, 600);
    await practice.screenshot({ path: `${DIR}/practice-present.png` });
    await practice.close();

    const dir = mkdtempSync(join(tmpdir(), 'clickwork-class-shots-'));
    try {
      const page = await s.context.newPage();
      await page.setViewportSize({ width: 1280, height: 1000 });
      await page.goto(pageUrl(s, 'class'));
      await page.getByTestId('class-files').setInputFiles(classFiles(dir));
      await page.getByTestId('total-actions').waitFor();
      expect(await page.getByTestId('total-participants').textContent()).toBe('3');
      expect(await page.getByTestId('refused-list').locator('li').count()).toBe(2);
      await settle(page, 800);
      await page.screenshot({ path: `${DIR}/class.png`, fullPage: true });
      await page.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('README screenshots (a week of the heavier labor)', () => {
  let s: Session;
  beforeAll(async () => {
    s = await launchWithMessages();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('pictures the popup and the dashboard after a week of reviews, ratings, tags, moderation and AI feedback', async () => {
    expect(await restoreMonth(s, heavyWeek())).toBeGreaterThan(50);
    await popupShot(s, `${DIR}/heavy-popup.png`);
    const page = await dashboard(s);
    await page.getByTestId('range-week').click();
    await settle(page, 800);
    // Down to the AI feedback ledger: the week's history below it is a long list of rows.
    await shotBetween(page, `${DIR}/heavy-dashboard.png`, page.getByTestId('ai-ledger'));
    await page.close();
  });
});

describe('README screenshots (fr)', () => {
  let s: Session;
  beforeAll(async () => {
    s = await launchWithMessages({ lang: 'fr' });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('pictures the popup and the dashboard in French', async () => {
    expect(await restoreMonth(s)).toBeGreaterThan(600);
    await popupShot(s, `${DIR}/popup-fr.png`);
    const page = await dashboard(s);
    await page.screenshot({ path: `${DIR}/dashboard-fr.png`, fullPage: true });
    await page.close();
  });

  it('pictures the manual form and the history in French, dark', async () => {
    const page = await dashboard(s);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.getByTestId('manual-dashboard').locator('summary').click();
    // A restaurant review written on the phone, which the meter could not see.
    await page.locator('#dash-manual-platform').selectOption('google-maps');
    await page.locator('#dash-manual-kind').selectOption('review');
    await page.locator('#dash-manual-count').fill('1');
    await page.locator('#dash-manual-minutes').fill('12');
    await page.getByTestId('dash-manual-submit').click();
    await page.getByTestId('history').locator('tr[data-signal="manual"]').first().waitFor();
    await settle(page, 500);
    // The form and the history down to the month's hand-entered likes of two days ago (its older rows are left out).
    const manualRows = page.getByTestId('history').locator('tr[data-signal="manual"]');
    await shotBetween(page, `${DIR}/manual-history-fr-dark.png`, manualRows.nth(1), page.getByTestId('manual-dashboard'));
    await page.close();
  });
});

describe.each([
  ['en', 'research-review.png', 'research-file.png'],
  ['fr', 'research-review-fr.png', 'research-file-fr.png'],
] as const)('README screenshots: the participant page (%s)', (lang, file, end) => {
  let s: Session;
  beforeAll(async () => {
    s = await launchWithMessages({ lang });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('pictures a study joined and under review, with its disclosure rule and one row removed', async () => {
    expect(await restoreMonth(s)).toBeGreaterThan(600);
    await reviewShot(s, lang, `${DIR}/${file}`, `${DIR}/${end}`);
  });
});
