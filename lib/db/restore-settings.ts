import { type InterfaceLanguage, loadLanguageChoice, saveLanguageChoice } from '../i18n-fallback';
import type { PlatformId } from '../taxonomy';
import { type Rate, resolveRate, type ValuationSettings } from '../valuation';
import { chooseWeekly, modeOf, type NotificationPermissions, type WeeklyMode } from '../weekly/choose';
import { loadWeekly } from '../weekly/store';
import type { FileSettings } from './backup';
import type { ClickworkDB } from './schema';
import { loadValuationSettings, saveValuationSettings } from './settings';
import { countBeyondRetention, loadTracking, publishTracking, type TrackingSettings, writeTracking } from './tracking';

/**
 * The second, separate step of a restore: the settings of the backup file, compared with this
 * browser's one setting at a time. Nothing is applied unless the user ticks it; a retention that
 * would delete actions says how many first.
 */
export type SettingKey =
  | 'microRate'
  | 'fairRate'
  | 'disabled'
  | 'retentionDays'
  | 'privateWindows'
  | 'badge'
  | 'language'
  | 'weekly';

export type SettingValue =
  | { key: 'microRate' | 'fairRate'; rate: Rate }
  | { key: 'disabled'; platforms: PlatformId[] }
  | { key: 'retentionDays'; days: number | undefined }
  | { key: 'privateWindows' | 'badge'; on: boolean }
  | { key: 'language'; lang: InterfaceLanguage | 'browser' }
  | { key: 'weekly'; mode: WeeklyMode };

export interface SettingDifference {
  key: SettingKey;
  current: SettingValue;
  file: SettingValue;
  /** For a retention: how many actions here applying the file's value would delete at once. */
  wouldDelete?: number;
}

type Tracked = Omit<TrackingSettings, 'pausedUntil'>;

function values(
  valuation: ValuationSettings | undefined,
  tracking: Tracked | undefined,
  language: InterfaceLanguage | 'browser' | undefined,
  weekly: WeeklyMode | undefined,
): SettingValue[] {
  const out: SettingValue[] = [];
  if (valuation) {
    out.push({ key: 'microRate', rate: resolveRate(valuation, 'micro') });
    out.push({ key: 'fairRate', rate: resolveRate(valuation, 'fair') });
  }
  if (tracking) {
    out.push({ key: 'disabled', platforms: [...tracking.disabled].sort() });
    out.push({ key: 'retentionDays', days: tracking.retentionDays });
    out.push({ key: 'privateWindows', on: tracking.privateWindows });
    out.push({ key: 'badge', on: tracking.badge === true });
  }
  if (language) out.push({ key: 'language', lang: language });
  if (weekly) out.push({ key: 'weekly', mode: weekly });
  return out;
}

/** Two values of one setting, compared as the user would (a rate by amount, currency and source). */
function same(a: SettingValue, b: SettingValue): boolean {
  const plain = (v: SettingValue) =>
    'rate' in v ? [v.rate.amount, v.rate.currency, v.rate.preset?.id ?? 'custom'] : 'platforms' in v ? v.platforms : v;
  return JSON.stringify(plain(a)) === JSON.stringify(plain(b));
}

/** The settings of the file that differ from this browser's, in a fixed order. */
export async function settingsDifferences(
  db: ClickworkDB,
  file: FileSettings,
  locale: string,
  now = Date.now(),
): Promise<SettingDifference[]> {
  const here = values(
    await loadValuationSettings(db, locale),
    await loadTracking(db),
    (await loadLanguageChoice()) ?? 'browser',
    modeOf(await loadWeekly(db)),
  );
  const out: SettingDifference[] = [];
  for (const theirs of values(file.valuation, file.tracking, file.language, file.weekly)) {
    const mine = here.find((v) => v.key === theirs.key) as SettingValue;
    if (same(mine, theirs)) continue;
    const d: SettingDifference = { key: theirs.key, current: mine, file: theirs };
    if (theirs.key === 'retentionDays' && theirs.days !== undefined)
      d.wouldDelete = await countBeyondRetention(db, theirs.days, now);
    out.push(d);
  }
  return out;
}

/** Without the browser's permissions (a test, a page that cannot ask): a notification is refused. */
const NO_NOTIFICATIONS: NotificationPermissions = {
  contains: async () => false,
  request: async () => false,
  remove: async () => true,
};

/**
 * Applies the file's value of the settings the user ticked, and only those. Returns whether the
 * tracking settings changed (the background must then read them again, and applies retention), and
 * whether a weekly notification was refused (the look back is then a card in the popup). Call it
 * from the user's click: the weekly look back's permission is asked before anything is awaited.
 */
export async function applyFileSettings(
  db: ClickworkDB,
  file: FileSettings,
  keys: readonly SettingKey[],
  locale: string,
  permissions: NotificationPermissions = NO_NOTIFICATIONS,
): Promise<{ trackingChanged: boolean; weeklyRefused: boolean }> {
  const chosen = new Set(keys);
  const weekly = file.weekly && chosen.has('weekly') ? chooseWeekly(db, file.weekly, permissions).answered : undefined;
  // Extension storage is written after the transaction: awaiting another API inside a Dexie
  // transaction can leave it waiting (seen as a restore step that never finished under load).
  const tracking = await db.transaction('rw', db.meta, async () => {
    if (file.valuation && (chosen.has('microRate') || chosen.has('fairRate'))) {
      const v = await loadValuationSettings(db, locale);
      const next: ValuationSettings = { ...v, custom: { ...v.custom } };
      for (const [key, lens, id] of [
        ['microRate', 'micro', 'microPresetId'],
        ['fairRate', 'fair', 'fairPresetId'],
      ] as const) {
        if (!chosen.has(key)) continue;
        next[id] = file.valuation[id];
        const custom = file.valuation.custom?.[lens];
        if (custom) (next.custom as NonNullable<ValuationSettings['custom']>)[lens] = custom;
        else delete next.custom?.[lens];
      }
      if (!Object.keys(next.custom ?? {}).length) delete next.custom;
      await saveValuationSettings(db, next);
    }
    const t = file.tracking;
    const trackingKeys = (['disabled', 'retentionDays', 'privateWindows', 'badge'] as const).filter((k) => chosen.has(k));
    if (!t || !trackingKeys.length) return undefined;
    const next: TrackingSettings = { ...(await loadTracking(db)) };
    if (chosen.has('disabled')) next.disabled = [...t.disabled];
    if (chosen.has('retentionDays')) next.retentionDays = t.retentionDays;
    if (chosen.has('privateWindows')) next.privateWindows = t.privateWindows;
    if (chosen.has('badge')) next.badge = t.badge === true;
    return writeTracking(db, next);
  });
  if (tracking) await publishTracking(tracking);
  // Open extension pages follow a new interface language by themselves (onLanguageChanged).
  if (file.language && chosen.has('language')) await saveLanguageChoice(file.language === 'browser' ? undefined : file.language);
  return { trackingChanged: tracking !== undefined, weeklyRefused: weekly ? (await weekly).refused : false };
}
