import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { EmptyState } from '@/components/EmptyState';
import { HealthDetails, HealthWarnings } from '@/components/HealthPanel';
import { KindChart } from '@/components/KindChart';
import { ManualForm } from '@/components/ManualForm';
import { UnreadableNotice } from '@/components/UnreadableNotice';
import { useLive } from '@/components/use-live';
import { ValueCard } from '@/components/ValueCard';
import { WeeklyCard, WeeklyOffer } from '@/components/Weekly';
import { emptyState, hasRealActions } from '@/lib/db/empty';
import { healthStatus, type PlatformHealth } from '@/lib/db/health';
import { openDb } from '@/lib/db/open';
import { rangeDays, type Summary, summarize } from '@/lib/db/queries';
import { loadValuationSettings } from '@/lib/db/settings';
import { loadTracking } from '@/lib/db/tracking';
import { DETECTORS } from '@/lib/detectors/registry';
import { beneficiaryLabel, countOf, formatMoment, formatNumber, type MessageKey, platformLabel, t, userLocale } from '@/lib/i18n';
import { ask } from '@/lib/page-messages';
import { beneficiaryOf } from '@/lib/taxonomy';
import { type Valuation, valuate } from '@/lib/valuation';

/**
 * The headline's two periods, as the dashboard's "Today" and "Week" ranges: today, and the 7 days
 * ending today. Each is also the period the rest of the popup shows.
 */
type Period = 'today' | '7d';
const PERIODS: readonly Period[] = ['today', '7d'];
const PERIOD_LABEL: Record<Period, MessageKey> = { today: 'rangeToday', '7d': 'range7d' };

type State =
  | { status: 'loading' }
  | { status: 'error'; error: string }
  | {
      status: 'partial' | 'ready';
      /** Totals of the headline's periods. */
      totals: Record<Period, number>;
      /** The chosen period's numbers. */
      summary: Summary;
      valuation: Valuation;
      health: PlatformHealth[];
      storage: StorageProblem | null;
      pausedUntil?: number;
      /** Whether any real action is kept at all (an empty week then says where the others are). */
      everCounted: boolean;
    };

/** What a read shows: its numbers first, then with the health checks. */
type Loaded = Extract<State, { status: 'partial' | 'ready' }>;

type StorageProblem = { at: number; full: boolean };

/** Asks the background whether its writes are failing; no answer (it is asleep) means they are not. */
async function storageStatus(): Promise<StorageProblem | null> {
  return (await ask('status'))?.storageProblem ?? null;
}

export function App() {
  const [range, setRange] = useState<Period>('7d');
  // Read again for the other period and on every stored change (only the latest read draws).
  const live = useLive<Loaded>(
    async (early) => {
      const db = openDb();
      // The numbers and the chart first; the health checks and the background's status (which may
      // have to wake the service worker) follow without holding the chart back.
      // The week's per-day rollup gives both headline numbers (today is its last day): with the
      // week chosen, as when the popup opens, one read draws everything.
      const [week, today, settings, tracking, everCounted] = await Promise.all([
        summarize(db, rangeDays('7d')),
        range === 'today' ? summarize(db, rangeDays('today')) : null,
        loadValuationSettings(db, userLocale()),
        loadTracking(db),
        hasRealActions(db),
      ]);
      const summary = today ?? week;
      const lastDay: Record<string, number> = week.perDay.at(-1) ?? {};
      const totals = { today: Object.values(lastDay).reduce((n, c) => n + c, 0), '7d': week.total };
      const pausedUntil =
        tracking.pausedUntil !== undefined && tracking.pausedUntil > Date.now() ? tracking.pausedUntil : undefined;
      const first = { totals, summary, valuation: valuate(summary.tallies, settings), pausedUntil, everCounted };
      early({ status: 'partial', ...first, health: [], storage: null });
      const [health, storage] = await Promise.all([
        healthStatus(
          db,
          DETECTORS.map((d) => d.id),
        ),
        storageStatus(),
      ]);
      return { status: 'ready', ...first, health, storage };
    },
    [range],
  );
  const load = live.reload;
  const state: State =
    live.error !== undefined ? { status: 'error', error: String(live.error) } : (live.value ?? { status: 'loading' });

  return (
    <main data-state={state.status}>
      <header>
        <h1>{t('popupHeading')}</h1>
      </header>
      <WeeklyCard />
      {state.status === 'loading' && <p>{t('loading')}</p>}
      {state.status === 'error' && <p role="alert">{t('loadError', state.error)}</p>}
      {state.status === 'ready' && state.storage && (
        <p role="alert" class="warnings" data-testid="storage-problem">
          {t(state.storage.full ? 'storageFull' : 'storageError', formatMoment(state.storage.at))}
        </p>
      )}
      {state.status !== 'loading' && <UnreadableNotice onRepaired={load} />}
      {state.status !== 'loading' && state.status !== 'error' && state.pausedUntil && (
        <p class="warnings" data-testid="paused">
          {t('trackPaused', formatMoment(state.pausedUntil))}
        </p>
      )}
      {state.status === 'ready' && <HealthWarnings health={state.health} />}
      {(state.status === 'ready' || state.status === 'partial') && (
        <Body
          totals={state.totals}
          range={range}
          setRange={setRange}
          summary={state.summary}
          valuation={state.valuation}
          everCounted={state.everCounted}
        />
      )}
      {state.status === 'ready' && <HealthDetails health={state.health} />}
      <details class="manual" data-testid="manual-popup">
        <summary>{t('manualOpen')}</summary>
        <p class="hint">{t('manualHint')}</p>
        <ManualForm id="popup-manual" onDone={() => load()} />
      </details>
      <WeeklyOffer />
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
        {' · '}
        <a href={browser.runtime.getURL('/welcome.html')} target="_blank" rel="noopener" data-testid="welcome-link">
          {t('welcomeLink')}
        </a>
        <p>
          {t('privacyNote')}{' '}
          <a href={browser.runtime.getURL('/privacy.html')} target="_blank" rel="noopener" data-testid="privacy-link">
            {t('privacyLink')}
          </a>
        </p>
      </footer>
    </main>
  );
}

function Body(props: {
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
