import { formatDay, formatNumber, kindLabel, t } from '@/lib/i18n';
import type { DisclosureRule } from '@/lib/research/disclosure';
import type { RuleEffect } from '@/lib/research/disclosure-apply';
import type { ExportRow } from '@/lib/research/format';
import { type Grain, isoWeekLabel } from '@/lib/research/grain';
import { noiseVariance } from '@/lib/research/noise';
import type { Study } from '@/lib/research/study';

const GRAIN_LABEL = { hour: 'studyByHour', day: 'studyByDay', week: 'studyByWeek', month: 'studyByMonth' } as const;

/** A study's (or a rule's) time grain in words. */
export const grainLabel = (g: Grain) => t(GRAIN_LABEL[g]);

/** When a row's actions happened, at its grain: an hour of a day, a day, an ISO week, a month. */
export function spanLabel(row: Pick<ExportRow, 'day' | 'hour' | 'grain'>): string {
  if (row.grain === 'week') return t('discloseWeekOf', isoWeekLabel(row.day), formatDay(row.day));
  if (row.grain === 'month') return t('discloseMonthOf', row.day.slice(0, 7));
  if (row.grain === 'hour') return `${formatDay(row.day)} ${String(row.hour).padStart(2, '0')}:00`;
  return formatDay(row.day);
}

/** Which actions a rule applies to, in words: the one label both the rule and its effect start with. */
export const ruleLabel = (rule: DisclosureRule) => rule.kinds.map(kindLabel).join(', ');

/** What one rule does, in words. */
export function ruleText(rule: DisclosureRule): string {
  const parts: string[] = [];
  if (rule.granularity) parts.push(grainLabel(rule.granularity));
  if (rule.noise)
    parts.push(
      t(
        'discloseNoise',
        formatNumber(rule.noise.epsilon),
        formatNumber(Math.round(Math.sqrt(noiseVariance(rule.noise.epsilon)) * 10) / 10),
      ),
    );
  if (rule.suppress_below) parts.push(t('discloseSuppress', formatNumber(rule.suppress_below)));
  if (rule.round_to) parts.push(t('discloseRound', formatNumber(rule.round_to)));
  if (rule.noise || rule.suppress_below || rule.round_to) parts.push(t('discloseCountsOnly'));
  return t('discloseRule', ruleLabel(rule), parts.join(t('discloseRulePartSeparator')));
}

/** What one rule changed in a file, in words: rows before and after (merged, changed, left out), actions before and after. */
export function effectText(rule: DisclosureRule, e: RuleEffect): string {
  return t(
    'discloseEffect',
    ruleLabel(rule),
    formatNumber(e.rowsBefore),
    formatNumber(e.rowsAfter),
    formatNumber(e.merged),
    formatNumber(e.changed),
    formatNumber(e.suppressed),
    formatNumber(e.totalBefore),
    formatNumber(e.totalAfter),
  );
}

/** The study's disclosure rules, as facts shown before consent and on the study's card. */
export function DisclosureFacts({ study }: { study: Study }) {
  return (
    <>
      <dt>{t('discloseTitle')}</dt>
      <dd data-testid="study-disclosure">
        {study.disclosure ? (
          <ul>
            {study.disclosure.map((r) => (
              <li key={r.kinds.join()}>{ruleText(r)}</li>
            ))}
          </ul>
        ) : (
          t('discloseNone')
        )}
      </dd>
    </>
  );
}

/** Each rule's effect on this file: rows merged, changed and left out; actions before and after. */
export function RuleEffects({ study, effects }: { study: Study; effects: RuleEffect[] }) {
  if (!study.disclosure || effects.length === 0) return null;
  return (
    <section class="rule-effects" aria-labelledby="rule-effects-title" data-testid="rule-effects">
      <h4 id="rule-effects-title">{t('discloseEffectTitle')}</h4>
      <ul>
        {effects.map((e) => {
          const rule = study.disclosure?.[e.rule];
          if (!rule) return null;
          return (
            <li key={e.rule} data-testid="rule-effect">
              {effectText(rule, e)}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
