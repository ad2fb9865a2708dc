import { formatNumber, t } from '@/lib/i18n';

/** A labelled horizontal bar per row, with the number written out: readable without the bar. */
export function Bars({ rows, testId }: { rows: { key: string; label: string; sub?: string; count: number }[]; testId: string }) {
  const max = Math.max(1, ...rows.map((r) => r.count));
  if (!rows.length) return <p>{t('dashNone')}</p>;
  return (
    <ul class="bars" data-testid={testId}>
      {rows.map((r) => (
        <li key={r.key}>
          <span class="bar-label">
            {r.label}
            {r.sub && <span class="who"> {r.sub}</span>}
          </span>
          <span class="bar-track" aria-hidden="true">
            <span class="bar-fill" style={{ width: `${(100 * r.count) / max}%` }} />
          </span>
          <span class="bar-value">{formatNumber(r.count)}</span>
        </li>
      ))}
    </ul>
  );
}
