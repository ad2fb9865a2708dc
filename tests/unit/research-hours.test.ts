import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOURS, type HoursRow, hoursKey, isReadableHours, unpackHours } from '@/lib/db/hours';
import { forgetUnreadable, isReadableDaily, isReadableHourly, noteUnreadable, unreadableCount } from '@/lib/db/rows';
import { ClickworkDB } from '@/lib/db/schema';
import { knownDetails } from '@/lib/research/details';
import { applyDisclosure, sortRows } from '@/lib/research/disclosure-apply';
import { buildExport, candidateRows, exportPeriod, exportZip } from '@/lib/research/export';
import { DETAIL, type ExportRow } from '@/lib/research/format';
import { type Enrolment, parseStudy } from '@/lib/research/study';
import { beneficiaryOf } from '@/lib/taxonomy';

/**
 * The export by the hour reads the packed hours rows in place (lib/research/export-hours.ts). These
 * tests hold it to what the export did before (issue 14): unpack every hour (readHourly), check each
 * unpacked hour, add them up by a string key and sort. That older path is written out here as the
 * reference, and both are run on the same varied data: the same rows, the same files byte for byte,
 * the same unreadable rows noted.
 */

// The reference: isReadableHours, readHourly and candidateRows's hour path as they were.
const isSlots = (v: unknown) =>
  Array.isArray(v) && v.length === HOURS && v.every((x) => typeof x === 'number' && Number.isFinite(x));
function oldReadable(r: unknown): r is HoursRow {
  if (r === null || typeof r !== 'object') return false;
  const h = r as Record<string, unknown>;
  const zeros = { count: 0, measuredMs: 0, measuredCount: 0 };
  if (!isReadableDaily({ day: h.day, platform: h.platform, kind: h.kind, detail: h.detail, ...zeros })) return false;
  const manual = ['manualCount', 'manualTimedCount', 'manualMs'];
  if (
    !['count', 'measuredMs', 'measuredCount'].every((f) => isSlots(h[f])) ||
    !manual.every((f) => h[f] === undefined || isSlots(h[f]))
  )
    return false;
  return unpackHours(h as unknown as HoursRow).every(isReadableHourly);
}

async function oldHourRows(db: ClickworkDB, e: Enrolment, now: number): Promise<ExportRow[]> {
  const period = exportPeriod(e, now);
  if (!period) return [];
  const acc = new Map<string, ExportRow & { measured_ms: number; manual_ms: number }>();
  const include = e.study.includeManual;
  for (const stored of await db.hours.where('day').between(period.from, period.to, true, true).toArray()) {
    if (!oldReadable(stored)) {
      noteUnreadable('hours', hoursKey(stored));
      continue;
    }
    for (const r of unpackHours(stored)) {
      const manualCount = r.manualCount ?? 0;
      const count = r.count - (include ? 0 : manualCount);
      if (!e.study.platforms.includes(r.platform) || !e.study.kinds.includes(r.kind) || count <= 0) continue;
      const detail = DETAIL.test(r.detail) && knownDetails().has(r.detail) ? r.detail : 'other';
      const key = `${r.day}|${r.hour}|${r.platform}|${r.kind}|${detail}`;
      const base = { study_id: e.study.id, participant: e.pseudonym, day: r.day, hour: r.hour, grain: e.study.granularity };
      const zero = {
        count: 0,
        measured_count: 0,
        measured_seconds: 0,
        manual_count: 0,
        manual_seconds: 0,
        measured_ms: 0,
        manual_ms: 0,
      };
      const row = acc.get(key) ?? {
        ...base,
        platform: r.platform,
        beneficiary: beneficiaryOf(r.platform),
        kind: r.kind,
        detail,
        ...zero,
      };
      acc.set(key, row);
      row.count += count;
      row.measured_count += r.measuredCount;
      row.measured_ms += r.measuredMs;
      row.manual_count += include ? manualCount : 0;
      row.manual_ms += include ? (r.manualMs ?? 0) : 0;
    }
  }
  const seconds = (ms: number) => Math.round(ms / 100) / 10;
  const rows = [...acc.values()].map(({ measured_ms, manual_ms, ...row }) => ({
    ...row,
    measured_seconds: seconds(measured_ms),
    manual_seconds: seconds(manual_ms),
  }));
  return sortRows(rows);
}

// Varied data: a seeded draw, so a failure can be replayed.
function draw(seed: number) {
  let x = seed;
  return (n: number) => {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    return x % n;
  };
}

const PLATFORMS = ['youtube', 'reddit', 'x', 'recaptcha', 'github'] as const;
const KINDS = ['reaction', 'vote', 'share', 'comment', 'captcha'] as const;
// Known details, and some no detector reports (they leave as `other`, so several rows add into one).
const DETAILS = ['like', 'up', 'down', 'repost', 'challenge', 'checkbox', 'made-up', 'zzz', 'a b', 'Other'];

function goodRow(rand: (n: number) => number, day: string): HoursRow {
  const slots = () => new Array<number>(HOURS).fill(0);
  const r: HoursRow = {
    day,
    platform: PLATFORMS[rand(PLATFORMS.length)] as HoursRow['platform'],
    kind: KINDS[rand(KINDS.length)] as HoursRow['kind'],
    detail: DETAILS[rand(DETAILS.length)] as string,
    count: slots(),
    measuredMs: slots(),
    measuredCount: slots(),
  };
  const manual = rand(3) === 0;
  if (manual) Object.assign(r, { manualCount: slots(), manualTimedCount: slots(), manualMs: slots() });
  for (let k = rand(8); k >= 0; k--) {
    const h = rand(HOURS);
    r.count[h] = 1 + rand(6);
    r.measuredCount[h] = rand((r.count[h] as number) + 1);
    r.measuredMs[h] = rand(3) === 0 ? rand(100_000) + 0.35 : rand(5) * 9000; // fractions: the sums' order shows
    if (manual && rand(2) === 0) {
      (r.manualCount as number[])[h] = rand((r.count[h] as number) + 2); // may exceed the hour's count
      (r.manualTimedCount as number[])[h] = rand(2);
      (r.manualMs as number[])[h] = rand(600_000) + 0.25;
    }
  }
  return r;
}

/** Ways a stored row goes bad (an edited backup, an old bug): each must be noted and left out. */
const DAMAGE: ((r: HoursRow, h: number) => unknown)[] = [
  (r, h) => ({ ...r, count: r.count.map((c, i) => (i === h ? -1 : c)) }),
  (r, h) => ({ ...r, count: r.count.map((c, i) => (i === h ? 2.5 : c)) }),
  (r) => ({ ...r, measuredMs: r.measuredMs.slice(1) }),
  (r, h) => ({
    ...r,
    count: r.count.map((c, i) => (i === h ? 3 : c)),
    measuredMs: r.measuredMs.map((c, i) => (i === h ? -4 : c)),
  }),
  (r, h) => ({ ...r, count: r.count.map((c, i) => (i === h ? 3 : c)), manualCount: r.count.map((_, i) => (i === h ? 0.5 : 0)) }),
  (r) => ({ ...r, kind: 'nothing' }),
  (r) => ({ ...r, detail: 'x'.repeat(41) }),
  (r) => ({ ...r, measuredCount: 'broken' }),
];

async function seed(db: ClickworkDB, seedNumber: number): Promise<number> {
  const rand = draw(seedNumber);
  const rows: unknown[] = [];
  for (let d = 0; d < 40; d++) {
    // Some days fall outside the study period (2026-11-01 to 2026-11-20).
    const day = `2026-${d < 3 ? '10' : '11'}-${String(d < 3 ? 29 + d : d - 2).padStart(2, '0')}`;
    for (let k = 0; k < 12; k++) rows.push(goodRow(rand, day));
    if (d % 4 === 0)
      rows.push((DAMAGE[rand(DAMAGE.length)] as (r: HoursRow, h: number) => unknown)(goodRow(rand, day), rand(HOURS)));
  }
  await db.hours.bulkPut(rows as never); // same key: the later row stays, as in any put
  return rows.length;
}

const NOW = new Date(2026, 10, 20, 18, 0).getTime();
function enrol(over: Record<string, unknown>): Enrolment {
  const r = parseStudy(
    JSON.stringify({
      format: 'clickwork-meter/study',
      version: 1,
      id: 'hours-2026',
      title: 'Hours',
      researcher: 'A. Researcher',
      contact: 'research@university.invalid',
      consent: { version: '1', text: 'Counts only.' },
      granularity: 'hour',
      startDate: '2026-11-01',
      endDate: '2026-12-31',
      platforms: ['youtube', 'reddit', 'x', 'recaptcha'],
      kinds: ['reaction', 'vote', 'comment', 'captcha'],
      ...over,
    }),
  );
  if (!r.ok) throw new Error(`${r.error} ${r.field}`);
  return { study: r.study, pseudonym: '2f1c3a9e-8b7d-4c6e-9a5b-1d2e3f4a5b6c', consentDay: '2026-11-01' };
}

let db: ClickworkDB;
let n = 0;
beforeEach(() => {
  db = new ClickworkDB(`research-hours-${++n}`);
});
afterEach(async () => {
  await db.delete();
});

/** Both paths on the same data: rows, unreadable rows noted, and the files. */
async function same(e: Enrolment) {
  forgetUnreadable();
  const before = await oldHourRows(db, e, NOW);
  const noted = unreadableCount();
  forgetUnreadable();
  const now = await candidateRows(db, e, NOW);
  expect(unreadableCount()).toBe(noted);
  expect(now).toEqual(before);
  expect(JSON.stringify(buildExport(e, now, 0, '0.1.0', NOW))).toBe(JSON.stringify(buildExport(e, before, 0, '0.1.0', NOW)));
  expect(exportZip(buildExport(e, now, 2, '0.1.0', NOW))).toEqual(exportZip(buildExport(e, before, 2, '0.1.0', NOW)));
  return { rows: now, noted, before };
}

describe('the export by the hour, read from the packed rows in place', () => {
  it.each([1, 7, 42, 2026])('gives the rows and files the unpacking path gave (data seed %i)', async (seedNumber) => {
    await seed(db, seedNumber);
    for (const include_manual of [false, true]) {
      const { rows, noted } = await same(enrol({ include_manual }));
      expect(rows.length).toBeGreaterThan(100);
      expect(noted).toBeGreaterThan(0); // the damaged rows were met, and noted by both
      expect(rows.some((r) => r.detail === 'other')).toBe(true);
      expect(rows.some((r) => r.manual_count > 0)).toBe(include_manual);
    }
  });

  it('gives the same rows under disclosure rules (merged into days and weeks, suppressed, rounded)', async () => {
    await seed(db, 99);
    const rules = [
      { kinds: ['reaction'], granularity: 'week', suppress_below: 3 },
      { kinds: ['comment', 'captcha'], granularity: 'day', round_to: 5 },
      { kinds: ['vote'], suppress_below: 2 },
    ];
    const e = enrol({ disclosure: rules, include_manual: true });
    const { rows, before } = await same(e);
    const noise = async (keys: string[]) => new Map(keys.map((k, i) => [k, (i % 3) - 1]));
    const a = await applyDisclosure(rows, e.study.disclosure ?? [], noise);
    const b = await applyDisclosure(before, e.study.disclosure ?? [], noise);
    expect(a.rows.some((r) => r.grain === 'week') && a.rows.some((r) => r.grain === 'day')).toBe(true);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('adds rows leaving as `other` into one, leaving out an hour whose actions were all hand-entered', async () => {
    const slots = (h: number, v: number) => new Array<number>(HOURS).fill(0).map((_, i) => (i === h ? v : 0));
    const base = { day: '2026-11-05', platform: 'youtube', kind: 'reaction' } as const;
    const handEntered = { manualCount: slots(5, 2), manualTimedCount: slots(5, 1), manualMs: slots(5, 60_000) };
    await db.hours.bulkPut([
      { ...base, detail: 'made-up', count: slots(5, 2), measuredMs: slots(5, 500), measuredCount: slots(5, 1), ...handEntered },
      { ...base, detail: 'zzz', count: slots(5, 3), measuredMs: slots(5, 149.5), measuredCount: slots(5, 2) },
      { ...base, detail: 'like', count: slots(5, 1), measuredMs: slots(5, 0), measuredCount: slots(5, 0) },
    ]);
    const pick = (r: ExportRow) => [
      r.hour,
      r.detail,
      r.count,
      r.measured_count,
      r.measured_seconds,
      r.manual_count,
      r.manual_seconds,
    ];
    expect((await same(enrol({}))).rows.map(pick)).toEqual([
      [5, 'like', 1, 0, 0, 0, 0],
      [5, 'other', 3, 2, 0.1, 0, 0],
    ]);
    expect((await same(enrol({ include_manual: true }))).rows.map(pick)).toEqual([
      [5, 'like', 1, 0, 0, 0, 0],
      [5, 'other', 5, 3, 0.6, 2, 60],
    ]);
  });

  it('leaves out and notes each kind of damaged row as the hour-by-hour check did', async () => {
    const rand = draw(5);
    for (const [i, damage] of DAMAGE.entries()) {
      const row = goodRow(rand, '2026-11-10');
      row.count[3] = 2;
      const bad = damage(row, 3);
      expect(isReadableHours(bad), `damage ${i}`).toBe(false);
      expect(oldReadable(bad), `damage ${i}`).toBe(false);
    }
    // A damaged hour holding no action was never read, so never refused (nor is it now).
    const quiet = goodRow(rand, '2026-11-10');
    quiet.count[4] = 0;
    quiet.measuredMs[4] = -1;
    expect(isReadableHours(quiet)).toBe(oldReadable(quiet));
    expect(isReadableHours(quiet)).toBe(true);
    // A row with holes in its slots: the same answer both ways.
    const holes = { ...goodRow(rand, '2026-11-10'), count: new Array(HOURS) };
    holes.count[2] = 1;
    expect(isReadableHours(holes)).toBe(oldReadable(holes));
  });

  it('agrees with the hour-by-hour check on many varied and damaged rows', () => {
    const rand = draw(314);
    for (let i = 0; i < 3000; i++) {
      const r = goodRow(rand, '2026-11-10');
      const row = rand(2) === 0 ? (DAMAGE[rand(DAMAGE.length)] as (r: HoursRow, h: number) => unknown)(r, rand(HOURS)) : r;
      expect(isReadableHours(row)).toBe(oldReadable(row));
    }
  });
});
