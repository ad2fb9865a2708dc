import type { Lens, ValuationSettings } from '@/lib/valuation';

/** The settings with `id` chosen as the lens's preset, and that lens's custom amount dropped. */
export function withPreset(settings: ValuationSettings, lens: Lens, id: string): ValuationSettings {
  const { [lens]: _dropped, ...rest } = settings.custom ?? {};
  const next: ValuationSettings = {
    ...settings,
    ...(lens === 'micro' ? { microPresetId: id } : { fairPresetId: id }),
    custom: rest,
  };
  if (!Object.keys(rest).length) delete next.custom;
  return next;
}

/** A custom hourly amount as typed (a decimal comma accepted), or null when it is not one: empty, negative, 10,000 or more. */
export function parseAmount(text: string): number | null {
  const value = Number(text.replace(',', '.'));
  if (!text.trim() || !Number.isFinite(value) || value < 0 || value >= 10_000) return null;
  return value;
}
