import type { ComponentChildren } from 'preact';
import { formatDuration, formatNumber, kindLabel, t } from '@/lib/i18n';
import { KINDS } from '@/lib/taxonomy';
import type { Totals } from './live';

/** The projector view: the totals, large, following the page live. */
export function Presentation({ totals, bar }: { totals: Totals | null; bar: ComponentChildren }) {
  return (
    <main class="present" data-testid="presentation">
      {bar}
      <h1>{t('practiceTotals')}</h1>
      <p class="big" data-testid="present-total">
        {formatNumber(totals?.total ?? 0)}
      </p>
      <p class="big-sub" data-testid="present-time">
        {t('practicePresentTime', formatDuration(totals?.seconds ?? 0))}
      </p>
      <ul class="tiles">
        {KINDS.map((k) => (
          <li key={k} data-kind={k}>
            <span class="n">{formatNumber(totals?.byKind[k] ?? 0)}</span>
            <span class="k">{kindLabel(k)}</span>
          </li>
        ))}
      </ul>
    </main>
  );
}
