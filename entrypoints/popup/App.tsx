import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { HealthDetails, HealthWarnings } from '@/components/HealthPanel';
import { KindChart } from '@/components/KindChart';
import { ValueCard } from '@/components/ValueCard';
import { healthStatus, type PlatformHealth } from '@/lib/db/health';
import { openDb } from '@/lib/db/open';
import { RANGES, type RangeId, rangeDays, type Summary, summarize } from '@/lib/db/queries';
import { loadValuationSettings } from '@/lib/db/settings';
import { loadTracking } from '@/lib/db/tracking';
import { DETECTORS, detectorFor } from '@/lib/detectors/registry';
import { countOf, formatMoment, formatNumber, type MessageKey, t, userLocale } from '@/lib/i18n';
import { BENEFICIARIES, beneficiaryOf } from '@/lib/taxonomy';
import { type Valuation, valuate } from '@/lib/valuation';

const RANGE_LABEL: Record<RangeId, MessageKey> = { today: 'rangeToday', '7d': 'range7d', '30d': 'range30d' };

type State =
  | { status: 'loading' }
  | { status: 'error'; error: string }
  | {
      status: 'partial' | 'ready';
      summary: Summary;
      valuation: Valuation;
      health: PlatformHealth[];
      storage: StorageProblem | null;
      pausedUntil?: number;
    };

type StorageProblem = { at: number; full: boolean };

/** Asks the background whether its writes are failing; no answer (it is asleep) means they are not. */
async function storageStatus(): Promise<StorageProblem | null> {
  try {
    const reply = (await browser.runtime.sendMessage({ type: 'status' })) as
      | { storageProblem?: StorageProblem | null }
      | undefined;
    return reply?.storageProblem ?? null;
  } catch {
    return null;
  }
}

export function App() {
  const [range, setRange] = useState<RangeId>('7d');
  const [state, setState] = useState<State>({ status: 'loading' });

  const load = useCallback(async () => {
    try {
      const db = openDb();
      // The numbers and the chart first; the health checks and the background's status (which may
      // have to wake the service worker) follow without holding the chart back.
      const [summary, settings, tracking] = await Promise.all([
        summarize(db, rangeDays(range)),
        loadValuationSettings(db, userLocale()),
        loadTracking(db),
      ]);
      const pausedUntil =
        tracking.pausedUntil !== undefined && tracking.pausedUntil > Date.now() ? tracking.pausedUntil : undefined;
      const first = { summary, valuation: valuate(summary.tallies, settings), pausedUntil };
      setState({ status: 'partial', ...first, health: [], storage: null });
      const [health, storage] = await Promise.all([
        healthStatus(
          db,
          DETECTORS.map((d) => d.id),
        ),
        storageStatus(),
      ]);
      setState({ status: 'ready', ...first, health, storage });
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
    <main data-state={state.status}>
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
      {state.status === 'ready' && state.storage && (
        <p role="alert" class="warnings" data-testid="storage-problem">
          {t(state.storage.full ? 'storageFull' : 'storageError', formatMoment(state.storage.at))}
        </p>
      )}
      {state.status !== 'loading' && state.status !== 'error' && state.pausedUntil && (
        <p class="warnings" data-testid="paused">
          {t('trackPaused', formatMoment(state.pausedUntil))}
        </p>
      )}
      {state.status === 'ready' && <HealthWarnings health={state.health} />}
      {(state.status === 'ready' || state.status === 'partial') && <Body summary={state.summary} valuation={state.valuation} />}
      {state.status === 'ready' && <HealthDetails health={state.health} />}
      <footer>
        <a
          href={browser.runtime.getURL('/options.html')}
          onClick={(e) => {
            e.preventDefault();
            browser.runtime.openOptionsPage();
          }}
          data-testid="dashboard-link"
        >
          {t('dashOpen')}
        </a>
        {' · '}
        <a href={browser.runtime.getURL('/practice.html')} target="_blank" rel="noopener" data-testid="practice-link">
          {t('practiceLink')}
        </a>
        {' · '}
        <a href={browser.runtime.getURL('/data.html')} target="_blank" rel="noopener" data-testid="data-link">
          {t('dataLink')}
        </a>
        <p>{t('privacyNote')}</p>
      </footer>
    </main>
  );
}

function Body({ summary, valuation }: { summary: Summary; valuation: Valuation }) {
  if (summary.total === 0) return <Empty />;
  return (
    <>
      <p class="headline" aria-live="polite">
        <span class="label">{t('totalLabel')}</span>
        <strong data-testid="total">{formatNumber(summary.total)}</strong>
      </p>
      <ValueCard valuation={valuation} aboutUrl={browser.runtime.getURL('/about.html')} />
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
