import { formatDuration, formatNumber, t } from '@/lib/i18n';
import type { ChartLine } from './chart-config';

/** A chart's lines as a table behind a disclosure: actions, participants and measured time. */
export function ChartTable({ lines, testId }: { lines: ChartLine[]; testId: string }) {
  return (
    <details>
      <summary>{t('showTable')}</summary>
      <table data-testid={`${testId}-table`}>
        <thead>
          <tr>
            <th scope="col">{t('classColName')}</th>
            <th scope="col" class="num">
              {t('classColActions')}
            </th>
            <th scope="col" class="num">
              {t('classColParticipants')}
            </th>
            <th scope="col" class="num">
              {t('colMeasuredTime')}
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.key} data-key={l.key}>
              <th scope="row">{l.label}</th>
              <td class="num" data-count={l.count}>
                {formatNumber(l.count)}
              </td>
              <td class="num">{formatNumber(l.participants)}</td>
              <td class="num">{l.measuredSeconds ? formatDuration(l.measuredSeconds) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
