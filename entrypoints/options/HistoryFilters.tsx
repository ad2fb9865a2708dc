import { Options } from '@/components/Options';
import { kindLabel, platformLabel, t } from '@/lib/i18n';
import { KINDS, PLATFORM_IDS } from '@/lib/taxonomy';
import type { HistoryFilter } from './use-history';

/** The history's two filters: by platform (never the practice page) and by kind. */
export function HistoryFilters({ filter, onChange }: { filter: HistoryFilter; onChange: (f: Partial<HistoryFilter>) => void }) {
  return (
    <p class="filters">
      <Filter
        label={t('colPlatform')}
        value={filter.platform}
        onChange={(platform) => onChange({ platform })}
        testId="filter-platform"
        values={PLATFORM_IDS.filter((p) => p !== 'practice')}
        optionLabel={platformLabel}
      />{' '}
      <Filter
        label={t('colKind')}
        value={filter.kind}
        onChange={(kind) => onChange({ kind })}
        testId="filter-kind"
        values={KINDS}
        optionLabel={kindLabel}
      />
    </p>
  );
}

/** One filter: "All" or one of `values`. */
function Filter<T extends string>(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  testId: string;
  values: readonly T[];
  optionLabel: (value: T) => string;
}) {
  return (
    <label>
      {props.label}{' '}
      <select
        value={props.value}
        onChange={(e) => props.onChange((e.target as HTMLSelectElement).value)}
        data-testid={props.testId}
      >
        <option value="">{t('filterAll')}</option>
        <Options values={props.values} label={props.optionLabel} />
      </select>
    </label>
  );
}
