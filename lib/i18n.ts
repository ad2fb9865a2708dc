import { browser } from 'wxt/browser';
import { chosenLanguage, isInterfaceLanguage, message } from './i18n-fallback';
import { BENEFICIARIES, type BeneficiaryId, type Kind, PLATFORM_NAMES, type PlatformId } from './taxonomy';

/** Every key of the message catalogue (English is the reference; French must have the same keys). */
export type MessageKey = keyof typeof import('../public/_locales/en/messages.json');

/** A catalogue message with its placeholders ($1, $2…) filled in. */
export function t(key: MessageKey, ...subs: (string | number)[]): string {
  const strings = subs.map(String);
  return message(key, strings) || key;
}

/**
 * The interface language: the one the user chose (lib/i18n-fallback.ts), else that of the catalogue
 * the text comes from (its `catalogueLanguage`, with the browser's region when the browser's
 * language is the catalogue's), else the browser's. Not the browser's alone:
 * Chromium's getUILanguage() can name another language than the catalogue it serves (seen: "en-US"
 * with the French catalogue, Chromium started with --lang=fr), and numbers would then be formatted
 * in English inside French sentences ("10,000 fichiers").
 */
export function uiLanguage(): string {
  const chosen = chosenLanguage();
  if (chosen) return chosen;
  const browserTag = browser.i18n.getUILanguage() || 'en';
  const own = message('catalogueLanguage', []);
  // The browser's tag where it is of the catalogue's language (en-GB keeps its dates), else the catalogue's
  // with the browser's region (a German browser reads English text with German numbers and dates: "en-DE").
  if (!isInterfaceLanguage(own) || browserTag.split(/[-_]/)[0] === own) return browserTag;
  return withRegion(own, browserTag);
}

/** `lang` with the region of `tag` where it names one ("en", "de-DE" → "en-DE"), else `lang`. */
function withRegion(lang: string, tag: string): string {
  try {
    const region = new Intl.Locale(tag.replace('_', '-')).region;
    return region ? `${lang}-${region}` : lang;
  } catch {
    return lang;
  }
}

const intlCache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>();

/**
 * Intl formatters are slow to build and never change: one per language and options, kept for the
 * page's life (a chart's table formats hundreds of numbers).
 */
function cachedIntl<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>(key: string, make: () => T): T {
  let made = intlCache.get(key) as T | undefined;
  if (!made) {
    made = make();
    intlCache.set(key, made);
  }
  return made;
}

/**
 * The user's locale with its region where the browser tells it (for defaults such as the fair wage):
 * a chosen interface language replaces the browser's language and keeps its region ("fr-US").
 */
export function userLocale(): string {
  const browserLocale = navigator.language || browser.i18n.getUILanguage() || 'en';
  const chosen = chosenLanguage();
  if (!chosen) return browserLocale;
  return browserLocale.split(/[-_]/)[0] === chosen ? browserLocale : withRegion(chosen, browserLocale);
}

/** A count with its noun in the right plural form for the UI language. */
export function countOf(
  base: 'actions' | 'unreadable' | 'manualOfPlatform' | 'valueManual',
  n: number,
  ...more: string[]
): string {
  const lang = uiLanguage();
  const form = cachedIntl(`plural|${lang}`, () => new Intl.PluralRules(lang)).select(n) === 'one' ? 'one' : 'other';
  return t(`${base}_${form}` as MessageKey, formatNumber(n), ...more);
}

export function formatNumber(n: number): string {
  const lang = uiLanguage();
  return cachedIntl(`number|${lang}`, () => new Intl.NumberFormat(lang)).format(n);
}

export function kindLabel(kind: Kind): string {
  return t(`kind_${kind.replace('-', '_')}` as MessageKey);
}

/** A platform's name: product names as they are, the practice page and "other" in the UI language. */
export function platformLabel(platform: PlatformId): string {
  if (platform === 'practice') return t('practicePlatform');
  if (platform === 'other') return t('platformOther');
  return PLATFORM_NAMES[platform] ?? platform;
}

/** A company's name; "nobody" (the practice page) and "unknown" (another site) in the UI language. */
export function beneficiaryLabel(b: BeneficiaryId): string {
  if (b === 'nobody') return t('beneficiaryNobody');
  if (b === 'unknown') return t('beneficiaryUnknown');
  return BENEFICIARIES[b];
}

/** A detail id in the UI language where the catalogue names it (`detail_close_vote`), else as it is. */
export function detailLabel(detail: string): string {
  const key = `detail_${detail.replaceAll('-', '_')}` as MessageKey;
  return message(key, []) || detail;
}

/** A YYYY-MM-DD day key as a short local date ("29 Nov"). */
export function formatDay(day: string, style: 'short' | 'long' = 'short'): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const lang = uiLanguage();
  return cachedIntl(
    `day|${style}|${lang}`,
    () => new Intl.DateTimeFormat(lang, style === 'short' ? { day: 'numeric', month: 'short' } : { dateStyle: 'long' }),
  ).format(new Date(y, m - 1, d));
}

/** A month as "Nov 2026" in the UI language. */
export function formatMonth(year: number, month: number): string {
  const lang = uiLanguage();
  return cachedIntl(`month|${lang}`, () => new Intl.DateTimeFormat(lang, { month: 'short', year: 'numeric' })).format(
    new Date(year, month - 1, 1),
  );
}

function unit(n: number, u: 'hour' | 'minute' | 'second', maximumFractionDigits = 0): string {
  const lang = uiLanguage();
  return cachedIntl(
    `unit|${u}|${maximumFractionDigits}|${lang}`,
    () => new Intl.NumberFormat(lang, { style: 'unit', unit: u, unitDisplay: 'short', maximumFractionDigits }),
  ).format(n);
}

/** A duration as "3 hr 12 min", "12 min 5 sec", "45 sec" or "2.7 sec" (in the UI language). */
export function formatDuration(seconds: number): string {
  if (seconds < 10) return unit(seconds, 'second', 1);
  const s = Math.round(seconds);
  if (s < 60) return unit(s, 'second');
  if (s < 3600) {
    const m = Math.floor(s / 60);
    const rest = s % 60;
    return rest ? `${unit(m, 'minute')} ${unit(rest, 'second')}` : unit(m, 'minute');
  }
  const h = Math.floor(s / 3600);
  const m = Math.round((s % 3600) / 60);
  return m ? `${unit(h, 'hour')} ${unit(m, 'minute')}` : unit(h, 'hour');
}

/** Money in its own currency; small amounts keep enough digits to stay visible. */
export function formatMoney(amount: number, currency: string): string {
  const small = amount > 0 && amount < 1;
  const digits = small && amount < 0.1 ? 4 : 2;
  const lang = uiLanguage();
  return cachedIntl(
    `money|${currency}|${small}|${digits}|${lang}`,
    () =>
      new Intl.NumberFormat(lang, {
        style: 'currency',
        currency,
        ...(small ? { minimumFractionDigits: 2, maximumFractionDigits: digits } : { maximumFractionDigits: 2 }),
      }),
  ).format(amount);
}

/** A moment as a short local date and time ("29 Nov 2026, 14:03"). */
export function formatMoment(ts: number): string {
  const lang = uiLanguage();
  return cachedIntl(`moment|${lang}`, () => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' })).format(
    new Date(ts),
  );
}
