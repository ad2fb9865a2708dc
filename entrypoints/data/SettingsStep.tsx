import { useEffect, useState } from 'preact/hooks';
import { rateLabel } from '@/components/ValueCard';
import type { FileSettings } from '@/lib/db/backup';
import { openDb } from '@/lib/db/open';
import {
  applyFileSettings,
  type SettingDifference,
  type SettingKey,
  type SettingValue,
  settingsDifferences,
} from '@/lib/db/restore-settings';
import { formatNumber, type MessageKey, platformLabel, t, userLocale } from '@/lib/i18n';
import { announce } from '@/lib/page-messages';

/** One setting's value in words, in the UI language. */
function inWords(v: SettingValue): string {
  if ('rate' in v) return rateLabel(v.rate);
  if ('platforms' in v) return v.platforms.length ? v.platforms.map(platformLabel).join(', ') : t('settingNone');
  if ('days' in v) return v.days === undefined ? t('retentionForever') : t('retentionDays', formatNumber(v.days));
  if ('lang' in v)
    return v.lang === 'browser' ? t('settingLanguageBrowser') : t(v.lang === 'fr' ? 'uiLangFrench' : 'uiLangEnglish');
  return t(v.on ? 'settingOn' : 'settingOff');
}

const settingName = (key: SettingKey) => t(`setting_${key}` as MessageKey);

/** What applying the file's retention would delete now, said before anything is ticked. */
function RetentionWarning({ d }: { d: SettingDifference }) {
  if (d.file.key !== 'retentionDays' || d.file.days === undefined) return null;
  const days = formatNumber(d.file.days);
  return d.wouldDelete ? (
    <p class="error" data-testid="retention-warning">
      {t('restoreRetentionWarning', formatNumber(d.wouldDelete), days)}
    </p>
  ) : (
    <p data-testid="retention-warning">{t('restoreRetentionNoLoss', days)}</p>
  );
}

/** One setting: its name, this browser's value, the file's (with a retention's warning), a box. */
function DiffRow({ d, ticked, onTick }: { d: SettingDifference; ticked: boolean; onTick: (on: boolean) => void }) {
  return (
    <tr data-setting={d.key}>
      <th scope="row">{settingName(d.key)}</th>
      <td>{inWords(d.current)}</td>
      <td>
        {inWords(d.file)}
        <RetentionWarning d={d} />
      </td>
      <td>
        <input
          type="checkbox"
          checked={ticked}
          aria-label={t('restoreApplyLabel', settingName(d.key))}
          onChange={(e) => onTick((e.target as HTMLInputElement).checked)}
        />
      </td>
    </tr>
  );
}

/**
 * The restore's second step, apart from the merge: the file's settings that differ from this
 * browser's, each with a box left unticked; only the ticked ones are applied.
 */
export function SettingsStep({ settings }: { settings: FileSettings }) {
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
    const { trackingChanged } = await applyFileSettings(openDb(), settings, keys, userLocale());
    // The background reads the tracking choices again (and applies a retention now chosen).
    if (trackingChanged) announce('tracking-changed');
    setStatus(t('restoreApplied', keys.map(settingName).join(', ')));
    setTicked(new Set());
    await compare();
  };

  const tick = (key: SettingKey, on: boolean) => {
    const next = new Set(ticked);
    if (on) next.add(key);
    else next.delete(key);
    setTicked(next);
  };

  if (!diffs) return null;
  return (
    <section aria-labelledby="restore-settings" data-testid="settings-step">
      <h2 id="restore-settings">{t('restoreSettingsTitle')}</h2>
      {diffs.length === 0 ? (
        <p data-testid="settings-same">{t('restoreSettingsSame')}</p>
      ) : (
        <>
          <p>{t('restoreSettingsIntro')}</p>
          <table data-testid="settings-diff">
            <thead>
              <tr>
                <th scope="col">{t('restoreColSetting')}</th>
                <th scope="col">{t('restoreColHere')}</th>
                <th scope="col">{t('restoreColFile')}</th>
                <th scope="col">{t('restoreColApply')}</th>
              </tr>
            </thead>
            <tbody>
              {diffs.map((d) => (
                <DiffRow key={d.key} d={d} ticked={ticked.has(d.key)} onTick={(on) => tick(d.key, on)} />
              ))}
            </tbody>
          </table>
          <p>
            <button type="button" onClick={apply} data-testid="apply-settings">
              {t('restoreApply')}
            </button>
          </p>
        </>
      )}
      <p role="status" data-testid="settings-status">
        {status}
      </p>
    </section>
  );
}
