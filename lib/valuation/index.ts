import type { Kind } from '../taxonomy';
import {
  type Currency,
  DURATION_DEFAULTS,
  type DurationDefault,
  type Lens,
  MARKET_PRICES,
  type MarketPrice,
  RATE_PRESETS,
  type RatePreset,
} from './sources';

export type { Currency, Lens } from './sources';

/** The user's choice of rates; a custom amount replaces the preset of its lens. */
export interface ValuationSettings {
  microPresetId: string;
  fairPresetId: string;
  custom?: Partial<Record<Lens, { amount: number; currency: Currency }>>;
}

/** Counts and measured time of one kind/detail, as the per-day rollup keeps them. */
export interface Tally {
  kind: Kind;
  detail: string;
  count: number;
  measuredCount: number;
  measuredMs: number;
  /** How many of `count` the user entered by hand, how many of those came with a stated time, and that time. */
  manualCount?: number;
  manualTimedCount?: number;
  manualMs?: number;
}

export interface Rate {
  amount: number;
  currency: Currency;
  /** The preset, or undefined for a rate the user typed. */
  preset?: RatePreset;
}

export interface Valuation {
  count: number;
  /** Seconds that were measured, and seconds estimated from the defaults, with their counts. */
  measured: { count: number; seconds: number };
  /** Hand-entered actions with the time the user stated for them. */
  stated: { count: number; seconds: number };
  estimated: { count: number; seconds: number };
  /** How many of `count` were entered by hand. */
  manualCount: number;
  seconds: number;
  micro: { amount: number; rate: Rate };
  fair: { amount: number; rate: Rate };
  /** Buyer prices add up per currency (no conversion); labor with no known price is counted apart. */
  market: { amounts: Partial<Record<Currency, number>>; pricedCount: number; unpricedCount: number };
}

const presetById = (id: string) => RATE_PRESETS.find((p) => p.id === id);

/** The default fair-wage preset for a locale: its region's minimum wage where we have it. */
export function defaultFairPreset(locale: string): string {
  let region: string | undefined;
  let language = 'en';
  try {
    const l = new Intl.Locale(locale);
    region = l.region;
    language = l.language;
  } catch {
    // an unparseable locale gets the language-free default
  }
  const byRegion: Record<string, string> = { FR: 'smic', DE: 'mindestlohn', GB: 'uk-nlw', US: 'us-federal' };
  const regional = region ? byRegion[region] : undefined;
  if (regional) return regional;
  const byLanguage: Record<string, string> = { fr: 'smic', de: 'mindestlohn' };
  return byLanguage[language] ?? 'us-federal';
}

export function defaultSettings(locale: string): ValuationSettings {
  return { microPresetId: 'mturk-median', fairPresetId: defaultFairPreset(locale) };
}

/** Settings read from storage, with anything unknown or malformed replaced by the default. */
export function sanitizeSettings(raw: unknown, locale: string): ValuationSettings {
  const d = defaultSettings(locale);
  if (raw === null || typeof raw !== 'object') return d;
  const r = raw as Record<string, unknown>;
  const valid = (id: unknown, lens: Lens) => typeof id === 'string' && presetById(id)?.lens === lens;
  const out: ValuationSettings = {
    microPresetId: valid(r.microPresetId, 'micro') ? (r.microPresetId as string) : d.microPresetId,
    fairPresetId: valid(r.fairPresetId, 'fair') ? (r.fairPresetId as string) : d.fairPresetId,
  };
  const custom = r.custom as Record<string, { amount?: unknown; currency?: unknown }> | undefined;
  for (const lens of ['micro', 'fair'] as const) {
    const c = custom?.[lens];
    if (
      c &&
      typeof c.amount === 'number' &&
      Number.isFinite(c.amount) &&
      c.amount >= 0 &&
      c.amount < 10_000 &&
      isCurrency(c.currency)
    ) {
      out.custom = { ...out.custom, [lens]: { amount: c.amount, currency: c.currency } };
    }
  }
  return out;
}

export function isCurrency(v: unknown): v is Currency {
  return v === 'EUR' || v === 'USD' || v === 'GBP';
}

export function resolveRate(settings: ValuationSettings, lens: Lens): Rate {
  const custom = settings.custom?.[lens];
  if (custom) return { amount: custom.amount, currency: custom.currency };
  const id = lens === 'micro' ? settings.microPresetId : settings.fairPresetId;
  const preset = presetById(id) ?? (RATE_PRESETS.find((p) => p.lens === lens) as RatePreset);
  return { amount: preset.amount, currency: preset.currency, preset };
}

/** The default duration of an action: its detail's own row, else its kind's. */
export function durationDefault(kind: Kind, detail: string): DurationDefault {
  const row =
    DURATION_DEFAULTS.find((d) => d.kind === kind && d.detail === detail) ??
    DURATION_DEFAULTS.find((d) => d.kind === kind && !d.detail);
  if (!row) throw new Error(`no default duration for ${kind}`);
  return row;
}

export function marketPrice(kind: Kind, detail: string): MarketPrice | undefined {
  return (
    MARKET_PRICES.find((p) => p.kind === kind && p.detail === detail) ?? MARKET_PRICES.find((p) => p.kind === kind && !p.detail)
  );
}

/** Values a set of tallies through every lens. Pure: the same input gives the same figures. */
export function valuate(tallies: readonly Tally[], settings: ValuationSettings): Valuation {
  let count = 0;
  const measured = { count: 0, seconds: 0 };
  const stated = { count: 0, seconds: 0 };
  const estimated = { count: 0, seconds: 0 };
  let manualCount = 0;
  const amounts: Partial<Record<Currency, number>> = {};
  let pricedCount = 0;
  let unpricedCount = 0;
  for (const t of tallies) {
    count += t.count;
    measured.count += t.measuredCount;
    measured.seconds += t.measuredMs / 1000;
    manualCount += t.manualCount ?? 0;
    stated.count += t.manualTimedCount ?? 0;
    stated.seconds += (t.manualMs ?? 0) / 1000;
    const unmeasured = t.count - t.measuredCount - (t.manualTimedCount ?? 0);
    estimated.count += unmeasured;
    estimated.seconds += unmeasured * durationDefault(t.kind, t.detail).seconds;
    const price = marketPrice(t.kind, t.detail);
    if (price) {
      amounts[price.currency] = (amounts[price.currency] ?? 0) + t.count * price.amount;
      pricedCount += t.count;
    } else unpricedCount += t.count;
  }
  const seconds = measured.seconds + stated.seconds + estimated.seconds;
  const hours = seconds / 3600;
  const micro = resolveRate(settings, 'micro');
  const fair = resolveRate(settings, 'fair');
  return {
    count,
    measured,
    stated,
    estimated,
    manualCount,
    seconds,
    micro: { amount: hours * micro.amount, rate: micro },
    fair: { amount: hours * fair.amount, rate: fair },
    market: { amounts, pricedCount, unpricedCount },
  };
}
