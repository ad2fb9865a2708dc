import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KIND_DETAILS, KINDS } from '@/lib/taxonomy';
import {
  defaultFairPreset,
  defaultSettings,
  durationDefault,
  marketPrice,
  sanitizeSettings,
  type Tally,
  valuate,
} from '@/lib/valuation';
import { CITATIONS, DURATION_DEFAULTS, MARKET_PRICES, RATE_PRESETS } from '@/lib/valuation/sources';
import { root } from './helpers';

/**
 * A known set of events. Hand-computed time: measured 45 s (one comment) + 12 s + 20 s (two
 * challenges) = 77 s over 3 events; estimated 10 × 2.65 (reactions) + 25.3 (one comment: 100 × 0.20
 * + 2 × 2.65) + 3 × 1.85 (checkboxes) + 7.95 (report) + 2.65 (thumbs) = 67.95 s over 16 events;
 * total 144.95 s = 0.040263… h.
 */
const TALLIES: Tally[] = [
  { kind: 'reaction', detail: 'like', count: 10, measuredCount: 0, measuredMs: 0 },
  { kind: 'comment', detail: 'comment', count: 2, measuredCount: 1, measuredMs: 45_000 },
  { kind: 'captcha', detail: 'checkbox', count: 3, measuredCount: 0, measuredMs: 0 },
  { kind: 'captcha', detail: 'challenge', count: 2, measuredCount: 2, measuredMs: 32_000 },
  { kind: 'report', detail: 'report', count: 1, measuredCount: 0, measuredMs: 0 },
  { kind: 'ai-feedback', detail: 'up', count: 1, measuredCount: 0, measuredMs: 0 },
];

describe('valuation', () => {
  it('splits time into measured and estimated', () => {
    const v = valuate(TALLIES, defaultSettings('en-US'));
    expect(v.count).toBe(19);
    expect(v.measured).toEqual({ count: 3, seconds: 77 });
    expect(v.estimated.count).toBe(16);
    expect(v.estimated.seconds).toBeCloseTo(67.95, 9);
    expect(v.seconds).toBeCloseTo(144.95, 9);
  });

  // 144.95 s × rate / 3600, worked out by hand for each preset.
  it.each([
    ['micro', 'mturk-median', 0.0805278, 'USD'],
    ['micro', 'ilo-median', 0.08697, 'USD'],
    ['fair', 'smic', 0.4839719, 'EUR'],
    ['fair', 'mindestlohn', 0.5596681, 'EUR'],
    ['fair', 'uk-nlw', 0.511754, 'GBP'],
    ['fair', 'us-federal', 0.2919132, 'USD'],
    ['fair', 'ethics-gbp', 0.362375, 'GBP'],
    ['fair', 'ethics-usd', 0.4831667, 'USD'],
  ] as const)('values the set at %s preset %s: %f %s', (lens, id, amount, currency) => {
    const settings = { ...defaultSettings('en-US'), ...(lens === 'micro' ? { microPresetId: id } : { fairPresetId: id }) };
    const v = valuate(TALLIES, settings)[lens];
    expect(v.amount).toBeCloseTo(amount, 6);
    expect(v.rate.currency).toBe(currency);
    expect(v.rate.preset?.id).toBe(id);
  });

  it('uses a rate the user typed instead of the preset', () => {
    const v = valuate(TALLIES, { ...defaultSettings('fr-FR'), custom: { fair: { amount: 20, currency: 'EUR' } } });
    expect(v.fair.amount).toBeCloseTo((144.95 * 20) / 3600, 9);
    expect(v.fair.rate.preset).toBeUndefined();
  });

  it('adds market prices per currency, without converting, and counts unpriced labor apart', () => {
    const v = valuate(TALLIES, defaultSettings('en-US'));
    // 12 interactions (10 reactions + 2 comments) × €300/54,000; in dollars: 5 CAPTCHAs × $2.99/1,000
    // + a report at $20/h for 7.95 s + a thumbs as one label at $0.012.
    expect(v.market.amounts.EUR).toBeCloseTo(0.0666667, 6);
    expect(v.market.amounts.USD).toBeCloseTo(0.01495 + (20 * 7.95) / 3600 + 0.012, 9);
    expect(v.market.amounts.GBP).toBeUndefined();
    expect(v.market.pricedCount).toBe(19);
    expect(v.market.unpricedCount).toBe(0);
  });

  it('values nothing as zero', () => {
    const v = valuate([], defaultSettings('de-DE'));
    expect([v.seconds, v.fair.amount, v.micro.amount, v.count]).toEqual([0, 0, 0, 0]);
    expect(v.market.amounts).toEqual({});
  });

  it.each([
    ['fr-FR', 'smic'],
    ['fr', 'smic'],
    ['fr-CA', 'smic'],
    ['de-AT', 'mindestlohn'],
    ['de-DE', 'mindestlohn'],
    ['en-GB', 'uk-nlw'],
    ['en-US', 'us-federal'],
    ['en', 'us-federal'],
    ['ja-JP', 'us-federal'],
    ['', 'us-federal'],
  ])('picks the default fair wage for %j: %s', (locale, id) => {
    expect(defaultFairPreset(locale)).toBe(id);
  });

  it('replaces unknown or malformed stored settings by the defaults', () => {
    expect(sanitizeSettings(null, 'fr-FR')).toEqual(defaultSettings('fr-FR'));
    expect(sanitizeSettings({ microPresetId: 'smic', fairPresetId: 'nope' }, 'en-GB')).toEqual(defaultSettings('en-GB'));
    expect(
      sanitizeSettings(
        {
          microPresetId: 'ilo-median',
          fairPresetId: 'smic',
          custom: { fair: { amount: -3, currency: 'EUR' }, micro: { amount: 3, currency: 'JPY' } },
        },
        'en',
      ),
    ).toEqual({ microPresetId: 'ilo-median', fairPresetId: 'smic' });
    expect(
      sanitizeSettings(
        { microPresetId: 'ilo-median', fairPresetId: 'smic', custom: { fair: { amount: 15, currency: 'EUR' } } },
        'en',
      ).custom,
    ).toEqual({
      fair: { amount: 15, currency: 'EUR' },
    });
  });
});

describe('every figure has a source', () => {
  const en = JSON.parse(readFileSync(resolve(root, 'public/_locales/en/messages.json'), 'utf8'));
  const fr = JSON.parse(readFileSync(resolve(root, 'public/_locales/fr/messages.json'), 'utf8'));

  it('walks every rate preset: a cited source, a year, a positive amount, a name in both languages', () => {
    for (const p of RATE_PRESETS) {
      const c = CITATIONS[p.source];
      expect(c, p.id).toBeDefined();
      expect(c.reference.length, p.id).toBeGreaterThan(40);
      expect(p.year).toBeGreaterThan(2000);
      expect(p.amount).toBeGreaterThan(0);
      expect(en[p.name], p.name).toBeDefined();
      expect(fr[p.name], p.name).toBeDefined();
    }
    expect(new Set(RATE_PRESETS.map((p) => p.id)).size).toBe(RATE_PRESETS.length);
    expect(RATE_PRESETS.some((p) => p.lens === 'micro')).toBe(true);
  });

  it('has a default duration, with a source and a working, for every kind and detail', () => {
    for (const kind of KINDS) {
      const d = durationDefault(kind, 'anything');
      expect(d.seconds, kind).toBeGreaterThan(0);
      expect(CITATIONS[d.source], kind).toBeDefined();
    }
    for (const d of DURATION_DEFAULTS) {
      expect(en[d.working], d.working).toBeDefined();
      expect(fr[d.working], d.working).toBeDefined();
    }
    expect(durationDefault('captcha', 'checkbox').seconds).toBe(1.85);
    expect(durationDefault('captcha', 'challenge').seconds).toBe(32);
  });

  it('cites every market price', () => {
    for (const m of MARKET_PRICES) {
      expect(CITATIONS[m.source], m.kind).toBeDefined();
      expect(en[m.what], m.what).toBeDefined();
      expect(fr[m.what], m.what).toBeDefined();
    }
    expect(marketPrice('captcha', 'challenge')?.amount).toBeCloseTo(0.00299, 9);
    expect(marketPrice('ai-feedback', 'up')?.amount).toBe(0.012);
    // Moderation at Li et al.'s $20 an hour for the modeled time: one click to approve, 3 clicks otherwise.
    expect(marketPrice('moderation', 'approve')?.amount).toBeCloseTo((20 * 2.65) / 3600, 12);
    expect(marketPrice('moderation', 'close-vote')?.amount).toBeCloseTo((20 * 7.95) / 3600, 12);
    expect(marketPrice('moderation', 'remove')?.source).toBe('li2022');
  });

  it('prices and times every kind and every detail the taxonomy names', () => {
    for (const kind of KINDS) {
      for (const detail of KIND_DETAILS[kind]) {
        expect(durationDefault(kind, detail).seconds, `${kind}/${detail}`).toBeGreaterThan(0);
        const price = marketPrice(kind, detail);
        expect(price?.amount, `${kind}/${detail}`).toBeGreaterThan(0);
        expect(CITATIONS[price?.source as keyof typeof CITATIONS], `${kind}/${detail}`).toBeDefined();
      }
    }
  });

  it('values hand-entered actions at the time the user stated, and says how many there were', () => {
    const v = valuate(
      [
        // 4 reviews by hand, 3 of them with 30 minutes stated; 1 detected review measured at 60 s.
        {
          kind: 'review',
          detail: 'review',
          count: 5,
          measuredCount: 1,
          measuredMs: 60_000,
          manualCount: 4,
          manualTimedCount: 3,
          manualMs: 1_800_000,
        },
      ],
      defaultSettings('en-US'),
    );
    expect(v.count).toBe(5);
    expect(v.manualCount).toBe(4);
    expect(v.measured).toEqual({ count: 1, seconds: 60 });
    expect(v.stated).toEqual({ count: 3, seconds: 1800 });
    expect(v.estimated.count).toBe(1); // the hand-entered review without a stated time
    expect(v.seconds).toBeCloseTo(60 + 1800 + 25.3, 9);
  });

  it('ships no unverified figure', () => {
    for (const c of Object.values(CITATIONS)) expect(['verified', 'secondary']).toContain(c.verification);
  });
});
