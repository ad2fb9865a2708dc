import { countOf, formatDuration, formatMoney, formatNumber, type MessageKey, t } from '@/lib/i18n';
import type { Valuation } from '@/lib/valuation';
import type { Currency } from '@/lib/valuation/sources';

type Provenance = 'measured' | 'estimated' | 'partly' | 'stated';

const TAG_KEY: Record<Provenance, MessageKey> = {
  measured: 'tagMeasured',
  estimated: 'tagEstimated',
  partly: 'tagPartly',
  stated: 'tagStated',
};

function provenance(v: Valuation): Provenance {
  // A time the user stated is not a measurement, nor an estimate of ours.
  const sources = [v.measured.count, v.stated.count, v.estimated.count].filter((n) => n > 0).length;
  if (sources > 1) return 'partly';
  if (v.measured.count > 0) return 'measured';
  return v.stated.count > 0 ? 'stated' : 'estimated';
}

function Tag({ p }: { p: Provenance }) {
  return <span class={`tag ${p}`}>{t(TAG_KEY[p])}</span>;
}

/** A rate in words: its source (or "your own rate") and its amount per hour. */
export function rateLabel(rate: Valuation['fair']['rate']): string {
  return t('valueRate', rate.preset ? t(rate.preset.name) : t('rate_custom'), formatMoney(rate.amount, rate.currency));
}

/**
 * Time given and what it would have earned through each lens; every figure says whether it was
 * measured or estimated, and links to where its rate comes from.
 */
export function ValueCard({ valuation: v, aboutUrl }: { valuation: Valuation; aboutUrl: string }) {
  const p = provenance(v);
  const market = (Object.entries(v.market.amounts) as [Currency, number][]).map(([c, a]) => formatMoney(a, c)).join(' + ');
  return (
    <section class="value" aria-labelledby="value-title" data-testid="value">
      <div class="value-row">
        <span class="label">{t('timeGiven')}</span>
        <strong data-testid="time-given">{formatDuration(v.seconds)}</strong>
        <Tag p={p} />
      </div>
      {p === 'partly' && v.measured.count > 0 && (
        <p class="split" data-testid="time-split">
          {t('timeSplit', formatDuration(v.measured.seconds), formatDuration(v.estimated.seconds))}
        </p>
      )}
      {v.manualCount > 0 && (
        <p class="split" data-testid="manual-split">
          <span class="tag manual">{t('handEntered')}</span>{' '}
          {countOf('valueManual', v.manualCount, formatDuration(v.stated.seconds))}
        </p>
      )}
      <h2 id="value-title">{t('valueTitle')}</h2>
      <ul class="values">
        <AtRate lens="fair" v={v} p={p} aboutUrl={aboutUrl} />
        <AtRate lens="micro" v={v} p={p} aboutUrl={aboutUrl} />
        <li data-testid="value-market">
          <strong>{market || formatMoney(0, 'EUR')}</strong> {t('valueMarket')} <Tag p="estimated" />
          {v.market.unpricedCount > 0 && (
            <a class="rate" href={`${aboutUrl}#market`} target="_blank" rel="noopener">
              {t('valueUnpriced', formatNumber(v.market.unpricedCount))}
            </a>
          )}
        </li>
      </ul>
      <a href={aboutUrl} target="_blank" rel="noopener" data-testid="about-link">
        {t('aboutNumbers')} →
      </a>
    </section>
  );
}

const LENS_KEY: Record<'fair' | 'micro', MessageKey> = { fair: 'valueFair', micro: 'valueMicro' };

/** What the time would have earned through a lens with an hourly rate, and where that rate comes from. */
function AtRate({ lens, v, p, aboutUrl }: { lens: 'fair' | 'micro'; v: Valuation; p: Provenance; aboutUrl: string }) {
  const { amount, rate } = v[lens];
  return (
    <li data-testid={`value-${lens}`}>
      <strong>{formatMoney(amount, rate.currency)}</strong> {t(LENS_KEY[lens])} <Tag p={p} />
      <a class="rate" href={`${aboutUrl}#rates`} target="_blank" rel="noopener">
        {rateLabel(rate)}
      </a>
    </li>
  );
}
