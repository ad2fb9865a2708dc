import { useCallback } from 'preact/hooks';
import { readHealth } from '@/components/health-read';
import { lazyPart } from '@/components/lazy';
import { type Live, useLive } from '@/components/use-live';
import { hasRealActions } from '@/lib/db/empty';
import type { PlatformHealth } from '@/lib/db/health';
import { openDb } from '@/lib/db/open';
import { previousPeriod, summarize } from '@/lib/db/queries';
import { loadValuationSettings } from '@/lib/db/settings';
import { t, userLocale } from '@/lib/i18n';
import { valuate } from '@/lib/valuation';
import { Body, type Data } from './Body';
import { DashLinks } from './DashLinks';
import { RangePicker, useRange } from './RangePicker';

// The parts below the charts come after them (components/lazy.tsx): the first chart waits only for its own code.
const UnreadableNotice = lazyPart(() => import('@/components/UnreadableNotice').then((m) => m.UnreadableNotice));
const LanguageChoice = lazyPart(() => import('@/components/LanguageChoice').then((m) => m.LanguageChoice));
const HeatMap = lazyPart(() => import('./HeatMap').then((m) => m.HeatMap));
const History = lazyPart(() => import('./History').then((m) => m.History));
const Tracking = lazyPart(() => import('./Tracking').then((m) => m.Tracking));
const WeeklySettings = lazyPart(() => import('./WeeklySettings').then((m) => m.WeeklySettings));

/** Reads the dashboard's numbers for `days`. */
async function readData(days: string[]): Promise<Data> {
  const db = openDb();
  const [summary, previous, settings, everCounted] = await Promise.all([
    summarize(db, days),
    summarize(db, previousPeriod(days)),
    loadValuationSettings(db, userLocale()),
    hasRealActions(db),
  ]);
  return { summary, previousTotal: previous.total, valuation: valuate(summary.tallies, settings), everCounted };
}

/**
 * Each platform's health: a read of its own, started once the first numbers are shown, so that the
 * first chart waits neither for its newest-event reads (one per platform), nor for their share of
 * IndexedDB, nor for the detector registry's code (loaded now: wxt.config.ts). Its warnings and
 * details appear when it is read; it reads again on every change.
 */
function useHealth(shown: boolean): Live<PlatformHealth[] | undefined> {
  return useLive(async () => (shown ? readHealth() : undefined), [shown]);
}

export function Dashboard() {
  const range = useRange();
  const { days } = range;
  // Read again for another range and on every stored change; `version` (one per result shown)
  // makes the heat map and the history table read again with the charts.
  const rangeKey = days.join();
  const numbers = useLive(async () => ({ range: rangeKey, data: await readData(days) }), [rangeKey]);
  const { value, version } = numbers;
  // The numbers read before a failed read stay on screen if they are of the range shown; another
  // range's stay only while this one's are being read.
  const data = value && (value.range === rangeKey || numbers.error === undefined) ? value.data : null;
  const health = useHealth(data !== null);
  // A failed read (of the numbers or of the health) is said, with a way to read again.
  const error = numbers.error ?? health.error;
  const failed = error !== undefined;
  const state = failed ? 'error' : data ? 'ready' : 'loading';
  // After the page's own writes (a deletion, a hand entry, a repair: not announced back to the page
  // that made them), and at "Read again": both reads again.
  const { reload: reloadNumbers } = numbers;
  const { reload: reloadHealth } = health;
  const load = useCallback(async () => {
    await Promise.all([reloadNumbers(), reloadHealth()]);
  }, [reloadNumbers, reloadHealth]);

  return (
    <main data-state={state}>
      <header class="dash-head">
        <h1>{t('dashTitle')}</h1>
        <RangePicker {...range} />
      </header>
      {failed && (
        <p role="alert" class="dash-load-error" data-testid="dash-load-error">
          {t('loadError', String(error))}{' '}
          <button type="button" onClick={() => void load()}>
            {t('readAgain')}
          </button>
        </p>
      )}
      {data && <UnreadableNotice onRepaired={load} />}
      {data && <Body data={data} health={health.value ?? []} />}
      {data && <HeatMap days={days} version={version} />}
      {data && <Tracking />}
      {data && <WeeklySettings />}
      {data && (
        <section aria-labelledby="ui-language-title" data-testid="language-settings">
          <h2 id="ui-language-title">{t('uiLangTitle')}</h2>
          <LanguageChoice />
        </section>
      )}
      {data && <History onChange={load} version={version} />}
      <DashLinks />
    </main>
  );
}
