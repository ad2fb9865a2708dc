import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { effectText, ruleLabel, ruleText } from '@/entrypoints/research/Disclosure';
import { formatEntry } from '@/lib/i18n-fallback';
import type { DisclosureRule } from '@/lib/research/disclosure';
import type { RuleEffect } from '@/lib/research/disclosure-apply';
import { root } from './helpers';

/**
 * The research page says what a disclosure rule does (before consent, and in the file's facts) and
 * what it changed in the file (the review): both name the rule's actions with one ruleLabel, read
 * from the real catalogues in English and French.
 */
type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
function browserIn(lang: 'en' | 'fr') {
  const catalogue: Catalogue = JSON.parse(readFileSync(resolve(root, `public/_locales/${lang}/messages.json`), 'utf8'));
  const i18n = fakeBrowser.i18n as unknown as { getMessage(k: string, s?: string[]): string; getUILanguage(): string };
  i18n.getUILanguage = () => lang;
  i18n.getMessage = (k, subs = []) => (catalogue[k] ? formatEntry(catalogue[k], subs) : '');
}

const rule: DisclosureRule = { kinds: ['comment', 'review'], suppress_below: 3, round_to: 5 };
const weekly: DisclosureRule = { kinds: ['vote'], granularity: 'week' };
const effect: RuleEffect = {
  rule: 0,
  rowsBefore: 9,
  totalBefore: 40,
  merged: 0,
  changed: 4,
  suppressed: 2,
  rowsAfter: 7,
  totalAfter: 35,
};

describe('disclosure rules in words', () => {
  it('English: the rule and its effect start with the same label', () => {
    browserIn('en');
    expect(ruleLabel(rule)).toBe('Comments, Reviews');
    expect(ruleText(rule)).toBe(
      'Comments, Reviews: rows with fewer than 3 actions left out; counts rounded to a multiple of 5; these rows carry counts only (no measured or hand-entered time)',
    );
    expect(ruleText(weekly)).toBe('Votes: counts per week (ISO week, Monday to Sunday)');
    expect(effectText(rule, effect)).toBe(
      'Comments, Reviews: rows 9 → 7 (0 merged into coarser ones, 4 changed, 2 left out); actions 40 → 35',
    );
  });

  it('French: the same, with French spacing before the colon', () => {
    browserIn('fr');
    expect(ruleLabel(rule)).toBe('Commentaires, Avis');
    expect(ruleText(rule)).toBe(
      'Commentaires, Avis : lignes de moins de 3 actions retirées\u00a0; nombres arrondis à un multiple de 5\u00a0; ces lignes ne portent que des nombres (ni temps mesuré ni saisie manuelle)',
    );
    expect(ruleText(weekly)).toBe('Votes : nombres par semaine (semaine ISO, du lundi au dimanche)');
    expect(effectText(rule, effect)).toBe(
      'Commentaires, Avis : lignes 9 → 7 (regroupées : 0, modifiées : 4, retirées : 2) ; actions 40 → 35',
    );
  });
});
