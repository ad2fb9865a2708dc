import { describe, expect, it } from 'vitest';
import { parseAmount, withPreset } from '@/entrypoints/about/rates';
import type { ValuationSettings } from '@/lib/valuation';

/** The About page's rate choices, apart from the page: picking a preset and reading a custom amount. */
describe('withPreset', () => {
  const base: ValuationSettings = { microPresetId: 'ilo-median', fairPresetId: 'uk-nlw' };

  it('sets the lens’s preset and leaves the other lens alone', () => {
    expect(withPreset(base, 'micro', 'other-micro')).toEqual({ microPresetId: 'other-micro', fairPresetId: 'uk-nlw' });
    expect(withPreset(base, 'fair', 'other-fair')).toEqual({ microPresetId: 'ilo-median', fairPresetId: 'other-fair' });
  });

  it('drops that lens’s custom amount only, and the custom field once it is empty', () => {
    const custom: ValuationSettings = {
      ...base,
      custom: { micro: { amount: 3, currency: 'USD' }, fair: { amount: 20, currency: 'EUR' } },
    };
    expect(withPreset(custom, 'micro', 'ilo-median')).toEqual({ ...base, custom: { fair: { amount: 20, currency: 'EUR' } } });
    const one = withPreset(custom, 'micro', 'ilo-median');
    expect(withPreset(one, 'fair', 'uk-nlw')).toEqual(base);
    expect('custom' in withPreset(one, 'fair', 'uk-nlw')).toBe(false);
  });

  it('does not change the settings it is given', () => {
    const custom: ValuationSettings = { ...base, custom: { micro: { amount: 3, currency: 'USD' } } };
    withPreset(custom, 'micro', 'x');
    expect(custom).toEqual({ ...base, custom: { micro: { amount: 3, currency: 'USD' } } });
  });
});

describe('parseAmount', () => {
  it('reads amounts with a decimal point or comma', () => {
    expect(parseAmount('12.5')).toBe(12.5);
    expect(parseAmount('12,5')).toBe(12.5);
    expect(parseAmount('0')).toBe(0);
    expect(parseAmount(' 7 ')).toBe(7);
    expect(parseAmount('9999.99')).toBe(9999.99);
  });

  it('refuses empty, negative, too large and non-numbers', () => {
    for (const bad of ['', '   ', '-1', '10000', '1e9', 'abc', '12 €', 'Infinity', 'NaN'])
      expect(parseAmount(bad), bad).toBeNull();
  });
});
