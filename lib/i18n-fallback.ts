import { browser } from 'wxt/browser';

/** One entry of a packaged messages.json. */
interface CatalogueEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
type Catalogue = Record<string, CatalogueEntry>;

/** The languages the extension is packaged in (public/_locales), which the user may choose over the browser's. */
export const INTERFACE_LANGUAGES = ['en', 'fr'] as const;
export type InterfaceLanguage = (typeof INTERFACE_LANGUAGES)[number];
/** Where the choice is kept (extension storage: every page and the background read it before drawing). */
export const LANGUAGE_KEY = 'interfaceLanguage';

/** The catalogue of the language the user chose, read by `ensureMessages`; used before the browser's. */
let chosen: { lang: InterfaceLanguage; catalogue: Catalogue } | undefined;
let fallback: Catalogue | undefined;

export function isInterfaceLanguage(value: unknown): value is InterfaceLanguage {
  return (INTERFACE_LANGUAGES as readonly unknown[]).includes(value);
}

/**
 * Fills a catalogue message as Chromium does. First each `$NAME$` becomes its placeholder's content
 * (catalogue text, never a value). Then one pass: `$1`…`$9` take their value (nothing when missing),
 * a run of n `$` gives n − 1 of them, and a `$` before anything else is dropped with it. A value is put
 * in once and never read again, so "$7.25" stays "$7.25".
 */
export function formatEntry(entry: CatalogueEntry, subs: readonly string[]): string {
  const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
    const p = Object.entries(entry.placeholders ?? {}).find(([k]) => k.toLowerCase() === name.toLowerCase());
    return p ? p[1].content : whole;
  });
  return named.replace(
    /\$(\$+)|\$([1-9])|\$[\s\S]?/g,
    (_, run?: string, n?: string) => run ?? (n ? (subs[Number(n) - 1] ?? '') : ''),
  );
}

/**
 * A message in the chosen language's packaged catalogue, else the browser's, else the packaged one
 * read because the browser's was empty; "" when none has it.
 */
export function message(key: string, subs: readonly string[]): string {
  const own = chosen?.catalogue[key];
  if (own) return formatEntry(own, subs);
  const fromBrowser = browser.i18n.getMessage(key as 'extName', subs as string[]);
  if (fromBrowser) return fromBrowser;
  const packaged = fallback?.[key];
  return packaged ? formatEntry(packaged, subs) : '';
}

/** The language the user chose for the interface, once `ensureMessages` has read it (undefined: the browser's). */
export function chosenLanguage(): InterfaceLanguage | undefined {
  return chosen?.lang;
}

/** The stored choice (undefined: follow the browser). */
export async function loadLanguageChoice(): Promise<InterfaceLanguage | undefined> {
  const stored = await browser.storage.local.get(LANGUAGE_KEY).catch(() => ({}) as Record<string, unknown>);
  const value = (stored as Record<string, unknown>)[LANGUAGE_KEY];
  return isInterfaceLanguage(value) ? value : undefined;
}

/** Saves the choice; every open extension page follows it (`onLanguageChanged`), the background at its next text. */
export async function saveLanguageChoice(lang: InterfaceLanguage | undefined): Promise<void> {
  if (lang) await browser.storage.local.set({ [LANGUAGE_KEY]: lang });
  else await browser.storage.local.remove(LANGUAGE_KEY);
}

/** Calls `listener` when the interface language is changed (from this page or another); returns what stops listening. */
export function onLanguageChanged(listener: () => void): () => void {
  const wrapped = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && LANGUAGE_KEY in changes) listener();
  };
  browser.storage.onChanged.addListener(wrapped);
  return () => browser.storage.onChanged.removeListener(wrapped);
}

/** The packaged messages.json of one language (a file of the extension, not a network request). */
async function readCatalogue(lang: string): Promise<Catalogue | undefined> {
  try {
    const response = await fetch(browser.runtime.getURL(`/_locales/${lang}/messages.json` as '/'));
    return response.ok ? ((await response.json()) as Catalogue) : undefined;
  } catch {
    return undefined; // no catalogue for this language
  }
}

/**
 * Pages and the background call this before drawing text. It reads the interface language the user
 * chose, if any, and its packaged catalogue (browsers' i18n API cannot switch language), which `t()`
 * then uses first. And Chromium sometimes gives an extension page an empty message catalogue
 * (`i18n.getMessage` answers "" for every key): seen in about one start in eight when the welcome
 * page opens at installation, and every page of that extension process then shows raw keys. When
 * the browser's catalogue answers nothing, the packaged one of the browser's language is read.
 */
export async function ensureMessages(): Promise<void> {
  const lang = await loadLanguageChoice();
  if (!lang) chosen = undefined;
  else if (chosen?.lang !== lang) {
    const catalogue = await readCatalogue(lang);
    chosen = catalogue ? { lang, catalogue } : undefined;
  }
  if (chosen || fallback || browser.i18n.getMessage('extName')) return;
  const ui = browser.i18n.getUILanguage().replace('-', '_');
  for (const l of [ui, ui.split('_')[0], 'en']) {
    fallback = await readCatalogue(l as string);
    if (fallback) return;
  }
}
