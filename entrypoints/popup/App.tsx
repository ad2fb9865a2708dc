import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { KindChart } from '@/components/KindChart';
import { openDb } from '@/lib/db/open';
import { RANGES, type RangeId, rangeDays, type Summary, summarize } from '@/lib/db/queries';
import { DETECTORS, detectorFor } from '@/lib/detectors/registry';
import { countOf, formatNumber, type MessageKey, t } from '@/lib/i18n';
import { BENEFICIARIES, beneficiaryOf } from '@/lib/taxonomy';

const RANGE_LABEL: Record<RangeId, MessageKey> = { today: 'rangeToday', '7d': 'range7d', '30d': 'range30d' };

type State = { status: 'loading' } | { status: 'error'; error: string } | { status: 'ready'; summary: Summary };

export function App() {
  const [range, setRange] = useState<RangeId>('7d');
  const [state, setState] = useState<State>({ status: 'loading' });

  const load = useCallback(async () => {
    try {
      setState({ status: 'ready', summary: await summarize(openDb(), rangeDays(range)) });
    } catch (error) {
      setState({ status: 'error', error: String(error) });
    }
  }, [range]);

  useEffect(() => {
    load();
    // The background announces every stored change: redraw while the popup is open.
    const listener = (message: unknown) => {
      if ((message as { type?: string } | null)?.type === 'events-changed') load();
    };
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  }, [load]);

  return (
    <main>
      <header>
        <h1>{t('popupHeading')}</h1>
        <fieldset class="range-picker">
          <legend class="sr-only">{t('rangeLabel')}</legend>
          <div class="ranges">
            {RANGES.map((r) => (
              <button type="button" key={r} aria-pressed={r === range} onClick={() => setRange(r)}>
                {t(RANGE_LABEL[r])}
              </button>
            ))}
          </div>
        </fieldset>
      </header>
      {state.status === 'loading' && <p>{t('loading')}</p>}
      {state.status === 'error' && <p role="alert">{t('loadError', state.error)}</p>}
      {state.status === 'ready' && <Body summary={state.summary} />}
      <footer>{t('privacyNote')}</footer>
    </main>
  );
}

function Body({ summary }: { summary: Summary }) {
  if (summary.total === 0) return <Empty />;
  return (
    <>
      <p class="headline" aria-live="polite">
        <span class="label">{t('totalLabel')}</span>
        <strong data-testid="total">{formatNumber(summary.total)}</strong>
      </p>
      <KindChart summary={summary} />
      <section aria-labelledby="by-platform">
        <h2 id="by-platform">{t('byPlatform')}</h2>
        <ul class="platforms" data-testid="by-platform">
          {summary.byPlatform.map(({ platform, count }) => (
            <li key={platform} data-platform={platform}>
              <span>
                <span class="name">{detectorFor(platform)?.label ?? platform}</span>
                <span class="who">{t('platformReceives', BENEFICIARIES[beneficiaryOf(platform)])}</span>
              </span>
              <span class="count">{countOf('actions', count)}</span>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

function Empty() {
  return (
    <section class="empty" data-testid="empty">
      <h2>{t('emptyTitle')}</h2>
      <p>{t('emptyBody')}</p>
      <ul>
        {DETECTORS.map((d) => (
          <li key={d.id}>{d.label}</li>
        ))}
      </ul>
      <p>{t('emptyHint')}</p>
    </section>
  );
}
