import { useState } from 'preact/hooks';
import { useLive } from '@/components/use-live';
import { historyPage } from '@/lib/db/edit';
import { openDb } from '@/lib/db/open';
import type { LaborEvent } from '@/lib/db/schema';

/** Rows shown at first, and added by each "older actions". */
const PAGE = 50;

/** The history's filters: a platform and a kind, '' for all. */
export interface HistoryFilter {
  platform: string;
  kind: string;
}

/** One read: the newest `limit` rows that pass the filter. */
interface Read {
  rows: LaborEvent[];
  limit: number;
}

/**
 * The history's rows as one live read (components/use-live.ts): the newest rows that pass the
 * filter, as many as the user asked to see. Read again when the filter or that number changes,
 * when the dashboard's numbers are read again (`version`: after this page's own writes) and on
 * every change the background announces; only the latest read shows.
 */
export function useHistory(version: number) {
  const [query, setQuery] = useState<HistoryFilter & { limit: number }>({ platform: '', kind: '', limit: PAGE });
  const { platform, kind, limit } = query;
  const live = useLive<Read>(
    async () => ({ rows: await historyPage(openDb(), { limit, platform, kind }), limit }),
    [platform, kind, limit, version],
  );
  const read = live.value;
  return {
    rows: read?.rows ?? [],
    // A full read may have older rows behind it (judged by the read shown, so the button stays
    // where it is while the longer read runs).
    more: read !== undefined && read.rows.length === read.limit,
    filter: { platform, kind } as HistoryFilter,
    /** Another filter starts again from the newest rows. */
    setFilter: (change: Partial<HistoryFilter>) => setQuery((q) => ({ ...q, ...change, limit: PAGE })),
    loadMore: () => setQuery((q) => ({ ...q, limit: q.limit + PAGE })),
  };
}
