import { useState } from 'preact/hooks';
import { beneficiaryLabel, formatDuration, formatNumber, kindLabel, t } from '@/lib/i18n';
import type { DetailRow } from '@/lib/research/class';
import { platformLabel } from './labels';

/**
 * Every platform × kind × detail line, behind a disclosure; its rows (hundreds for a year of
 * many platforms) are only drawn once it is opened, so that the totals appear without blocking.
 */
export function AllLines({ rows }: { rows: DetailRow[] }) {
  const [open, setOpen] = useState(false);
  return (
    <section aria-labelledby="all-lines">
      <details onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
        <summary>
          <h2 id="all-lines">{t('classAllLines')}</h2>
        </summary>
        <table data-testid="all-lines">
          <thead>
            <tr>
              <th scope="col">{t('colPlatform')}</th>
              <th scope="col">{t('classColCompany')}</th>
              <th scope="col">{t('colKind')}</th>
              <th scope="col">{t('colDetail')}</th>
              <th scope="col" class="num">
                {t('classColActions')}
              </th>
              <th scope="col" class="num">
                {t('classColTimed')}
              </th>
              <th scope="col" class="num">
                {t('colMeasuredTime')}
              </th>
              <th scope="col" class="num">
                {t('classColParticipants')}
              </th>
            </tr>
          </thead>
          <tbody>
            {(open ? rows : []).map((r) => (
              <tr key={`${r.platform}|${r.kind}|${r.detail}`}>
                <th scope="row">{platformLabel(r.platform)}</th>
                <td>{beneficiaryLabel(r.beneficiary)}</td>
                <td>{kindLabel(r.kind)}</td>
                <td>{r.detail}</td>
                <td class="num">{formatNumber(r.count)}</td>
                <td class="num">{formatNumber(r.measured_count)}</td>
                <td class="num">{r.measured_seconds ? formatDuration(r.measured_seconds) : '—'}</td>
                <td class="num">{formatNumber(r.participants)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
