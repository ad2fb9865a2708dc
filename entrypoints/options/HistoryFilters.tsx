import { Options } from '@/components/Options';
import { kindLabel, platformLabel, t } from '@/lib/i18n';
import { KINDS, PLATFORM_IDS } from '@/lib/taxonomy';
import type { HistoryFilter } from './use-history';

/** The history's two filters: by platform (never the practice page) and by kind. */
export function HistoryFilters({ filter, onChange }: { filter: HistoryFilter; onChange: (f: Partial<HistoryFilter>) => void }) {
  return (
    <p class="filters">
      <label>
        {t('colPlatform')}{' '}
        <select
          value={filter.platform}
          onChange={(e) => onChange({ platform: (e.target as HTMLSelectElement).value })}
          data-testid="filter-platform"
        >
          <option value="">{t('filterAll')}</option>
          <Options values={PLATFORM_IDS.filter((p) => p !== 'practice')} label={platformLabel} />
        </select>
      </label>{' '}
      <label>
        {t('colKind')}{' '}
        <select
          value={filter.kind}
          onChange={(e) => onChange({ kind: (e.target as HTMLSelectElement).value })}
          data-testid="filter-kind"
        >
          <option value="">{t('filterAll')}</option>
          <Options values={KINDS} label={kindLabel} />
        </select>
      </label>
    </p>
  );
}
