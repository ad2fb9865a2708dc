import { DETECTORS } from '@/lib/detectors/registry';
import { isExportDetail } from '@/lib/research/export-details';
import { DETAIL, type ExportRow } from '@/lib/research/format';
import type { Granularity } from '@/lib/research/study';
import { beneficiaryOf, type Kind, type PlatformId } from '@/lib/taxonomy';
// The seeded generator and pseudonyms of the unit tests' synthetic exports (the same files' shape).
import { int, pseudonym, rng } from '@/tests/unit/class-fixtures';

export { rng };

/**
 * A synthetic population of participants for the at-scale check: three studies collecting one file
 * per participant per month, participants joining late and dropping out, a heavy-tailed activity,
 * popular platforms used more, and (platform, kind, detail) combinations that the detectors really
 * report (read from their declarations). Reproducible from a seed.
 */

export interface StudyPlan {
  id: string;
  granularity: Granularity;
  startDate: string;
  endDate: string;
  /** Share of all files that belong to this study. */
  share: number;
  /** Platforms this study's participants use (all detector platforms when absent). */
  platforms?: readonly PlatformId[];
}

const AI: PlatformId[] = ['chatgpt', 'claude', 'gemini', 'copilot', 'perplexity'];
export const STUDIES: readonly StudyPlan[] = [
  { id: 'everyday-click-work-2026', granularity: 'day', startDate: '2026-07-01', endDate: '2026-12-31', share: 0.6 },
  {
    id: 'ai-feedback-panel-2026',
    granularity: 'day',
    startDate: '2026-10-01',
    endDate: '2026-12-31',
    share: 0.25,
    platforms: [...AI, 'reddit', 'stackoverflow', 'youtube', 'x'],
  },
  {
    id: 'captcha-hours-2026',
    granularity: 'hour',
    startDate: '2026-11-01',
    endDate: '2026-12-31',
    share: 0.15,
    platforms: ['recaptcha', 'hcaptcha', 'turnstile', 'reddit', 'amazon', 'stackoverflow'],
  },
];

type Rand = () => number;
/** exp(N(0, sigma)): a log-normal factor, for heavy-tailed activity. */
const logNormal = (rand: Rand, sigma: number) =>
  Math.exp(sigma * Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand()));

interface Combo {
  platform: PlatformId;
  kind: Kind;
  detail: string;
}

/** What each platform's detector reports, as the export writes it (a detail outside the schema's list leaves as `other`). */
const COMBOS: ReadonlyMap<PlatformId, readonly Combo[]> = new Map(
  DETECTORS.map((d) => {
    const seen = new Map<string, Combo>();
    for (const a of Object.values(d.actions)) {
      const detail = DETAIL.test(a.detail) && isExportDetail(a.detail) ? a.detail : 'other';
      seen.set(`${a.kind}|${detail}`, { platform: d.id as PlatformId, kind: a.kind, detail });
    }
    return [d.id as PlatformId, [...seen.values()]];
  }),
);

export const pad = (n: number) => String(n).padStart(2, '0');
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + n));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}
/** The last day of the month of `day`. */
export const monthEnd = (day: string) => addDays(`${addDays(`${day.slice(0, 7)}-28`, 4).slice(0, 7)}-01`, -1);

/** The months (YYYY-MM) a study covers. */
export function studyMonths(plan: StudyPlan): string[] {
  const out: string[] = [];
  for (let d = plan.startDate; d <= plan.endDate; d = addDays(monthEnd(d), 1)) out.push(d.slice(0, 7));
  return out;
}

/** Participants' palettes: a few platforms, popular ones (the detector list's order) more often. */
function palette(rand: Rand, plan: StudyPlan): Combo[] {
  const platforms = (plan.platforms ?? [...COMBOS.keys()]).filter((p) => COMBOS.has(p));
  const chosen = new Set<PlatformId>();
  const wanted = Math.min(platforms.length, int(rand, 1, 6));
  while (chosen.size < wanted) chosen.add(platforms[Math.floor(platforms.length * rand() ** 2)] as PlatformId);
  return [...chosen].flatMap((p) => {
    const combos = COMBOS.get(p) ?? [];
    return combos.slice(0, int(rand, 1, combos.length));
  });
}

/** The evening-heavy local hour of an action. */
const hourOf = (rand: Rand) => (rand() < 0.7 ? int(rand, 17, 23) : int(rand, 7, 16));

/** Measured time for the kinds the extension times (CAPTCHAs, comments, reviews), in tenths of a second. */
function measured(rand: Rand, c: Combo, count: number): { n: number; tenths: number } {
  let n = 0;
  let tenths = 0;
  const timed = c.kind === 'captcha' ? 0.9 : c.kind === 'comment' || c.kind === 'review' ? 0.6 : 0;
  for (let i = 0; i < count; i++) {
    if (rand() >= timed) continue;
    n++;
    const [lo, hi] = c.kind !== 'captcha' ? [150, 4000] : c.detail === 'challenge' ? [60, 450] : [8, 40];
    tenths += int(rand, lo, hi);
  }
  return { n, tenths };
}

export interface Participant {
  plan: StudyPlan;
  pseudonym: string;
  consentDay: string;
  /** The months this participant sent a file for, in order. */
  months: string[];
  /** Every row of the study period up to the last file, sorted like the extension sorts them. */
  rows: ExportRow[];
  /** Row index → the index in `months` of the file from which the participant withholds it. */
  withheld: Map<number, number>;
}

/** One participant: joins in some month, sends a file each month until they stop (at most `maxFiles`). */
export function participant(rand: Rand, plan: StudyPlan, maxFiles: number): Participant {
  const months = studyMonths(plan);
  const join = Math.floor(months.length * rand() ** 2);
  let last = join;
  while (last + 1 < months.length && last - join + 1 < maxFiles && rand() < 0.85) last++;
  const sent = months.slice(join, last + 1);
  const consentDay = addDays(`${sent[0]}-01`, int(rand, 0, 20));
  const start = [consentDay, plan.startDate].sort()[1] as string; // the later of two days
  const end = [monthEnd(`${sent.at(-1)}-01`), plan.endDate].sort()[0] as string;
  const who = pseudonym(rand);
  const rows = activity(rand, plan, who, start, end);
  const withheld = new Map<number, number>();
  if (rows.length > 0 && rand() < 0.08)
    for (let i = int(rand, 1, 3); i > 0; i--) withheld.set(int(rand, 0, rows.length - 1), int(rand, 0, sent.length - 1));
  return { plan, pseudonym: who, consentDay, months: sent, rows, withheld };
}

/** The participant's rows from `start` to `end`: active on some days, a few of their combinations a day. */
function activity(rand: Rand, plan: StudyPlan, who: string, start: string, end: string): ExportRow[] {
  const combos = palette(rand, plan);
  const activeShare = 0.05 + 0.5 * rand() ** 2;
  const intensity = 1.5 * logNormal(rand, 0.9);
  const rows = new Map<string, ExportRow>();
  for (let day = start; day <= end; day = addDays(day, 1)) {
    if (rand() >= activeShare) continue;
    for (const c of combos) {
      if (rand() >= 0.35) continue;
      const hour = plan.granularity === 'hour' ? hourOf(rand) : null;
      const count = Math.max(1, Math.round(intensity * logNormal(rand, 0.6)));
      const key = `${day}|${String(hour ?? -1).padStart(2, '0')}|${c.platform}|${c.kind}|${c.detail}`;
      const row = rows.get(key) ?? {
        ...{
          study_id: plan.id,
          participant: who,
          day,
          hour,
          grain: plan.granularity,
          ...c,
          beneficiary: beneficiaryOf(c.platform),
        },
        ...{ count: 0, measured_count: 0, measured_seconds: 0, manual_count: 0, manual_seconds: 0 },
      };
      const m = measured(rand, c, count);
      row.count += count;
      row.measured_count += m.n;
      row.measured_seconds = Math.round(row.measured_seconds * 10 + m.tenths) / 10;
      rows.set(key, row);
    }
  }
  return [...rows.keys()].sort().map((k) => rows.get(k) as ExportRow);
}
