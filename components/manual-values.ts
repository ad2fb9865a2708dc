import { type ManualInput, manualInputOf } from '@/lib/db/manual';
import type { LaborEvent } from '@/lib/db/schema';
import { platformLabel } from '@/lib/i18n';
import { PLATFORM_IDS, type PlatformId } from '@/lib/taxonomy';

/** Every platform a person can enter by hand, by name, with "other site" last (never the practice page). */
export const PLATFORMS: PlatformId[] = [
  ...PLATFORM_IDS.filter((p) => p !== 'practice' && p !== 'other').sort((a, b) =>
    platformLabel(a).localeCompare(platformLabel(b)),
  ),
  'other',
];

const pad = (n: number) => String(n).padStart(2, '0');
const dateOf = (ts: number) => {
  const d = new Date(ts);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};
const timeOf = (ts: number) => {
  const d = new Date(ts);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

/** The manual form's text, as typed (an input's value is always a string). */
export interface Values {
  platform: string;
  kind: string;
  detail: string;
  date: string;
  time: string;
  count: string;
  minutes: string;
}

/** The form's first values: a review on Amazon now, or the hand-entered row being edited. */
export function valuesOf(e?: LaborEvent): Values {
  if (!e) {
    const now = Date.now();
    return {
      platform: 'amazon',
      kind: 'review',
      detail: 'review',
      date: dateOf(now),
      time: timeOf(now),
      count: '1',
      minutes: '',
    };
  }
  const i = manualInputOf(e);
  return {
    platform: i.platform,
    kind: i.kind,
    detail: i.detail,
    date: dateOf(i.ts),
    time: timeOf(i.ts),
    count: String(i.count),
    minutes: i.minutes === undefined ? '' : String(i.minutes),
  };
}

/** Local date and time as typed, to a moment (NaN when either does not parse). */
function parseMoment(date: string, time: string): number {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const h = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !h) return Number.NaN;
  const [y, m, day, hh, mm] = [d[1], d[2], d[3], h[1], h[2]].map(Number) as [number, number, number, number, number];
  const moment = new Date(y, m - 1, day, hh, mm);
  return moment.getDate() === day && moment.getMonth() === m - 1 ? moment.getTime() : Number.NaN;
}

/** The typed values as the store checks them (lib/db/manual.ts): what does not parse is NaN. */
export function inputOf(v: Values): ManualInput {
  const number = (s: string) => (s.trim() === '' ? Number.NaN : Number(s.trim().replace(',', '.')));
  const input: ManualInput = {
    platform: v.platform,
    kind: v.kind,
    detail: v.detail,
    ts: parseMoment(v.date, v.time),
    count: number(v.count),
  };
  if (v.minutes.trim() !== '') input.minutes = number(v.minutes);
  return input;
}
