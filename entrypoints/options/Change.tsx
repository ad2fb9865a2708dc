import { countOf, t, uiLanguage } from '@/lib/i18n';

/** The period's total against the period before it, as a percentage. */
export function Change({ now, before }: { now: number; before: number }) {
  if (before === 0) return <p class="compare">{t('dashNoCompare')}</p>;
  const pct = new Intl.NumberFormat(uiLanguage(), {
    style: 'percent',
    signDisplay: 'exceptZero',
    maximumFractionDigits: 0,
  }).format((now - before) / before);
  return (
    <p class="compare" data-testid="compare">
      {t('dashCompare', pct, countOf('actions', before))}
    </p>
  );
}
