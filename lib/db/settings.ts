import { sanitizeSettings, type ValuationSettings } from '../valuation';
import type { ClickworkDB } from './schema';

const KEY = 'valuation';

/** The user's rate choices, or the defaults for their locale. */
export async function loadValuationSettings(db: ClickworkDB, locale: string): Promise<ValuationSettings> {
  const row = await db.meta.get(KEY);
  return sanitizeSettings(row?.value, locale);
}

export async function saveValuationSettings(db: ClickworkDB, settings: ValuationSettings): Promise<void> {
  await db.meta.put({ key: KEY, value: settings });
}

export async function resetValuationSettings(db: ClickworkDB): Promise<void> {
  await db.meta.delete(KEY);
}
