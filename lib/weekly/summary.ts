import { summarize } from '../db/queries';
import type { ClickworkDB } from '../db/schema';
import { loadValuationSettings } from '../db/settings';
import { beneficiaryLabel, countOf, formatDay, formatDuration, formatMoney, platformLabel, t } from '../i18n';
import { type BeneficiaryId, beneficiaryOf, type PlatformId } from '../taxonomy';
import { type Rate, valuate } from '../valuation';
import { lastWeek } from './week';

/** The numbers of one week's look back (real platforms only, as the popup's and dashboard's totals). */
export interface WeeklyNumbers {
  week: string;
  days: string[];
  total: number;
  /** Measured, stated and estimated time, as the valuation adds it up. */
  seconds: number;
  /** That time at the user's fair-wage rate (their valuation settings). */
  fair: { amount: number; rate: Rate };
  topPlatform?: { platform: PlatformId; count: number };
  topCompany?: { beneficiary: BeneficiaryId; count: number };
}

/** The most actions per company (ties: the first met, platforms coming by count). */
function topCompany(byPlatform: { platform: PlatformId; count: number }[]): WeeklyNumbers['topCompany'] {
  const byCompany = new Map<BeneficiaryId, number>();
  for (const { platform, count } of byPlatform) {
    const b = beneficiaryOf(platform);
    byCompany.set(b, (byCompany.get(b) ?? 0) + count);
  }
  let top: WeeklyNumbers['topCompany'];
  for (const [beneficiary, count] of byCompany) if (!top || count > top.count) top = { beneficiary, count };
  return top;
}

/** The look back of the week whose Monday is `week`, read from the per-day rollup. */
export async function weeklyNumbers(db: ClickworkDB, week: string, locale: string): Promise<WeeklyNumbers> {
  const [y, m, d] = week.split('-').map(Number) as [number, number, number];
  // The week after `week` ends at its Monday: lastWeek of a moment in that week gives `week`'s days.
  const { days } = lastWeek(new Date(y, m - 1, d + 7, 12).getTime());
  const [summary, settings] = await Promise.all([summarize(db, days), loadValuationSettings(db, locale)]);
  const v = valuate(summary.tallies, settings);
  const topPlatform = summary.byPlatform[0];
  return {
    week,
    days,
    total: summary.total,
    seconds: v.seconds,
    fair: v.fair,
    ...(topPlatform ? { topPlatform } : {}),
    ...(topPlatform ? { topCompany: topCompany(summary.byPlatform) } : {}),
  };
}

/** The look back in words, in the UI language: a title and one or two lines. */
export function weeklyText(n: WeeklyNumbers): { title: string; lines: string[] } {
  const title = t('weeklyTitle', formatDay(n.days[0] as string), formatDay(n.days[6] as string));
  const rate = n.fair.rate.preset ? t(n.fair.rate.preset.name) : t('rate_custom');
  const lines = [
    t(
      'weeklyLine',
      countOf('actions', n.total),
      formatDuration(n.seconds),
      formatMoney(n.fair.amount, n.fair.rate.currency),
      rate,
    ),
  ];
  if (n.topPlatform && n.topCompany) {
    lines.push(t('weeklyTop', platformLabel(n.topPlatform.platform), beneficiaryLabel(n.topCompany.beneficiary)));
  }
  return { title, lines };
}
