import { browser } from 'wxt/browser';
import { EmptyState } from '@/components/EmptyState';
import { KindChart } from '@/components/KindChart';
import { ValueCard } from '@/components/ValueCard';
import { emptyState } from '@/lib/db/empty';
import type { Summary } from '@/lib/db/queries';
import { beneficiaryLabel, countOf, formatNumber, type MessageKey, platformLabel, t } from '@/lib/i18n';
import { beneficiaryOf } from '@/lib/taxonomy';
import type { Valuation } from '@/lib/valuation';
import type { Period } from './read';

const PERIODS: readonly Period[] = ['today', '7d'];
const PERIOD_LABEL: Record<Period, MessageKey> = { today: 'rangeToday', '7d': 'range7d' };

/** The popup's numbers: today and the week side by side, then the chosen period's value, chart and platforms. */
export function Body(props: {
  totals: Record<Period, number>;
  range: Period;
  setRange: (r: Period) => void;
  summary: Summary;
  valuation: Valuation;
  everCounted: boolean;
}) {
  const { totals, range, setRange, summary, valuation } = props;
  const empty = emptyState(totals['7d'], props.everCounted);
  if (empty) return <EmptyState state={empty} where="popup" />;
  return (
    <>
      {/* Today and the week side by side; the one pressed is the period shown below. */}
      <fieldset class="headline">
        <legend>{t('totalLabel')}</legend>
        <div class="periods" aria-live="polite">
          {PERIODS.map((r) => (
            <button type="button" key={r} aria-pressed={r === range} onClick={() => setRange(r)} data-testid={`period-${r}`}>
              <span class="label">{t(PERIOD_LABEL[r])}</span>
              <strong data-testid={r === range ? 'total' : undefined}>{formatNumber(totals[r])}</strong>
            </button>
          ))}
        </div>
      </fieldset>
      {summary.total === 0 ? (
        <p data-testid="none-today">{t('popupNoneToday')}</p>
      ) : (
        <Details summary={summary} valuation={valuation} />
      )}
    </>
  );
}

/** The chosen period's value, chart, and platforms with the company each one's work goes to. */
function Details({ summary, valuation }: { summary: Summary; valuation: Valuation }) {
  return (
    <>
      <ValueCard valuation={valuation} aboutUrl={browser.runtime.getURL('/about.html')} />
      <KindChart summary={summary} />
      <section aria-labelledby="by-platform">
        <h2 id="by-platform">{t('byPlatform')}</h2>
        <ul class="platforms" data-testid="by-platform">
          {summary.byPlatform.map(({ platform, count }) => (
            <li key={platform} data-platform={platform}>
              <span>
                <span class="name">{platformLabel(platform)}</span>
                <span class="who">{t('platformReceives', beneficiaryLabel(beneficiaryOf(platform)))}</span>
              </span>
              <span class="count">{countOf('actions', count)}</span>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
