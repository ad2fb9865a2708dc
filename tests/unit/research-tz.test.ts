import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest, type Sighting } from '@/lib/db/ingest';
import { daysBetween, hourOfWeek, summarize } from '@/lib/db/queries';
import { ClickworkDB } from '@/lib/db/schema';
import { candidateRows } from '@/lib/research/export';
import { bucketStart } from '@/lib/research/grain';
import { type Enrolment, parseStudy, type Study } from '@/lib/research/study';

/**
 * Moves the time zone of this worker (Node reads process.env.TZ again when it changes): actions
 * recorded in Paris across both of its daylight-saving changes, the profile then moved to New York
 * and more recorded there across both of its changes. Every file and the dashboard must agree.
 */
const savedTz = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Europe/Paris';
});
afterAll(() => {
  process.env.TZ = savedTz;
});

const like = (ts: number): Sighting => ({
  platform: 'youtube',
  kind: 'reaction',
  detail: 'like',
  slot: 'none',
  op: 'add',
  signal: 'dom',
  ts,
});
const utc = (iso: string) => Date.parse(iso);

function enrolment(granularity: string): Enrolment {
  const r = parseStudy(
    JSON.stringify({
      format: 'clickwork-meter/study',
      version: 1,
      id: 'time-zones',
      title: 'T',
      researcher: 'R',
      contact: 'C',
      consent: { version: '1', text: 'x' },
      granularity,
      platforms: ['youtube'],
      startDate: '2026-03-01',
      endDate: '2026-12-31',
    }),
  );
  if (!r.ok) throw new Error(`${r.error} ${r.field}`);
  return { study: r.study as Study, pseudonym: '0b4a3f6e-2f0a-4d7c-9a51-6c1c1f7e2d10', consentDay: '2026-03-01' };
}

describe('time zones', () => {
  it('keeps each action in its local day and hour from when it happened; day and hour files and the dashboard agree', async () => {
    const db = new ClickworkDB('tz-move');
    expect(new Date(utc('2026-03-28T23:30:00Z')).getHours()).toBe(0); // really in Paris
    await ingest(db, [
      like(utc('2026-03-28T23:30:00Z')), // Paris 00:30 (winter, +1) 29 March
      like(utc('2026-03-29T01:30:00Z')), // Paris 03:30 (summer, +2): the clocks went forward
      like(utc('2026-10-25T00:30:00Z')), // Paris 02:30 (summer, +2) 25 October...
      like(utc('2026-10-25T01:30:00Z')), // ...and 02:30 again (winter, +1): the clocks went back
      like(utc('2026-10-25T22:30:00Z')), // Paris 23:30: still 25 October in New York (18:30)
    ]);
    process.env.TZ = 'America/New_York';
    expect(new Date(utc('2026-03-28T23:30:00Z')).getHours()).toBe(19); // moved
    await ingest(db, [
      like(utc('2026-11-01T05:30:00Z')), // New York 01:30 (summer, -4) 1 November...
      like(utc('2026-11-01T06:30:00Z')), // ...and 01:30 again (winter, -5)
      like(utc('2026-03-08T06:30:00Z')), // New York 01:30 (winter, -5) 8 March
      like(utc('2026-03-08T07:30:00Z')), // New York 03:30 (summer, -4): the clocks went forward
    ]);
    const now = utc('2026-12-15T12:00:00Z');
    const hours = await candidateRows(db, enrolment('hour'), now);
    expect(hours.map((r) => [r.day, r.hour, r.count])).toEqual([
      ['2026-03-08', 1, 1],
      ['2026-03-08', 3, 1],
      ['2026-03-29', 0, 1],
      ['2026-03-29', 3, 1],
      ['2026-10-25', 2, 2],
      ['2026-10-25', 23, 1],
      ['2026-11-01', 1, 2],
    ]);
    const days = await candidateRows(db, enrolment('day'), now);
    const byDay = new Map<string, number>();
    for (const r of hours) byDay.set(r.day, (byDay.get(r.day) ?? 0) + r.count);
    expect(days.map((r) => [r.day, r.count])).toEqual([...byDay]);
    // Week (ISO, keyed by its Monday) and month files add up the same days, across both moves and
    // all four clock changes.
    for (const grain of ['week', 'month'] as const) {
      const spans = new Map<string, number>();
      for (const [day, n] of byDay) spans.set(bucketStart(day, grain), (spans.get(bucketStart(day, grain)) ?? 0) + n);
      const rows = await candidateRows(db, enrolment(grain), now);
      expect(rows.map((r) => [r.day, r.count])).toEqual([...spans]);
    }
    expect((await candidateRows(db, enrolment('week'), now)).map((r) => r.day)).toEqual([
      '2026-03-02',
      '2026-03-23',
      '2026-10-19',
      '2026-10-26',
    ]);
    // The dashboard reads the same days.
    const dash = await summarize(db, daysBetween('2026-03-01', '2026-12-15'));
    const dashDays = dash.days.map((d, i) => [d, dash.perDay[i]?.reaction ?? 0]).filter(([, n]) => n);
    expect(dashDays).toEqual([...byDay]);
    // And the dashboard's weekday × hour chart puts them in the same hours.
    const grid = await hourOfWeek(db, daysBetween('2026-03-01', '2026-12-15'));
    const cells = grid.flatMap((row, w) => row.map((n, h) => [w, h, n]).filter(([, , n]) => n));
    // 8 March and 1 November 2026 are Sundays (6); 29 March and 25 October too.
    expect(cells).toEqual([
      [6, 0, 1],
      [6, 1, 3],
      [6, 2, 2],
      [6, 3, 2],
      [6, 23, 1],
    ]);
    // Each event keeps its offset from UTC at that moment (minutes east).
    const offsets = (await db.events.orderBy('id').toArray()).map((e) => (e as { utcOffset?: number }).utcOffset);
    expect(offsets).toEqual([60, 120, 120, 60, 60, -240, -300, -300, -240]);
    await db.delete();
  });

  it('undoing an action after a move takes it off the day and hour it was counted in', async () => {
    process.env.TZ = 'Europe/Paris';
    const db = new ClickworkDB('tz-undo');
    const ts = utc('2026-06-10T22:30:00Z'); // Paris 00:30 on 11 June; New York 18:30 on 10 June
    await ingest(db, [{ ...like(ts), slot: 'exclusive', targetKey: 'v1' }]);
    process.env.TZ = 'America/New_York';
    await ingest(db, [{ ...like(ts + 60_000), slot: 'exclusive', targetKey: 'v1', op: 'undo' }]);
    expect(await db.daily.toArray()).toEqual([]);
    expect(await candidateRows(db, enrolment('hour'), utc('2026-12-15T12:00:00Z'))).toEqual([]);
    await db.delete();
  });
});
