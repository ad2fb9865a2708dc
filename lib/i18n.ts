import { browser } from 'wxt/browser';
import type { Kind } from './taxonomy';

/** Every key of the message catalogue (English is the reference; French must have the same keys). */
export type MessageKey = keyof typeof import('../public/_locales/en/messages.json');

/** A catalogue message with its placeholders ($1, $2…) filled in. */
export function t(key: MessageKey, ...subs: (string | number)[]): string {
  return browser.i18n.getMessage(key, subs.map(String)) || key;
}

export function uiLanguage(): string {
  return browser.i18n.getUILanguage() || 'en';
}

/** A count with its noun in the right plural form for the UI language. */
export function countOf(base: 'actions', n: number): string {
  const form = new Intl.PluralRules(uiLanguage()).select(n) === 'one' ? 'one' : 'other';
  return t(`${base}_${form}` as MessageKey, formatNumber(n));
}

export function formatNumber(n: number): string {
  return new Intl.NumberFormat(uiLanguage()).format(n);
}

export function kindLabel(kind: Kind): string {
  return t(`kind_${kind.replace('-', '_')}` as MessageKey);
}

/** A YYYY-MM-DD day key as a short local date ("29 Nov"). */
export function formatDay(day: string, style: 'short' | 'long' = 'short'): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(
    uiLanguage(),
    style === 'short' ? { day: 'numeric', month: 'short' } : { dateStyle: 'long' },
  ).format(new Date(y, m - 1, d));
}
