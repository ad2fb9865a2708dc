import { readHealth } from '@/components/health-read';
import { hasRealActions } from '@/lib/db/empty';
import type { PlatformHealth } from '@/lib/db/health';
import { openDb } from '@/lib/db/open';
import { rangeDays, type Summary, summarize } from '@/lib/db/queries';
import { loadValuationSettings } from '@/lib/db/settings';
import { loadTracking, type TrackingSettings } from '@/lib/db/tracking';
import { userLocale } from '@/lib/i18n';
import { ask, onEventsChanged } from '@/lib/page-messages';
import { type Valuation, valuate } from '@/lib/valuation';

/**
 * The headline's two periods, as the dashboard's "Today" and "Week" ranges: today, and the 7 days
 * ending today. Each is also the period the rest of the popup shows.
 */
export type Period = 'today' | '7d';

export type StorageProblem = { at: number; full: boolean };

/** What a read shows: its numbers first ('partial'), then with the health checks ('ready'). */
export interface Loaded {
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
}

/** What the popup shows: loading, the read's error, or what it read. */
export type State = { status: 'loading' } | { status: 'error'; error: string } | Loaded;

/** Asks the background whether its writes are failing; no answer (it is asleep) means they are not. */
async function storageStatus(): Promise<StorageProblem | null> {
  return (await ask('status'))?.storageProblem ?? null;
}

/** The reads that need no interface language, started while the page loads (`startReading`). */
type HeadStart = Promise<[Summary, TrackingSettings, boolean]>;
let headStart: HeadStart | undefined;
let stopWatching: (() => void) | undefined;

/**
 * Starts the week's numbers, the tracking choices and whether anything was ever counted as soon as
 * the popup's script runs, beside the interface language's catalogue (main.tsx): the first chart
 * waits for the slower of the two instead of one after the other. The first read takes them.
 */
export function startReading(): void {
  const db = openDb();
  headStart = Promise.all([summarize(db, rangeDays('7d')), loadTracking(db), hasRealActions(db)]);
  headStart.catch(() => {}); // a failure is the first read's, shown by it
  // The page listens for changes only once it is drawn (use-live.ts): a write announced before
  // then makes these numbers stale, so they are dropped and the first read reads again.
  stopWatching = onEventsChanged(() => {
    headStart = undefined;
    stopWatching?.();
  });
}

function takeHeadStart(range: Period): HeadStart | undefined {
  stopWatching?.();
  stopWatching = undefined;
  const taken = range === '7d' ? headStart : undefined;
  headStart = undefined;
  return taken;
}

/**
 * Reads the popup's numbers for `range`. The numbers and the chart first (through `early`); the
 * health checks and the background's status (which may have to wake the service worker) follow
 * without holding the chart back.
 */
export async function readPopup(range: Period, early: (value: Loaded) => void): Promise<Loaded> {
  const db = openDb();
  // The week's per-day rollup gives both headline numbers (today is its last day): with the
  // week chosen, as when the popup opens, one read draws everything.
  const [[week, tracking, everCounted], today, settings] = await Promise.all([
    takeHeadStart(range) ?? Promise.all([summarize(db, rangeDays('7d')), loadTracking(db), hasRealActions(db)]),
    range === 'today' ? summarize(db, rangeDays('today')) : null,
    loadValuationSettings(db, userLocale()),
  ]);
  const summary = today ?? week;
  const lastDay: Record<string, number> = week.perDay.at(-1) ?? {};
  const totals = { today: Object.values(lastDay).reduce((n, c) => n + c, 0), '7d': week.total };
  const pausedUntil = tracking.pausedUntil !== undefined && tracking.pausedUntil > Date.now() ? tracking.pausedUntil : undefined;
  const first = { totals, summary, valuation: valuate(summary.tallies, settings), pausedUntil, everCounted };
  early({ status: 'partial', ...first, health: [], storage: null });
  // The page draws what `early` gave it in a microtask; a task later the chart is there, and only
  // then is the registry's code asked for (its arrival and parsing never run before the chart).
  await new Promise((next) => setTimeout(next, 0));
  const [health, storage] = await Promise.all([readHealth(), storageStatus()]);
  return { status: 'ready', ...first, health, storage };
}
