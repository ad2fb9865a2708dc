import { useState } from 'preact/hooks';
import { daysBetween } from '@/lib/db/queries';
import { dayKey } from '@/lib/db/schema';
import { type MessageKey, t } from '@/lib/i18n';

type RangeChoice = 'day' | 'week' | 'month' | 'year' | 'custom';
const RANGE_LENGTH: Record<Exclude<RangeChoice, 'custom'>, number> = { day: 1, week: 7, month: 30, year: 365 };
const RANGE_LABEL: Record<RangeChoice, MessageKey> = {
  day: 'rangeToday',
  week: 'rangeWeek',
  month: 'rangeMonth',
  year: 'rangeYear',
  custom: 'rangeCustom',
};

const today = () => dayKey(Date.now());
const daysAgo = (n: number) => {
  const d = new Date();
  return dayKey(new Date(d.getFullYear(), d.getMonth(), d.getDate() - n, 12).getTime());
};

/** The dashboard's chosen range: a preset or two dates, and the days it covers. */
export function useRange() {
  const [range, setRange] = useState<RangeChoice>('month');
  const [from, setFrom] = useState(daysAgo(29));
  const [to, setTo] = useState(today());
  // Dates as YYYY-MM-DD strings sort as they read; a reversed choice is put in order.
  const [first, last] = [from, to].sort();
  const days =
    range === 'custom' ? daysBetween(first as string, last as string) : daysBetween(daysAgo(RANGE_LENGTH[range] - 1), today());
  return { range, setRange, from, setFrom, to, setTo, days };
}

/** The range buttons, and two dates for a custom range. */
export function RangePicker({ range, setRange, from, setFrom, to, setTo }: ReturnType<typeof useRange>) {
  return (
    <fieldset class="range-picker">
      <legend class="sr-only">{t('rangeLabel')}</legend>
      <div class="ranges">
        {(['day', 'week', 'month', 'year', 'custom'] as const).map((r) => (
          <button type="button" key={r} aria-pressed={r === range} onClick={() => setRange(r)} data-testid={`range-${r}`}>
            {t(RANGE_LABEL[r])}
          </button>
        ))}
      </div>
      {range === 'custom' && (
        <span class="custom-range">
          <label>
            {t('rangeFrom')}{' '}
            <input
              type="date"
              value={from}
              max={today()}
              onChange={(e) => setFrom((e.target as HTMLInputElement).value || from)}
            />
          </label>{' '}
          <label>
            {t('rangeTo')}{' '}
            <input type="date" value={to} max={today()} onChange={(e) => setTo((e.target as HTMLInputElement).value || to)} />
          </label>
        </span>
      )}
    </fieldset>
  );
}
