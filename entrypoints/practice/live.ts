import { useLive } from '@/components/use-live';
import { ContentContext } from '@/lib/content/context';
import { deliver } from '@/lib/content/entry';
import { runDetector } from '@/lib/content/runtime';
import { openDb } from '@/lib/db/open';
import { practiceOnly, rangeDays, summarize } from '@/lib/db/queries';
import practice from '@/lib/detectors/practice';
import { userLocale } from '@/lib/i18n';
import { KINDS, type Kind } from '@/lib/taxonomy';
import { defaultSettings, valuate } from '@/lib/valuation';

/**
 * The same runtime as on real platforms, run in this page: listeners and timers live as long as
 * the page, and sightings go to the background like a content script's.
 */
export function startDetection(): () => void {
  const ctx = new ContentContext();
  runDetector(practice, ctx, (m) => deliver(ctx, m));
  return () => ctx.abort();
}

export type Totals = { byKind: Record<Kind, number>; total: number; seconds: number };

/** The practice page's totals of the last 30 days, read again on every stored change. */
export function useTotals(): [Totals | null, () => void] {
  const { value, reload } = useLive(async (): Promise<Totals> => {
    const s = await summarize(openDb(), rangeDays('30d'), practiceOnly);
    const byKind = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;
    for (const k of s.byKind) byKind[k.kind] = k.count;
    return { byKind, total: s.total, seconds: valuate(s.tallies, defaultSettings(userLocale())).seconds };
  }, []);
  return [value ?? null, reload];
}
