import { KINDS, type Kind, type PlatformId } from '../taxonomy';
import type { Tally } from '../valuation';
import { readHourly } from './hours';
import { dailyKey, isReadableDaily, noteUnreadable } from './rows';
import { type ClickworkDB, type DailyRollup, dayKey } from './schema';

export type RangeId = 'today' | '7d' | '30d';
export const RANGES: readonly RangeId[] = ['today', '7d', '30d'];
const RANGE_DAYS: Record<RangeId, number> = { today: 1, '7d': 7, '30d': 30 };

/** The local days of a range ending today, oldest first. */
export function rangeDays(range: RangeId, now = Date.now()): string[] {
  const days: string[] = [];
  const d = new Date(now);
  for (let i = RANGE_DAYS[range] - 1; i >= 0; i--) {
    days.push(dayKey(new Date(d.getFullYear(), d.getMonth(), d.getDate() - i, 12).getTime()));
  }
  return days;
}

export interface Summary {
  days: string[];
  total: number;
  /** Per day (same order as `days`), per kind. */
  perDay: Record<Kind, number>[];
  byKind: { kind: Kind; count: number }[];
  byPlatform: { platform: PlatformId; count: number }[];
  /** Per kind and detail, with measured time: what the valuation needs. */
  tallies: Tally[];
  /** Per platform, kind and detail, with measured time: the ledgers' rows. */
  byDetail: (Tally & { platform: PlatformId })[];
}

function zeroKinds(): Record<Kind, number> {
  return Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;
}

/** Real platforms only: the practice page's actions are kept apart from real click-work. */
export const realPlatforms = (p: PlatformId) => p !== 'practice';
export const practiceOnly = (p: PlatformId) => p === 'practice';

/** Every local day from `from` to `to` (YYYY-MM-DD, inclusive), oldest first; at most `max`. */
export function daysBetween(from: string, to: string, max = 3 * 366): string[] {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  const days: string[] = [];
  const end = new Date(ty, tm - 1, td, 12).getTime();
  for (let d = new Date(fy, fm - 1, fd, 12); d.getTime() <= end && days.length < max; d.setDate(d.getDate() + 1)) {
    days.push(dayKey(d.getTime()));
  }
  return days;
}

/** Local days `from`..`to` (YYYY-MM-DD, inclusive) as timestamps: [start of `from`, start of the day after `to`). */
export function dayBounds(from: string, to: string): [number, number] {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return [new Date(fy, fm - 1, fd).getTime(), new Date(ty, tm - 1, td + 1).getTime()];
}

/** The period of the same length just before `days`. */
export function previousPeriod(days: string[]): string[] {
  const [y, m, d] = (days[0] as string).split('-').map(Number) as [number, number, number];
  const out: string[] = [];
  for (let i = days.length; i >= 1; i--) out.push(dayKey(new Date(y, m - 1, d - i, 12).getTime()));
  return out;
}

/** Carries a day row's hand-entered part into a tally (only where there is one, so totals keep their shape). */
function addManual(t: Tally, r: DailyRollup): void {
  if (!r.manualCount) return;
  t.manualCount = (t.manualCount ?? 0) + r.manualCount;
  t.manualTimedCount = (t.manualTimedCount ?? 0) + (r.manualTimedCount ?? 0);
  t.manualMs = (t.manualMs ?? 0) + (r.manualMs ?? 0);
}

/**
 * Totals for a range of days, read from the per-day rollup: the cost follows the number of days
 * and kinds in the range, not the length of the history.
 */
export async function summarize(
  db: ClickworkDB,
  days: string[],
  include: (p: PlatformId) => boolean = realPlatforms,
): Promise<Summary> {
  const first = days[0] as string;
  const last = days[days.length - 1] as string;
  const rows = await db.daily.where('day').between(first, last, true, true).toArray();
  const index = new Map(days.map((d, i) => [d, i]));
  const perDay = days.map(zeroKinds);
  const byKind = zeroKinds();
  const byPlatform = new Map<PlatformId, number>();
  const tallies = new Map<string, Tally>();
  const byDetail = new Map<string, Tally & { platform: PlatformId }>();
  let total = 0;
  for (const r of rows) {
    // A row a bug or a hand-edited file left unreadable is skipped and noted, never added up.
    if (!isReadableDaily(r)) {
      noteUnreadable('daily', dailyKey(r));
      continue;
    }
    const i = index.get(r.day);
    if (i === undefined || !include(r.platform)) continue;
    (perDay[i] as Record<Kind, number>)[r.kind] += r.count;
    byKind[r.kind] += r.count;
    byPlatform.set(r.platform, (byPlatform.get(r.platform) ?? 0) + r.count);
    total += r.count;
    const key = `${r.kind}|${r.detail}`;
    const t = tallies.get(key) ?? { kind: r.kind, detail: r.detail, count: 0, measuredCount: 0, measuredMs: 0 };
    t.count += r.count;
    t.measuredCount += r.measuredCount;
    t.measuredMs += r.measuredMs;
    addManual(t, r);
    tallies.set(key, t);
    const pkey = `${r.platform}|${key}`;
    const p = byDetail.get(pkey) ?? {
      platform: r.platform,
      kind: r.kind,
      detail: r.detail,
      count: 0,
      measuredCount: 0,
      measuredMs: 0,
    };
    p.count += r.count;
    p.measuredCount += r.measuredCount;
    p.measuredMs += r.measuredMs;
    addManual(p, r);
    byDetail.set(pkey, p);
  }
  return {
    days,
    total,
    perDay,
    byKind: KINDS.map((kind) => ({ kind, count: byKind[kind] })).filter((k) => k.count > 0),
    byPlatform: [...byPlatform].map(([platform, count]) => ({ platform, count })).sort((a, b) => b.count - a.count),
    tallies: [...tallies.values()],
    byDetail: [...byDetail.values()],
  };
}

/**
 * Actions per weekday (0 = Monday) and hour of the day, over a range of local days: read from the
 * per-hour totals, in the local day and hour each action was recorded in (as the research files).
 */
export async function hourOfWeek(
  db: ClickworkDB,
  days: string[],
  include: (p: PlatformId) => boolean = realPlatforms,
): Promise<number[][]> {
  const grid = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  const rows = await readHourly(db, days[0] as string, days.at(-1) as string);
  const weekday = new Map<string, number>();
  for (const r of rows) {
    if (!include(r.platform)) continue;
    let w = weekday.get(r.day);
    if (w === undefined) {
      const [y, m, d] = r.day.split('-').map(Number) as [number, number, number];
      w = (new Date(y, m - 1, d, 12).getDay() + 6) % 7;
      weekday.set(r.day, w);
    }
    const row = grid[w] as number[];
    row[r.hour] = (row[r.hour] ?? 0) + r.count;
  }
  return grid;
}
