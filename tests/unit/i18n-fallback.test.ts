import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatEntry } from '@/lib/i18n-fallback';
import { root } from './helpers';

const catalogue = (lang: string) => JSON.parse(readFileSync(resolve(root, `public/_locales/${lang}/messages.json`), 'utf8'));

describe('the packaged catalogue, when the browser hands a page an empty one', () => {
  it('fills named placeholders, positional ones and $$ as the browser does', () => {
    const fr = catalogue('fr');
    expect(formatEntry(fr.retentionDays, ['30'])).toBe('30 jours');
    expect(formatEntry(fr.restoreRetentionWarning, ['50', '30'])).toBe(
      'Attention : appliquer ce réglage supprime aussitôt 50 de vos actions (toutes celles de plus de 30 jours). Seule une sauvegarde peut les faire revenir.',
    );
    // A run of n dollar signs gives n - 1, and the character after it is text (Chromium's ReplaceStringPlaceholders).
    expect(formatEntry({ message: 'Cost: $$$1 for $WHO$', placeholders: { who: { content: '$2' } } }, ['5', 'you'])).toBe(
      'Cost: $$1 for you',
    );
    expect(formatEntry({ message: 'US$$20, $x and $' }, [])).toBe('US$20,  and ');
    expect(formatEntry({ message: 'No $1' }, [])).toBe('No ');
  });

  it('puts a value in once: a dollar sign inside it is text, not another placeholder', () => {
    // CI, 2026-12-02: "Federal minimum wage, US, .25 per hour" — the "$7" of "$7.25" was read as the 7th value.
    const en = catalogue('en');
    expect(formatEntry(en.valueRate, ['Federal minimum wage, US', '$7.25'])).toBe('Federal minimum wage, US, $7.25 per hour');
    expect(formatEntry({ message: '$1 and $2' }, ['$2', '$$1'])).toBe('$2 and $$1');
    expect(formatEntry({ message: '$WHO$ paid $$ $1', placeholders: { who: { content: '$2' } } }, ['$1', '$WHO$'])).toBe(
      '$WHO$ paid $ $1',
    );
  });

  it('has no bare dollar sign in a message: each is $$, a declared $NAME$, or $1-$9 in a placeholder', () => {
    // "US$20" read as "US" + the 2nd value + "0" showed "US0 an hour" in every browser (fixed 2026-12-02).
    for (const lang of ['en', 'fr']) {
      for (const [key, entry] of Object.entries(catalogue(lang)) as [string, { message: string; placeholders?: object }][]) {
        const names = Object.keys(entry.placeholders ?? {}).map((k) => k.toLowerCase());
        const rest = entry.message
          .replace(/\$\$/g, '')
          .replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => (names.includes(name.toLowerCase()) ? '' : whole));
        expect(rest, `${lang} ${key}`).not.toContain('$');
      }
    }
    expect(formatEntry(catalogue('en').mkt_moderation, [])).toContain('at US$20 an hour');
    expect(formatEntry(catalogue('fr').aboutModeration, [])).toContain('à 20 US$ de l’heure');
  });

  it('reads every English message without leaving a placeholder behind', () => {
    const en = catalogue('en');
    for (const [key, entry] of Object.entries(en) as [string, { message: string }][]) {
      const text = formatEntry(entry as never, ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I']);
      expect(text, key).not.toMatch(/\$[A-Za-z0-9_]+\$/);
    }
  });
});
