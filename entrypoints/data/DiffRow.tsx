import type { SettingDifference } from '@/lib/db/restore-settings';
import { formatNumber, t } from '@/lib/i18n';
import { inWords, settingName } from './setting-words';

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
export function DiffRow({ d, ticked, onTick }: { d: SettingDifference; ticked: boolean; onTick: (on: boolean) => void }) {
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
