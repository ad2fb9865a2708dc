import { HOURS, type HoursRow, hasManual, hoursKey, isReadableHours } from '../db/hours';
import { noteUnreadable } from '../db/rows';
import type { ClickworkDB } from '../db/schema';
import { beneficiaryOf, type Kind, type PlatformId } from '../taxonomy';
import type { ExportRow } from './format';
import type { Enrolment } from './study';

/**
 * The rows of an export by the hour, read straight from the packed per-hour rows of
 * lib/db/hours.ts: each stored row is checked once and its 24 slots added into the slots of its
 * day's platform/kind/detail, and the rows are written out already in the files' order (day,
 * hour, platform, kind, detail: sortRows's). A year at a million actions is some 2,200 stored
 * rows and 52,000 export rows; unpacking each hour into an object, keying it by a string and
 * sorting them all took seconds in a service worker.
 */

/** One day's totals of one platform/kind/detail as the file writes it, 24 slots per field. */
interface Series {
  platform: PlatformId;
  kind: Kind;
  detail: string;
  count: number[];
  measuredCount: number[];
  measuredMs: number[];
  manualCount: number[];
  manualMs: number[];
}

const slots = () => new Array<number>(HOURS).fill(0);

/** The series a stored row adds into (a detail no detector reports leaves as `other`, so several may share one). */
function seriesOf(days: Map<string, Map<string, Series>>, r: HoursRow, detail: string): Series {
  let day = days.get(r.day);
  if (!day) {
    day = new Map();
    days.set(r.day, day);
  }
  // The files' order within a day and hour is this key's (sortRows compares `platform|kind|detail`).
  const key = `${r.platform}|${r.kind}|${detail}`;
  let s = day.get(key);
  if (!s) {
    s = {
      platform: r.platform,
      kind: r.kind,
      detail,
      count: slots(),
      measuredCount: slots(),
      measuredMs: slots(),
      manualCount: slots(),
      manualMs: slots(),
    };
    day.set(key, s);
  }
  return s;
}

/**
 * Adds a stored row's hours into its series, as export.ts's rowAdder adds a day: hand-entered
 * actions only when the study allows them, an hour left out when nothing of it counts.
 */
function addHours(s: Series, r: HoursRow, include: boolean): void {
  for (let h = 0; h < HOURS; h++) {
    const total = r.count[h];
    if (!total) continue;
    const manual = hasManual(r, h);
    const manualCount = manual ? ((r.manualCount as number[])[h] ?? 0) : 0;
    const count = total - (include ? 0 : manualCount);
    if (count <= 0) continue;
    (s.count[h] as number) += count;
    (s.measuredCount[h] as number) += r.measuredCount[h] as number;
    (s.measuredMs[h] as number) += r.measuredMs[h] as number;
    (s.manualCount[h] as number) += include ? manualCount : 0;
    (s.manualMs[h] as number) += include && manual ? (r.manualMs?.[h] ?? 0) : 0;
  }
}

const seconds = (ms: number) => Math.round(ms / 100) / 10;

/** The export rows of the series, in the files' order: day, hour, then platform|kind|detail. */
function rowsOf({ study, pseudonym }: Enrolment, days: Map<string, Map<string, Series>>): ExportRow[] {
  const out: ExportRow[] = [];
  const byKey = <T>(a: [string, T], b: [string, T]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
  for (const [day, series] of [...days].sort(byKey)) {
    const list = [...series].sort(byKey).map(([, s]) => s);
    for (let hour = 0; hour < HOURS; hour++) {
      for (const s of list) {
        const count = s.count[hour] as number;
        if (count <= 0) continue;
        out.push({
          study_id: study.id,
          participant: pseudonym,
          day,
          hour,
          grain: study.granularity,
          platform: s.platform,
          beneficiary: beneficiaryOf(s.platform),
          kind: s.kind,
          detail: s.detail,
          count,
          measured_count: s.measuredCount[hour] as number,
          measured_seconds: seconds(s.measuredMs[hour] as number),
          manual_count: s.manualCount[hour] as number,
          manual_seconds: seconds(s.manualMs[hour] as number),
        });
      }
    }
  }
  return out;
}

/**
 * The rows by the hour of the local days `from` to `to` (inclusive), for candidateRows; an
 * unreadable stored row is noted and left out. `detailOf` gives the detail a row leaves under.
 */
export async function hourRows(
  db: ClickworkDB,
  enrolment: Enrolment,
  period: { from: string; to: string },
  detailOf: (detail: string) => string,
): Promise<ExportRow[]> {
  const { study } = enrolment;
  const platforms = new Set<PlatformId>(study.platforms);
  const kinds = new Set<Kind>(study.kinds);
  const include = study.includeManual === true;
  const stored = await db.hours.where('day').between(period.from, period.to, true, true).toArray();
  const days = new Map<string, Map<string, Series>>();
  for (const r of stored) {
    if (!isReadableHours(r)) noteUnreadable('hours', hoursKey(r));
    else if (platforms.has(r.platform) && kinds.has(r.kind)) addHours(seriesOf(days, r, detailOf(r.detail)), r, include);
  }
  return rowsOf(enrolment, days);
}
