import { platformLabel, t } from '@/lib/i18n';
import type { PlatformId } from '@/lib/taxonomy';

/** Show one platform's rows, and leave out (or keep) every row shown. */
export function ReviewFilter({
  platforms,
  platform,
  choose,
  setShown,
}: {
  platforms: PlatformId[];
  platform: PlatformId | '';
  choose: (p: PlatformId | '') => void;
  setShown: (drop: boolean) => void;
}) {
  return (
    <p class="actions">
      <label>
        {t('reviewFilter')}{' '}
        <select value={platform} onChange={(e) => choose((e.target as HTMLSelectElement).value as PlatformId | '')}>
          <option value="">{t('reviewAllPlatforms')}</option>
          {platforms.map((p) => (
            <option key={p} value={p}>
              {platformLabel(p)}
            </option>
          ))}
        </select>
      </label>{' '}
      <button type="button" onClick={() => setShown(true)}>
        {t('reviewDropShown')}
      </button>{' '}
      <button type="button" onClick={() => setShown(false)}>
        {t('reviewKeepShown')}
      </button>
    </p>
  );
}
