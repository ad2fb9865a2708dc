import { useState } from 'preact/hooks';
import { lazyPart } from '@/components/lazy';
import { useLive } from '@/components/use-live';
import { formatMoment, t } from '@/lib/i18n';
import { Body } from './Body';
import { Footer } from './Footer';
import { type Loaded, type Period, readPopup, type State } from './read';

// What the first numbers and chart do not need comes after them (components/lazy.tsx).
const HealthWarnings = lazyPart(() => import('@/components/HealthPanel').then((m) => m.HealthWarnings));
const HealthDetails = lazyPart(() => import('@/components/HealthPanel').then((m) => m.HealthDetails));
const ManualForm = lazyPart(() => import('@/components/ManualForm').then((m) => m.ManualForm));
const UnreadableNotice = lazyPart(() => import('@/components/UnreadableNotice').then((m) => m.UnreadableNotice));
const WeeklyCard = lazyPart(() => import('@/components/Weekly').then((m) => m.WeeklyCard));
const WeeklyOffer = lazyPart(() => import('@/components/Weekly').then((m) => m.WeeklyOffer));

/** The toolbar popup: the counts of today and the week, their value and chart, notices, the manual form and links. */
export function App() {
  const [range, setRange] = useState<Period>('7d');
  // Read again for the other period and on every stored change (only the latest read draws).
  const live = useLive<Loaded>((early) => readPopup(range, early), [range]);
  const load = live.reload;
  const state: State =
    live.error !== undefined ? { status: 'error', error: String(live.error) } : (live.value ?? { status: 'loading' });

  return (
    <main data-state={state.status}>
      <header>
        <h1>{t('popupHeading')}</h1>
      </header>
      <WeeklyCard />
      <Notices state={state} onRepaired={load} />
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
      <Footer />
    </main>
  );
}

/** Above the numbers: loading, a read that failed, failing writes, unreadable rows, counting paused. */
function Notices({ state, onRepaired }: { state: State; onRepaired: () => void }) {
  return (
    <>
      {state.status === 'loading' && <p>{t('loading')}</p>}
      {state.status === 'error' && <p role="alert">{t('loadError', state.error)}</p>}
      {state.status === 'ready' && state.storage && (
        <p role="alert" class="warnings" data-testid="storage-problem">
          {t(state.storage.full ? 'storageFull' : 'storageError', formatMoment(state.storage.at))}
        </p>
      )}
      {state.status !== 'loading' && <UnreadableNotice onRepaired={onRepaired} />}
      {state.status !== 'loading' && state.status !== 'error' && state.pausedUntil && (
        <p class="warnings" data-testid="paused">
          {t('trackPaused', formatMoment(state.pausedUntil))}
        </p>
      )}
    </>
  );
}
