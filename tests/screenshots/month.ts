/**
 * A plausible month of one person's click-work, for the store's and the README's screenshots
 * (tests/screenshots/store.shots.ts): several platforms and kinds, at the hours people use them
 * (evenings and lunch breaks, more at weekends), a few actions entered by hand. Deterministic: the
 * same days relative to today on every run.
 */
const DAY = 86_400_000;

export interface MonthEvent {
  kind: string;
  platform: string;
  detail: string;
  ts: number;
  signal: 'dom' | 'network' | 'dom+network' | 'manual';
  durationMs?: number;
  rounds?: number;
  count?: number;
}

/** A small seeded generator (mulberry32): the same numbers on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How often a habit happens per day, at which hours, and how long one action takes (ms), if measured. */
interface Habit {
  kind: string;
  platform: string;
  details: string[];
  perDay: number;
  hours: number[];
  ms?: [number, number];
}

const EVENING = [19, 20, 21, 21, 22, 23];
const DAYTIME = [8, 12, 13, 13, 17, 18];
const HABITS: Habit[] = [
  { kind: 'reaction', platform: 'youtube', details: ['like'], perDay: 2.2, hours: EVENING },
  { kind: 'reaction', platform: 'instagram', details: ['like'], perDay: 3.5, hours: [...DAYTIME, ...EVENING] },
  { kind: 'reaction', platform: 'x', details: ['like'], perDay: 1.6, hours: [7, 8, 12, 18, 22] },
  { kind: 'share', platform: 'x', details: ['repost'], perDay: 0.3, hours: [8, 12, 22] },
  { kind: 'vote', platform: 'reddit', details: ['up', 'up', 'up', 'down'], perDay: 2.4, hours: [12, 13, 21, 22, 23] },
  { kind: 'vote', platform: 'stackoverflow', details: ['up'], perDay: 0.4, hours: [10, 11, 15, 16] },
  { kind: 'rating', platform: 'imdb', details: ['stars'], perDay: 0.2, hours: [22, 23] },
  { kind: 'rating', platform: 'goodreads', details: ['stars'], perDay: 0.15, hours: [21, 22] },
  { kind: 'review', platform: 'amazon', details: ['review'], perDay: 0.1, hours: [20, 21], ms: [180_000, 420_000] },
  { kind: 'review', platform: 'steam', details: ['review'], perDay: 0.05, hours: [22], ms: [240_000, 600_000] },
  { kind: 'tag', platform: 'pinterest', details: ['save'], perDay: 0.8, hours: [20, 21, 22] },
  { kind: 'tag', platform: 'youtube', details: ['playlist'], perDay: 0.3, hours: EVENING },
  { kind: 'moderation', platform: 'reddit', details: ['approve', 'remove'], perDay: 0.5, hours: [8, 9, 22] },
  { kind: 'ai-feedback', platform: 'chatgpt', details: ['up', 'up', 'down', 'compare'], perDay: 0.9, hours: [9, 10, 14, 15, 16] },
  { kind: 'ai-feedback', platform: 'claude', details: ['up', 'down'], perDay: 0.3, hours: [10, 11, 15] },
  { kind: 'captcha', platform: 'recaptcha', details: ['challenge'], perDay: 0.5, hours: DAYTIME, ms: [9_000, 35_000] },
  { kind: 'captcha', platform: 'hcaptcha', details: ['challenge'], perDay: 0.15, hours: DAYTIME, ms: [12_000, 40_000] },
  { kind: 'captcha', platform: 'turnstile', details: ['checkbox'], perDay: 0.3, hours: DAYTIME, ms: [1_500, 4_000] },
  { kind: 'report', platform: 'youtube', details: ['report'], perDay: 0.04, hours: [21] },
];

/**
 * A week of the heavier, data-producing labor (README heavy-*.png): someone who moderates a subreddit
 * and reviews Stack Overflow posts, writes product reviews, rates community notes, curates shelves and
 * boards, and compares AI answers at work.
 */
const HEAVY_HABITS: Habit[] = [
  { kind: 'moderation', platform: 'reddit', details: ['approve', 'approve', 'remove'], perDay: 3.5, hours: [8, 9, 12, 22] },
  { kind: 'moderation', platform: 'stackoverflow', details: ['review-task'], perDay: 1.6, hours: [10, 11, 15, 16] },
  { kind: 'moderation', platform: 'x', details: ['note-rating'], perDay: 0.8, hours: [12, 21, 22] },
  { kind: 'review', platform: 'amazon', details: ['review'], perDay: 0.4, hours: [20, 21], ms: [180_000, 480_000] },
  { kind: 'review', platform: 'steam', details: ['review'], perDay: 0.15, hours: [22, 23], ms: [300_000, 660_000] },
  { kind: 'rating', platform: 'amazon', details: ['stars'], perDay: 0.5, hours: [20, 21] },
  { kind: 'rating', platform: 'goodreads', details: ['stars'], perDay: 0.4, hours: [21, 22] },
  { kind: 'tag', platform: 'goodreads', details: ['shelf'], perDay: 0.7, hours: [21, 22] },
  { kind: 'tag', platform: 'pinterest', details: ['save'], perDay: 1.5, hours: [13, 20, 21, 22] },
  { kind: 'tag', platform: 'youtube', details: ['playlist'], perDay: 0.5, hours: EVENING },
  { kind: 'ai-feedback', platform: 'chatgpt', details: ['compare', 'up', 'down'], perDay: 1.4, hours: [9, 10, 14, 15, 16] },
  { kind: 'ai-feedback', platform: 'claude', details: ['up', 'up', 'down'], perDay: 0.9, hours: [10, 11, 15] },
];

/** How many times an average of `mean` happens on one day: its whole part, plus one by chance. */
const times = (mean: number, rnd: () => number) => Math.floor(mean) + (rnd() < mean % 1 ? 1 : 0);

function dayOfHabit(h: Habit, dayStart: number, weekend: boolean, rnd: () => number, now: number): MonthEvent[] {
  const out: MonthEvent[] = [];
  const n = times(h.perDay * (weekend ? 1.4 : 1), rnd);
  for (let i = 0; i < n; i++) {
    const hour = h.hours[Math.floor(rnd() * h.hours.length)] as number;
    const ts = dayStart + hour * 3_600_000 + Math.floor(rnd() * 3_600_000);
    if (ts > now - 60_000) continue;
    const e: MonthEvent = {
      kind: h.kind,
      platform: h.platform,
      detail: h.details[Math.floor(rnd() * h.details.length)] as string,
      ts,
      signal: h.kind === 'captcha' || h.kind === 'review' ? 'dom' : 'dom+network',
    };
    if (h.ms) e.durationMs = Math.round(h.ms[0] + rnd() * (h.ms[1] - h.ms[0]));
    if (h.kind === 'captcha' && e.detail !== 'checkbox') e.rounds = 1 + Math.floor(rnd() * 3);
    out.push(e);
  }
  return out;
}

/** A few actions the person entered by hand (done on another device, or on a site not counted). */
function handEntered(today: number): MonthEvent[] {
  return [
    { kind: 'review', platform: 'amazon', detail: 'review', ts: today - 9 * DAY + 18.5 * 3_600_000, durationMs: 600_000 },
    { kind: 'rating', platform: 'goodreads', detail: 'stars', ts: today - 5 * DAY + 21 * 3_600_000, count: 6 },
    {
      kind: 'reaction',
      platform: 'instagram',
      detail: 'like',
      ts: today - 2 * DAY + 13 * 3_600_000,
      count: 8,
      durationMs: 60_000,
    },
  ].map((e) => ({ ...e, signal: 'manual' as const }));
}

/**
 * Two months ending now (the dashboard compares a month with the one before): habits and the
 * hand-entered actions, oldest first. Another `seed` gives another person of the same habits (class totals).
 */
export function plausibleMonth(now = Date.now(), seed = 2027, days = 60, habits = HABITS): MonthEvent[] {
  const rnd = random(seed);
  const midnight = new Date(now);
  midnight.setHours(0, 0, 0, 0);
  const events: MonthEvent[] = [];
  for (let back = days - 1; back >= 0; back--) {
    const d = new Date(midnight);
    d.setDate(d.getDate() - back);
    const weekend = d.getDay() === 0 || d.getDay() === 6;
    for (const h of habits) events.push(...dayOfHabit(h, d.getTime(), weekend, rnd, now));
  }
  if (habits === HABITS) events.push(...handEntered(midnight.getTime()).filter((e) => e.ts < now));
  return events.sort((a, b) => a.ts - b.ts);
}

/** The last seven days of the heavier labor (HEAVY_HABITS), nothing entered by hand. */
export function heavyWeek(now = Date.now()): MonthEvent[] {
  return plausibleMonth(now, 1984, 7, HEAVY_HABITS);
}
