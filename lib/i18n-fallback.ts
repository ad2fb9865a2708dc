import { browser } from 'wxt/browser';

/** One entry of a packaged messages.json. */
interface CatalogueEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
type Catalogue = Record<string, CatalogueEntry>;

let fallback: Catalogue | undefined;

/** Fills a catalogue message as browsers do: `$NAME$` from its placeholder, `$1`…`$9` from `subs`, `$$` as `$`. */
export function formatEntry(entry: CatalogueEntry, subs: readonly string[]): string {
  const positional = (text: string) => text.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
  const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
    const p = Object.entries(entry.placeholders ?? {}).find(([k]) => k.toLowerCase() === name.toLowerCase());
    return p ? positional(p[1].content) : whole;
  });
  return positional(named.replaceAll('$$', '\u0000')).replaceAll('\u0000', '$');
}

/** The message from the packaged catalogue read by `ensureMessages`, if the browser's own failed. */
export function fallbackMessage(key: string, subs: readonly string[]): string {
  const entry = fallback?.[key];
  return entry ? formatEntry(entry, subs) : '';
}

/**
 * Chromium sometimes gives an extension page an empty message catalogue (`i18n.getMessage` answers
 * "" for every key): seen in about one start in eight when the welcome page opens at installation,
 * and every page of that extension process then shows raw keys. Pages call this before drawing:
 * when the browser's catalogue answers nothing, the extension's own packaged messages.json is read
 * (a file of the extension, not a network request) and `t()` uses it.
 */
export async function ensureMessages(): Promise<void> {
  if (browser.i18n.getMessage('extName')) return;
  const lang = browser.i18n.getUILanguage().replace('-', '_');
  for (const l of [lang, lang.split('_')[0], 'en']) {
    try {
      const response = await fetch(browser.runtime.getURL(`/_locales/${l}/messages.json` as '/'));
      if (!response.ok) continue;
      fallback = (await response.json()) as Catalogue;
      return;
    } catch {
      // no catalogue for this language: the next one
    }
  }
}
