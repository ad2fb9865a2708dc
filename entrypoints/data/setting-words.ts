import { rateLabel } from '@/components/ValueCard';
import type { SettingKey, SettingValue } from '@/lib/db/restore-settings';
import { formatNumber, type MessageKey, platformLabel, t } from '@/lib/i18n';

/** One setting's value in words, in the UI language. */
export function inWords(v: SettingValue): string {
  if ('rate' in v) return rateLabel(v.rate);
  if ('platforms' in v) return v.platforms.length ? v.platforms.map(platformLabel).join(', ') : t('settingNone');
  if ('days' in v) return v.days === undefined ? t('retentionForever') : t('retentionDays', formatNumber(v.days));
  if ('mode' in v) return t(v.mode === 'off' ? 'settingOff' : v.mode === 'card' ? 'settingWeeklyCard' : 'weeklyNotify');
  if ('lang' in v)
    return v.lang === 'browser' ? t('settingLanguageBrowser') : t(v.lang === 'fr' ? 'uiLangFrench' : 'uiLangEnglish');
  return t(v.on ? 'settingOn' : 'settingOff');
}

/** A setting's name, in the UI language. */
export const settingName = (key: SettingKey) => t(`setting_${key}` as MessageKey);
