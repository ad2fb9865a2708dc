import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../e2e/harness';
import { joinStudy, launchWithMessages, pageUrl, popupPicture, practise, restoreMonth, storeShot } from './pages';

/**
 * The store's screenshots (1280×800, the Chrome Web Store's size; Firefox's listing accepts it too),
 * taken from the built extension (`npx wxt build` first) with a plausible month restored through the
 * data page and a study joined: `npm run screenshots` writes docs/store/screenshots/ (English) and
 * docs/store/screenshots/fr/ (the browser in French). Look at them after each run.
 */
async function shoot(s: Session, name: string, path: string, ready: string): Promise<void> {
  const page = await s.context.newPage();
  await page.goto(pageUrl(s, name));
  await page.locator(ready).first().waitFor();
  await storeShot(s, page, path);
  await page.close();
}

for (const lang of ['en', 'fr'] as const) {
  describe(`store screenshots (${lang})`, () => {
    let s: Session;
    const dir = lang === 'en' ? 'docs/store/screenshots' : 'docs/store/screenshots/fr';
    beforeAll(async () => {
      s = await launchWithMessages(lang === 'fr' ? { lang: 'fr' } : {});
      mkdirSync(dir, { recursive: true });
    });
    afterAll(async () => {
      await s?.close();
    });

    it('pictures every page after a plausible month', async () => {
      expect(await restoreMonth(s)).toBeGreaterThan(600);
      await popupPicture(s, `${dir}/1-popup.png`);
      await shoot(s, 'options', `${dir}/2-dashboard.png`, 'main[data-state="ready"]');
      await shoot(s, 'about', `${dir}/3-about.png`, 'main h2');
      const research = await joinStudy(s, lang);
      await research.getByTestId('study-review').click();
      await research.getByTestId('review-table').waitFor();
      await research.getByTestId('enrolment').evaluate((e) => {
        e.scrollIntoView();
        window.scrollBy(0, -24);
      });
      await storeShot(s, research, `${dir}/4-research.png`);
      await research.close();
      const practice = await s.context.newPage();
      await practice.goto(pageUrl(s, 'practice'));
      await practise(practice);
      await practice.evaluate(() => window.scrollTo(0, 0));
      await storeShot(s, practice, `${dir}/5-practice.png`);
      await practice.close();
      await shoot(s, 'welcome', `${dir}/6-welcome.png`, 'main.welcome');
    });
  });
}
