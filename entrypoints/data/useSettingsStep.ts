import { useEffect, useState } from 'preact/hooks';
import { notificationPermissions } from '@/components/Weekly';
import type { FileSettings } from '@/lib/db/backup';
import { openDb } from '@/lib/db/open';
import { applyFileSettings, type SettingDifference, type SettingKey, settingsDifferences } from '@/lib/db/restore-settings';
import { t, userLocale } from '@/lib/i18n';
import { announce } from '@/lib/page-messages';
import { settingName } from './setting-words';

/**
 * The file's settings that differ from this browser's (null until compared), which are ticked, and
 * applying the ticked ones only (then comparing again); `status` says what was applied.
 */
export function useSettingsStep(settings: FileSettings) {
  const [diffs, setDiffs] = useState<SettingDifference[] | null>(null);
  const [ticked, setTicked] = useState<Set<SettingKey>>(new Set());
  const [status, setStatus] = useState('');
  const compare = () => settingsDifferences(openDb(), settings, userLocale()).then(setDiffs);
  useEffect(() => {
    compare();
  }, [settings]);

  const apply = async () => {
    const keys = diffs?.filter((d) => ticked.has(d.key)).map((d) => d.key) ?? [];
    if (!keys.length) return setStatus(t('restoreAppliedNone'));
    const { trackingChanged, weeklyRefused } = await applyFileSettings(
      openDb(),
      settings,
      keys,
      userLocale(),
      notificationPermissions,
    );
    // The background reads the tracking choices again (and applies a retention now chosen).
    if (trackingChanged) announce('tracking-changed');
    const applied = t('restoreApplied', keys.map(settingName).join(', '));
    setStatus(weeklyRefused ? `${applied} ${t('weeklyNotifyRefused')}` : applied);
    setTicked(new Set());
    await compare();
  };

  const tick = (key: SettingKey, on: boolean) => {
    const next = new Set(ticked);
    if (on) next.add(key);
    else next.delete(key);
    setTicked(next);
  };

  return { diffs, ticked, status, apply, tick };
}
