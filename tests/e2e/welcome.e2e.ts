import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EXTENSION_DIR,
  launch,
  openPopup,
  type Session,
  seriousViolations,
  storedEvents,
  waitForEvents,
  welcomePage,
} from './harness';

let s: Session;
beforeAll(async () => {
  s = await launch({ keepWelcome: true });
});
afterAll(async () => {
  await s?.close();
});

const welcomeUrl = () => `chrome-extension://${s.extensionId}/welcome.html`;
const welcomeTabs = () => s.context.pages().filter((p) => p.url() === welcomeUrl()).length;

describe('welcome page', () => {
  it('opens once on installation, and not again when the extension is updated', async () => {
    const page = await welcomePage(s.context, s.extensionId);
    await page.getByTestId('welcome-platforms').waitFor();
    await page.waitForTimeout(1_000);
    expect(welcomeTabs()).toBe(1);
    await page.close();

    // Loading the same folder again is an update of the installed extension (onInstalled reason "update").
    const cdp = await s.context.browser()?.newBrowserCDPSession();
    const reloaded = (await cdp?.send('Extensions.loadUnpacked' as never, { path: EXTENSION_DIR } as never)) as
      | { id: string }
      | undefined;
    await cdp?.detach();
    expect(reloaded?.id).toBe(s.extensionId);
    // The updated worker starts and runs its onInstalled listener: give it time to (wrongly) open a tab.
    const popup = await openPopup(s);
    await popup.waitForTimeout(3_000);
    expect(welcomeTabs()).toBe(0);
    await popup.close();
  });

  it('lists every platform with what it counts, counts its practice vote live, and passes axe', async () => {
    const page = await s.context.newPage();
    await page.goto(welcomeUrl());
    const rows = page.getByTestId('welcome-platforms').locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(20);
    expect(await page.locator('tr[data-platform="youtube"]').textContent()).toMatch(/Reactions/);
    await page.getByTestId('welcome-try-count').filter({ hasText: /: 0$/ }).waitFor();

    await page.getByTestId('p-up').click();
    await page.getByTestId('welcome-try-count').filter({ hasText: /: 1$/ }).waitFor({ timeout: 15_000 });
    const events = await waitForEvents(page, (e) => e.length === 1);
    expect(events).toMatchObject([{ platform: 'practice', kind: 'vote', detail: 'up' }]);

    expect(await seriousViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1100, height: 900 });
    await page.screenshot({ path: 'test-results/welcome-dark.png', fullPage: true });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.screenshot({ path: 'test-results/welcome.png', fullPage: true });
    await page.close();
  });

  it('its choices take effect: a platform switched off there is off in the dashboard, the wage is the popup’s', async () => {
    const page = await s.context.newPage();
    await page.goto(welcomeUrl());
    await page.getByTestId('switch-youtube').uncheck();
    await page.getByTestId('welcome-wage').selectOption('uk-nlw');
    await page.waitForTimeout(500);

    const dashboard = await s.context.newPage();
    await dashboard.goto(`chrome-extension://${s.extensionId}/options.html`);
    await dashboard.getByTestId('switch-youtube').waitFor();
    expect(await dashboard.getByTestId('switch-youtube').isChecked()).toBe(false);
    expect(await dashboard.getByTestId('switch-x').isChecked()).toBe(true);
    // Content scripts read the choice from extension storage: it was published there too.
    const state = await dashboard.evaluate(() =>
      (
        globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }
      ).chrome.storage.local.get('trackingState'),
    );
    expect(state).toMatchObject({ trackingState: { disabled: ['youtube'] } });

    const about = await s.context.newPage();
    await about.goto(`chrome-extension://${s.extensionId}/about.html`);
    await about.locator('[data-testid="rates-fair"] input[value="uk-nlw"]').waitFor();
    expect(await about.locator('[data-testid="rates-fair"] input[value="uk-nlw"]').isChecked()).toBe(true);
    expect((await storedEvents(about)).length).toBe(1);
    for (const p of [page, dashboard, about]) await p.close();
  });

  it('is reachable from the popup, with the privacy policy', async () => {
    const popup = await openPopup(s);
    const [page] = await Promise.all([s.context.waitForEvent('page'), popup.getByTestId('welcome-link').click()]);
    await page.waitForURL(welcomeUrl());
    const [policy] = await Promise.all([s.context.waitForEvent('page'), popup.getByTestId('privacy-link').click()]);
    await policy.waitForURL(`chrome-extension://${s.extensionId}/privacy.html`);
    await policy.getByTestId('privacy').locator('h2').first().waitFor();
    expect(await policy.locator('h2').count()).toBeGreaterThanOrEqual(8);
    expect(await seriousViolations(policy)).toEqual([]);
    await page.getByTestId('welcome-privacy-link').click();
    await page.waitForURL(`chrome-extension://${s.extensionId}/privacy.html`);
    for (const p of [popup, page, policy]) await p.close();
  });
});

describe('welcome page in French', () => {
  it('speaks French (platform list, practice card, privacy policy) and passes axe in the dark', async () => {
    const fr = await launch({ lang: 'fr', keepWelcome: true });
    try {
      const page = await welcomePage(fr.context, fr.extensionId);
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.getByTestId('welcome-platforms').waitFor();
      expect(await page.locator('h1').textContent()).toBe('Bienvenue dans Clickwork Meter');
      expect(await page.locator('html').getAttribute('lang')).toMatch(/^fr/);
      expect(await page.getByTestId('welcome-try-count').textContent()).toMatch(/^Votes d’entraînement comptés/);
      expect(await seriousViolations(page)).toEqual([]);
      await page.setViewportSize({ width: 1100, height: 900 });
      await page.screenshot({ path: 'test-results/welcome-fr-dark.png', fullPage: true });
      await page.getByTestId('welcome-privacy-link').click();
      await page.waitForURL(/privacy\.html$/);
      expect(await page.locator('h1').textContent()).toBe('Politique de confidentialité de Clickwork Meter');
    } finally {
      await fr.close();
    }
  });
});
