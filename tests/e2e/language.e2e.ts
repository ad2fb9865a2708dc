import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPopup, root, type Session, seedEvents, welcomePage } from './harness';

// An English browser (the harness's default locale) in which the user chooses French on the welcome page.
let s: Session;
beforeAll(async () => {
  s = await launch({ keepWelcome: true });
});
afterAll(async () => {
  await s?.close();
});

const NNBSP = '\u202f';
/** The catalogue's keys written as code writes them ("popupHeading"): none may reach a page untranslated. */
const KEYS = Object.keys(JSON.parse(readFileSync(resolve(root, 'public/_locales/en/messages.json'), 'utf8'))).filter((k) =>
  /[a-z][A-Z]/.test(k),
);
const page = (name: string) => `chrome-extension://${s.extensionId}/${name}.html`;

describe('the interface language chosen on the welcome page', () => {
  it('French in an English browser: every page in French with French numbers; back to the browser’s: English', async () => {
    const welcome = await welcomePage(s.context, s.extensionId);
    await welcome.locator('h1').filter({ hasText: 'Welcome to Clickwork Meter' }).waitFor();
    expect(await welcome.locator('html').getAttribute('lang')).toMatch(/^en/);
    // 1,234 actions today: a number whose grouping differs between the languages.
    const now = Date.now();
    await seedEvents(
      welcome,
      Array.from({ length: 1234 }, (_, i) => ({ kind: 'reaction', platform: 'youtube', detail: 'like', ts: now - i * 10 })),
    );
    const select = welcome.getByTestId('ui-language');
    expect(await select.inputValue()).toBe('');
    expect(await select.locator('option').allTextContents()).toEqual(['Browser’s language (English)', 'English', 'Français']);

    // The page draws itself again in the chosen language.
    await select.selectOption('fr');
    await welcome.locator('h1').filter({ hasText: 'Bienvenue dans Clickwork Meter' }).waitFor({ timeout: 10_000 });
    expect(await welcome.locator('html').getAttribute('lang')).toBe('fr');
    expect(await welcome.getByTestId('ui-language').inputValue()).toBe('fr');
    expect(await welcome.getByTestId('welcome-try-count').textContent()).toMatch(/^Votes d’entraînement comptés/);
    await welcome.setViewportSize({ width: 1100, height: 900 });
    await welcome.screenshot({ path: 'test-results/welcome-language-fr.png', fullPage: true });

    const popup = await openPopup(s);
    expect(await popup.locator('h1').textContent()).toBe('Votre travail du clic');
    expect(await popup.locator('html').getAttribute('lang')).toBe('fr');
    expect(await popup.getByTestId('total').textContent()).toBe(`1${NNBSP}234`);

    const dashboard = await s.context.newPage();
    await dashboard.goto(page('options'));
    await dashboard.getByTestId('total').waitFor();
    expect(await dashboard.locator('h1').textContent()).toBe('Votre travail du clic');
    expect(await dashboard.getByTestId('total').textContent()).toBe(`1${NNBSP}234`);
    expect(await dashboard.locator('#ui-language-title').textContent()).toBe('Langue');

    // Back to the browser's language from the dashboard: it and the open popup draw themselves in English.
    await dashboard.getByTestId('ui-language').selectOption('');
    await dashboard.locator('h1').filter({ hasText: 'Your click-work' }).waitFor({ timeout: 10_000 });
    await dashboard.getByTestId('total').filter({ hasText: '1,234' }).waitFor();
    expect(await dashboard.locator('html').getAttribute('lang')).toMatch(/^en/);
    await popup.locator('h1').filter({ hasText: 'Your click-work' }).waitFor({ timeout: 10_000 });
    await popup.getByTestId('total').filter({ hasText: '1,234' }).waitFor();
    await welcome.locator('h1').filter({ hasText: 'Welcome to Clickwork Meter' }).waitFor({ timeout: 10_000 });
    for (const p of [welcome, popup, dashboard]) await p.close();
  });

  it('the other extension pages follow the choice', async () => {
    const storage = (value: string | null) =>
      s.worker.evaluate((v) => {
        type Local = { set(items: object): Promise<void>; remove(key: string): Promise<void> };
        const local = (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome.storage.local;
        return v ? local.set({ interfaceLanguage: v }) : local.remove('interfaceLanguage');
      }, value);
    await storage('fr');
    try {
      for (const name of ['practice', 'research', 'class', 'data', 'about', 'privacy']) {
        const p = await s.context.newPage();
        await p.goto(page(name));
        await p.locator('h1').first().waitFor();
        await p.waitForFunction(() => document.documentElement.lang === 'fr', undefined, { timeout: 10_000 });
        const text = (await p.locator('body').textContent()) ?? '';
        // French words the English pages do not have, and no catalogue key shown raw.
        expect(text, name).toMatch(/\b(des|les|vos|votre|du)\b/);
        for (const key of KEYS) expect(text, name).not.toMatch(new RegExp(`\\b${key}\\b`));
        await p.close();
      }
    } finally {
      await storage(null);
    }
  });
});
