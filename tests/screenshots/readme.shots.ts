import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, settle } from '../e2e/harness';
import { joinStudy, launchWithMessages, pageUrl, restoreMonth } from './pages';

/**
 * The README's pictures of a person's data (docs/screenshots/, same file names), from the built
 * extension with the plausible month of tests/screenshots/month.ts: `npm run screenshots`. The
 * pictures of test scenarios (heavy-*, manual-*, class, practice*) are made by their e2e tests.
 */
const DIR = 'docs/screenshots';

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

  it('pictures the popup, the dashboard (light, dark, payslip) and a study review', async () => {
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
    const research = await joinStudy(s);
    await research.setViewportSize({ width: 1100, height: 1500 });
    await research.getByTestId('study-review').click();
    await research.getByTestId('review-table').waitFor();
    await research
      .getByRole('checkbox', { name: /Reddit/ })
      .first()
      .uncheck();
    // The study and the first rows of its review (the whole table is a month of rows).
    await research.getByTestId('enrolment').evaluate((e) => {
      e.scrollIntoView();
      window.scrollBy(0, -16);
    });
    await research.screenshot({ path: `${DIR}/research-review.png` });
    await research.close();
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
});
