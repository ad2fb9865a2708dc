import { countOf, formatDay, formatDuration, formatNumber, kindLabel, platformLabel, t } from '@/lib/i18n';
import type { ExportRow } from '@/lib/research/format';
import { spanLabel } from './Disclosure';

const hourOf = (row: ExportRow) => `${String(row.hour).padStart(2, '0')}:00`;

/** The rows of a study file, each with a box to keep it in (checked) or leave it out. */
export function ReviewTable({
  visible,
  hourly,
  dropped,
  setMany,
}: {
  visible: { row: ExportRow; i: string }[];
  hourly: boolean;
  dropped: Set<string>;
  setMany: (keys: string[], drop: boolean) => void;
}) {
  return (
    <table data-testid="review-table">
      <caption class="sr-only">{t('reviewCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('reviewKeep')}</th>
          <th scope="col">{t('tableDay')}</th>
          {hourly && <th scope="col">{t('reviewHour')}</th>}
          <th scope="col">{t('colPlatform')}</th>
          <th scope="col">{t('colKind')}</th>
          <th scope="col">{t('colDetail')}</th>
          <th scope="col" class="num">
            {t('reviewCount')}
          </th>
          <th scope="col" class="num">
            {t('reviewMeasured')}
          </th>
        </tr>
      </thead>
      <tbody>
        {visible.map(({ row, i }) => (
          <ReviewRow key={i} row={row} hourly={hourly} dropped={dropped.has(i)} keep={(on) => setMany([i], !on)} />
        ))}
      </tbody>
    </table>
  );
}

/** One row, with its box: checked keeps it in the file. */
function ReviewRow({
  row,
  hourly,
  dropped,
  keep,
}: {
  row: ExportRow;
  hourly: boolean;
  dropped: boolean;
  keep: (on: boolean) => void;
}) {
  return (
    <tr class={dropped ? 'dropped' : ''}>
      <td>
        <input
          type="checkbox"
          checked={!dropped}
          aria-label={t('reviewKeepRow', spanLabel(row), platformLabel(row.platform), kindLabel(row.kind), row.detail)}
          onChange={(e) => keep((e.target as HTMLInputElement).checked)}
          data-testid="review-keep"
        />
      </td>
      <td data-testid="review-span">{row.grain === 'hour' ? formatDay(row.day) : spanLabel(row)}</td>
      {hourly && <td>{row.grain === 'hour' ? hourOf(row) : ''}</td>}
      <td>{platformLabel(row.platform)}</td>
      <td>{kindLabel(row.kind)}</td>
      <td>{row.detail}</td>
      <td class="num">
        {formatNumber(row.count)}
        {row.manual_count > 0 && <span class="tag manual">{countOf('manualOfPlatform', row.manual_count)}</span>}
      </td>
      <td class="num">{row.measured_count ? formatDuration(row.measured_seconds) : '—'}</td>
    </tr>
  );
}
