import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ClickworkDB, type DailyRollup } from '@/lib/db/schema';
import { claimDueWeek, loadWeekly, markHandled, updateWeekly } from '@/lib/weekly/store';
import { weeklyNumbers, weeklyText } from '@/lib/weekly/summary';
import { dueWeek, lastWeek, sanitizeWeekly, turnedOn, WEEKLY_OFF } from '@/lib/weekly/week';
import { root } from './helpers';

// Local time is Paris, so that a week with a daylight-saving change is one of the cases.
process.env.TZ = 'Europe/Paris';
const at = (y: number, m: number, d: number, h = 12, min = 0, s = 0) => new Date(y, m - 1, d, h, min, s).getTime();

let db: ClickworkDB;
let n = 0;
beforeEach(async () => {
  // Only Date is faked: Dexie and fake-indexeddb keep their real timers.
  vi.useFakeTimers({ toFake: ['Date'] });
  db = new ClickworkDB(`weekly-${n++}`);
  await db.open();
});
afterEach(async () => {
  vi.useRealTimers();
  db.close();
});

describe('the week looked back on', () => {
  it('is the previous Monday–Sunday in local time', () => {
    expect(lastWeek(at(2026, 12, 2)).days).toEqual([
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
    ]);
    // Sunday 23:59:59 still belongs to the week; Monday 00:00 starts the next one.
    expect(lastWeek(at(2026, 11, 29, 23, 59, 59)).week).toBe('2026-11-16');
    expect(lastWeek(at(2026, 11, 30, 0, 0, 0)).week).toBe('2026-11-23');
  });

  it('keeps seven days across the change from summer time (25 October 2026 in Paris)', () => {
    // The time zone really is Paris here: an hour less offset after the change.
    expect(new Date(at(2026, 10, 24)).getTimezoneOffset() - new Date(at(2026, 10, 26)).getTimezoneOffset()).toBe(-60);
    const { week, days } = lastWeek(at(2026, 10, 26, 0, 30));
    expect(week).toBe('2026-10-19');
    expect(days.at(-1)).toBe('2026-10-25');
    expect(new Set(days).size).toBe(7);
  });
});

describe('when a look back is due', () => {
  it('is never while off, and not at once when turned on: the first comes after the week ends', () => {
    vi.setSystemTime(at(2026, 11, 25)); // a Wednesday
    expect(dueWeek(WEEKLY_OFF, Date.now())).toBeNull();
    const on = turnedOn(WEEKLY_OFF, false, Date.now());
    expect(dueWeek(on, Date.now())).toBeNull();
    vi.setSystemTime(at(2026, 11, 29, 23, 59, 59));
    expect(dueWeek(on, Date.now())).toBeNull();
    vi.setSystemTime(at(2026, 11, 30, 0, 0, 1));
    expect(dueWeek(on, Date.now())).toBe('2026-11-23');
  });

  it('fires once per week, whoever asks (alarm, startup, popup)', async () => {
    vi.setSystemTime(at(2026, 11, 25));
    await updateWeekly(db, (s) => turnedOn(s, true, Date.now()));
    vi.setSystemTime(at(2026, 11, 30, 9));
    const claims = await Promise.all([claimDueWeek(db, Date.now()), claimDueWeek(db, Date.now()), claimDueWeek(db, Date.now())]);
    expect(claims.filter(Boolean)).toEqual(['2026-11-23']);
    vi.setSystemTime(at(2026, 12, 6, 23));
    expect(await claimDueWeek(db, Date.now())).toBeNull();
    vi.setSystemTime(at(2026, 12, 7, 8));
    expect(await claimDueWeek(db, Date.now())).toBe('2026-11-30');
  });

  it('catches up once, with the latest week, after the browser was closed for weeks', async () => {
    vi.setSystemTime(at(2026, 11, 25));
    await updateWeekly(db, (s) => turnedOn(s, false, Date.now()));
    vi.setSystemTime(at(2026, 12, 23, 18)); // three full weeks later, a Wednesday
    expect(await claimDueWeek(db, Date.now())).toBe('2026-12-14');
    expect(await claimDueWeek(db, Date.now())).toBeNull();
  });

  it('does not bring an old week back when the clock is put back, nor moves back when dismissed', async () => {
    vi.setSystemTime(at(2026, 11, 25));
    await updateWeekly(db, (s) => turnedOn(s, false, Date.now()));
    await markHandled(db, '2026-11-30');
    await markHandled(db, '2026-11-23');
    expect((await loadWeekly(db)).handled).toBe('2026-11-30');
    vi.setSystemTime(at(2026, 12, 2));
    expect(dueWeek(await loadWeekly(db), Date.now())).toBeNull();
  });

  it('reads a malformed stored state as off', async () => {
    expect(sanitizeWeekly('yes')).toEqual(WEEKLY_OFF);
    expect(sanitizeWeekly({ enabled: 1, handled: 'last week', notify: true })).toEqual({ enabled: false, notify: true });
    await db.meta.put({ key: 'weekly', value: { enabled: true, handled: 42 } });
    vi.setSystemTime(at(2026, 12, 2));
    expect(await claimDueWeek(db, Date.now())).toBe('2026-11-23');
  });
});

const row = (day: string, platform: DailyRollup['platform'], count: number, ms: number): DailyRollup => ({
  day,
  platform,
  kind: 'reaction',
  detail: 'like',
  count,
  measuredCount: count,
  measuredMs: ms,
});

/** The real English catalogue, placeholders filled in as the browser does. */
function englishCatalogue(): void {
  const cat = JSON.parse(readFileSync(resolve(root, 'public/_locales/en/messages.json'), 'utf8')) as Record<
    string,
    { message: string; placeholders?: Record<string, { content: string }> }
  >;
  const i18n = fakeBrowser.i18n as unknown as { getMessage(k: string, s?: string[]): string; getUILanguage(): string };
  i18n.getUILanguage = () => 'en';
  i18n.getMessage = (k, subs = []) =>
    (cat[k]?.message ?? '').replace(/\$(\w+)\$/g, (_, name: string) => {
      const content = cat[k]?.placeholders?.[name.toLowerCase()]?.content ?? '';
      return subs[Number(content.slice(1)) - 1] ?? '';
    });
}

describe("a week's numbers", () => {
  beforeEach(async () => {
    await db.daily.bulkPut([
      row('2026-11-22', 'youtube', 100, 0), // the Sunday before
      row('2026-11-23', 'youtube', 5, 300_000),
      row('2026-11-25', 'facebook', 3, 180_000),
      row('2026-11-29', 'instagram', 3, 180_000),
      row('2026-11-24', 'practice', 50, 0), // the practice page is not click-work
      row('2026-11-30', 'youtube', 100, 0), // the Monday after
    ]);
  });

  it('adds up the week only, values it at the user’s fair-wage rate and names the top platform and company', async () => {
    const w = await weeklyNumbers(db, '2026-11-23', 'fr-FR');
    expect(w.total).toBe(11);
    expect(w.seconds).toBe(660);
    expect(w.fair.rate.preset?.id).toBe('smic');
    expect(w.fair.amount).toBeCloseTo((660 / 3600) * 12.02, 9);
    expect(w.topPlatform).toEqual({ platform: 'youtube', count: 5 });
    // Facebook and Instagram together: Meta received more than Alphabet.
    expect(w.topCompany).toEqual({ beneficiary: 'meta', count: 6 });
  });

  it('follows the user’s own rate and currency', async () => {
    await db.meta.put({ key: 'valuation', value: { microPresetId: 'mturk-median', fairPresetId: 'us-federal' } });
    const w = await weeklyNumbers(db, '2026-11-23', 'fr-FR');
    expect(w.fair.rate.currency).toBe('USD');
    expect(w.fair.amount).toBeCloseTo((660 / 3600) * 7.25, 9);
  });

  it('says it in words', async () => {
    englishCatalogue();
    const { title, lines } = weeklyText(await weeklyNumbers(db, '2026-11-23', 'fr-FR'));
    expect(title).toBe('Your week of click-work, Nov 23 – Nov 29');
    expect(lines).toEqual([
      'Last week: 11 actions, 11 min given, ≈ €2.20 at SMIC, France (gross).',
      'Most on YouTube; most for Meta.',
    ]);
  });

  it('has no top platform in an empty week', async () => {
    const w = await weeklyNumbers(db, '2026-11-09', 'en-US');
    expect(w.total).toBe(0);
    expect(w.topPlatform).toBeUndefined();
    expect(w.topCompany).toBeUndefined();
  });
});
