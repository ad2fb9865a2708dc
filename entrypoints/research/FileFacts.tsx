import { Fragment } from 'preact';
import { formatDay, formatNumber, type MessageKey, t } from '@/lib/i18n';
import type { DisclosureRule } from '@/lib/research/disclosure';
import type { AnonymisedExport } from '@/lib/research/format';
import { isGrain } from '@/lib/research/grain';
import { grainLabel, ruleText } from './Disclosure';

/** How one metadata value reads; fields this page does not know yet are shown as they are. */
function shownValue(name: string, value: unknown): string {
  if (name === 'period' && value && typeof value === 'object') {
    const p = value as { from: string; to: string };
    return t('studyPeriodFromTo', formatDay(p.from, 'long'), formatDay(p.to, 'long'));
  }
  if (name === 'consent_day' && typeof value === 'string') return formatDay(value, 'long');
  if (name === 'granularity' && isGrain(value)) return grainLabel(value);
  if (name === 'disclosure' && Array.isArray(value)) return (value as DisclosureRule[]).map(ruleText).join(' · ');
  if (typeof value === 'number') return formatNumber(value);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A label for each field of the file; a field without one shows its name from the file. */
const label = (name: string) => {
  const text = t(`participantMeta_${name}` as MessageKey);
  return text === `participantMeta_${name}` || !text ? name : text;
};

/**
 * Every field of the file but its rows, as the file will hold it: the participant sees what it says
 * about them (consent day, period, rows removed, panel id…) before saving or sending it.
 */
export function FileFacts({ file }: { file: AnonymisedExport }) {
  const fields = Object.entries(file).filter(([name]) => name !== 'rows');
  return (
    <details class="file-facts" open data-testid="file-facts">
      <summary>{t('participantFileTitle', formatNumber(file.rows.length))}</summary>
      <dl class="facts">
        {fields.map(([name, value]) => (
          <Fragment key={name}>
            <dt>
              {label(name)} <code class="field">{name}</code>
            </dt>
            <dd data-testid={`file-${name}`}>{shownValue(name, value)}</dd>
          </Fragment>
        ))}
      </dl>
    </details>
  );
}
