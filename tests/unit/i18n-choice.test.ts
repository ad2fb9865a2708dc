import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browserInterfaceLanguage } from '@/components/LanguageChoice';
import { checkWeekly } from '@/lib/background/weekly';
import { ClickworkDB, type DailyRollup } from '@/lib/db/schema';
import { countOf, detailLabel, formatDay, formatMoney, formatNumber, t, uiLanguage, userLocale } from '@/lib/i18n';
import {
  chosenLanguage,
  ensureMessages,
  formatEntry,
  INTERFACE_LANGUAGES,
  LANGUAGE_KEY,
  loadLanguageChoice,
  onLanguageChanged,
  saveLanguageChoice,
} from '@/lib/i18n-fallback';
import { updateWeekly } from '@/lib/weekly/store';
import { turnedOn } from '@/lib/weekly/week';
import { root } from './helpers';

type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const catalogue = (lang: string): Catalogue =>
  JSON.parse(readFileSync(resolve(root, `public/_locales/${lang}/messages.json`), 'utf8'));
const NNBSP = '\u202f';

/** An English browser: its own catalogue answers in English; the packaged files are read from public/. */
function englishBrowser(): string[] {
  const en = catalogue('en');
  const i18n = fakeBrowser.i18n as unknown as { getMessage(k: string, s?: string[]): string; getUILanguage(): string };
  i18n.getUILanguage = () => 'en-US';
  i18n.getMessage = (k, subs = []) => (en[k] ? formatEntry(en[k], subs) : '');
  const fetched: string[] = [];
  vi.stubGlobal('navigator', { language: 'en-US' });
  vi.stubGlobal('fetch', async (url: string) => {
    const path = new URL(url).pathname;
    fetched.push(path);
    try {
      const text = readFileSync(resolve(root, `public${path}`), 'utf8');
      return { ok: true, json: async () => JSON.parse(text) };
    } catch {
      return { ok: false, json: async () => ({}) };
    }
  });
  return fetched;
}

let fetched: string[];
beforeEach(async () => {
  fakeBrowser.reset();
  fetched = englishBrowser();
  await ensureMessages(); // nothing chosen: forgets a choice read by a previous test
});
afterEach(() => vi.unstubAllGlobals());

describe('the interface language the user chooses', () => {
  it('is the browser’s until chosen: English text, English numbers, no file read', async () => {
    expect(chosenLanguage()).toBeUndefined();
    expect(t('uiLangTitle')).toBe('Language');
    expect(uiLanguage()).toBe('en-US');
    expect(formatNumber(1234.5)).toBe('1,234.5');
    expect(fetched).toEqual([]);
  });

  it('formats numbers in the language of the catalogue the browser serves, even when getUILanguage names another', () => {
    // Seen in Chromium started with --lang=fr: the French catalogue served, getUILanguage() "en-US".
    const fr = catalogue('fr');
    const i18n = fakeBrowser.i18n as unknown as { getMessage(k: string, s?: string[]): string };
    i18n.getMessage = (k, subs = []) => (fr[k] ? formatEntry(fr[k], subs) : '');
    expect(t('uiLangTitle')).toBe('Langue');
    expect(uiLanguage()).toBe('fr-US'); // French, with the region the browser named
    expect(formatNumber(10_000)).toBe(`10${NNBSP}000`);
  });

  it('keeps the browser’s region when the browser’s language is the catalogue’s', () => {
    const i18n = fakeBrowser.i18n as unknown as { getUILanguage(): string };
    i18n.getUILanguage = () => 'en-GB';
    expect(uiLanguage()).toBe('en-GB');
    expect(formatDay('2026-11-29')).toBe('29 Nov');
  });

  it('keeps the browser’s region with the catalogue’s language when the browser’s language is not packaged', () => {
    // A German browser is served the English catalogue (the default locale): English text, German numbers and dates.
    const i18n = fakeBrowser.i18n as unknown as { getUILanguage(): string };
    i18n.getUILanguage = () => 'de-DE';
    expect(uiLanguage()).toBe('en-DE');
    expect(formatNumber(1234.5)).toBe('1.234,5');
    i18n.getUILanguage = () => 'pt';
    expect(uiLanguage()).toBe('en');
  });

  it('names the served catalogue’s language as the browser’s choice, even when getUILanguage names another', () => {
    const fr = catalogue('fr');
    const i18n = fakeBrowser.i18n as unknown as { getMessage(k: string, s?: string[]): string };
    expect(browserInterfaceLanguage()).toBe('en');
    i18n.getMessage = (k, subs = []) => (fr[k] ? formatEntry(fr[k], subs) : '');
    expect(browserInterfaceLanguage()).toBe('fr'); // getUILanguage() still says en-US
    i18n.getMessage = () => ''; // an empty catalogue (lib/i18n-fallback.ts): the browser's language, else English
    expect(browserInterfaceLanguage()).toBe('en');
    (fakeBrowser.i18n as unknown as { getUILanguage(): string }).getUILanguage = () => 'fr-CA';
    expect(browserInterfaceLanguage()).toBe('fr');
  });

  it('in French: the packaged French catalogue first, French numbers, dates and money, the region kept', async () => {
    await saveLanguageChoice('fr');
    await ensureMessages();
    expect(fetched).toEqual(['/_locales/fr/messages.json']);
    expect(chosenLanguage()).toBe('fr');
    expect(t('uiLangTitle')).toBe('Langue');
    expect(t('uiLangDefault', 'anglais')).toBe('Langue du navigateur (anglais)');
    expect(detailLabel('close_vote')).toBe(catalogue('fr').detail_close_vote?.message);
    expect(uiLanguage()).toBe('fr');
    expect(formatNumber(1234.5)).toBe(`1${NNBSP}234,5`);
    expect(formatMoney(12.5, 'EUR')).toBe(`12,50${'\u00a0'}€`);
    expect(formatDay('2026-11-29')).toBe('29 nov.');
    // The browser says en-US: French words, and the United States' minimum wage stays the default.
    expect(userLocale()).toBe('fr-US');
    // One hand-entered action is singular in French, more are plural.
    expect(countOf('manualOfPlatform', 1)).toBe('1 saisie à la main');
    expect(countOf('manualOfPlatform', 3)).toBe('3 saisies à la main');
    expect(countOf('valueManual', 1, '5 min')).toBe('dont 1 saisie à la main ; 5 min indiqué par vous');
  });

  it('back to the browser’s: English again', async () => {
    await saveLanguageChoice('fr');
    await ensureMessages();
    expect(t('uiLangTitle')).toBe('Langue');
    await saveLanguageChoice(undefined);
    expect(await fakeBrowser.storage.local.get(LANGUAGE_KEY)).toEqual({});
    await ensureMessages();
    expect(t('uiLangTitle')).toBe('Language');
    expect(formatNumber(1234.5)).toBe('1,234.5');
    expect(userLocale()).toBe('en-US');
  });

  it('English chosen in a French browser is English', async () => {
    const i18n = fakeBrowser.i18n as unknown as { getMessage(k: string, s?: string[]): string; getUILanguage(): string };
    const fr = catalogue('fr');
    i18n.getUILanguage = () => 'fr';
    i18n.getMessage = (k, subs = []) => (fr[k] ? formatEntry(fr[k], subs) : '');
    vi.stubGlobal('navigator', { language: 'fr-FR' });
    await ensureMessages();
    expect(t('uiLangTitle')).toBe('Langue');
    await saveLanguageChoice('en');
    await ensureMessages();
    expect(t('uiLangTitle')).toBe('Language');
    expect(userLocale()).toBe('en-FR');
    expect(formatNumber(1234.5)).toBe('1,234.5');
  });

  it('ignores a stored value that is not a packaged language', async () => {
    await fakeBrowser.storage.local.set({ [LANGUAGE_KEY]: 'de' });
    expect(await loadLanguageChoice()).toBeUndefined();
    await ensureMessages();
    expect(t('uiLangTitle')).toBe('Language');
    expect(INTERFACE_LANGUAGES).toEqual(['en', 'fr']);
  });

  it('tells open pages when it changes, and only then', async () => {
    const changed = vi.fn();
    const stop = onLanguageChanged(changed);
    await fakeBrowser.storage.local.set({ other: 1 });
    expect(changed).not.toHaveBeenCalled();
    await saveLanguageChoice('fr');
    await saveLanguageChoice(undefined);
    expect(changed).toHaveBeenCalledTimes(2);
    stop();
    await saveLanguageChoice('en');
    expect(changed).toHaveBeenCalledTimes(2);
  });
});

describe('the weekly notification', () => {
  process.env.TZ = 'Europe/Paris';
  const at = (y: number, m: number, d: number, h = 12) => new Date(y, m - 1, d, h).getTime();
  const row = (day: string, count: number): DailyRollup => ({
    day,
    platform: 'youtube',
    kind: 'reaction',
    detail: 'like',
    count,
    measuredCount: count,
    measuredMs: count * 60_000,
  });

  it('is written in the chosen language, though the background’s browser is English', async () => {
    const db = new ClickworkDB('i18n-choice-weekly');
    await db.open();
    await db.daily.bulkPut([row('2026-11-23', 1234)]);
    await updateWeekly(db, (s) => turnedOn(s, true, at(2026, 11, 18)));
    await saveLanguageChoice('fr');
    const create = vi.fn(async () => '');
    const browser = {
      permissions: { contains: async () => true },
      notifications: { create },
      runtime: { getManifest: () => ({}), getURL: (p: string) => p },
    };
    await checkWeekly(browser as never, db, at(2026, 11, 30, 9));
    expect(create).toHaveBeenCalledTimes(1);
    const options = (create.mock.calls[0] as unknown as [string, { title: string; message: string }])[1];
    expect(options.title).toBe(t('weeklyTitle', '23 nov.', '29 nov.'));
    expect(options.title).toMatch(/23 nov\. .* 29 nov\./);
    // 1 234 actions in French digits; the browser's English would say "1,234".
    expect(options.message).toContain(`1${NNBSP}234 actions`);
    expect(options.message).toContain('YouTube');
    db.close();
  });
});
