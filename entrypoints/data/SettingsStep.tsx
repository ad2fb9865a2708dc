import type { FileSettings } from '@/lib/db/backup';
import type { SettingDifference, SettingKey } from '@/lib/db/restore-settings';
import { t } from '@/lib/i18n';
import { DiffRow } from './DiffRow';
import { useSettingsStep } from './useSettingsStep';

interface DiffTableProps {
  diffs: SettingDifference[];
  ticked: Set<SettingKey>;
  tick: (key: SettingKey, on: boolean) => void;
  apply: () => void;
}

/** The differing settings, one row and one box each, and the button applying the ticked ones. */
function DiffTable({ diffs, ticked, tick, apply }: DiffTableProps) {
  return (
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
  );
}

/**
 * The restore's second step, apart from the merge: the file's settings that differ from this
 * browser's, each with a box left unticked; only the ticked ones are applied.
 */
export function SettingsStep({ settings }: { settings: FileSettings }) {
  const { diffs, ticked, status, apply, tick } = useSettingsStep(settings);
  if (!diffs) return null;
  return (
    <section aria-labelledby="restore-settings" data-testid="settings-step">
      <h2 id="restore-settings">{t('restoreSettingsTitle')}</h2>
      {diffs.length === 0 ? (
        <p data-testid="settings-same">{t('restoreSettingsSame')}</p>
      ) : (
        <DiffTable diffs={diffs} ticked={ticked} tick={tick} apply={apply} />
      )}
      <p role="status" data-testid="settings-status">
        {status}
      </p>
    </section>
  );
}
