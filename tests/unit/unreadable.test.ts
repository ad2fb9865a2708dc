import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportBackup, importBackup } from '@/lib/db/backup';
import { correctKind, historyPage } from '@/lib/db/edit';
import { ingest, type Sighting } from '@/lib/db/ingest';
import { hourOfWeek, rangeDays, summarize } from '@/lib/db/queries';
import { repairUnreadable } from '@/lib/db/repair';
import { forgetUnreadable, unreadableCount } from '@/lib/db/rows';
import { ClickworkDB, dayKey } from '@/lib/db/schema';
import { candidateRows } from '@/lib/research/export';
import { enrolments, joinStudy, parseStudy, type Study } from '@/lib/research/study';
import { valuate } from '@/lib/valuation';

// Issue 12, finding "one malformed row breaks pages": every read skips what it cannot read.

let db: ClickworkDB;
let n = 0;
beforeEach(() => {
  db = new ClickworkDB(`unreadable-${++n}`);
});
afterEach(async () => {
  await db.delete();
});

const noonToday = () => {
  const d = new Date();
  return new Date(d.getFullYear(), d.getMonth(), d.getDate(), 12).getTime();
};
const like = (ts: number, over: Partial<Sighting> = {}): Sighting => ({
  platform: 'youtube',
  kind: 'reaction',
  detail: 'like',
  slot: 'none',
  op: 'add',
  signal: 'dom',
  ts,
  ...over,
});

function study(): Study {
  const r = parseStudy(
    JSON.stringify({
      format: 'clickwork-meter/study',
      version: 1,
      id: 'bad-rows-2026',
      title: 'A study',
      researcher: 'A. Researcher',
      contact: 'r@university.invalid',
      consent: { version: '1', text: 'You agree.' },
      granularity: 'hour',
      startDate: '2020-01-01',
      endDate: '2099-12-31',
    }),
  );
  if (!r.ok) throw new Error('study refused');
  return r.study;
}

/** Three good likes today, then the rows of the finding, written as a bug or an old version could have. */
async function seedWithBadRows() {
  const t = noonToday();
  await ingest(db, [like(t), like(t + 60_000), like(t + 120_000)]);
  const day = dayKey(t);
  await db.events.add({ kind: 7, platform: 'youtube', detail: 'like', ts: t + 180_000, signal: 'dom' } as never);
  await db.daily.put({
    day,
    platform: 'youtube',
    kind: 'bogus',
    detail: 'x',
    count: 1,
    measuredMs: 0,
    measuredCount: 0,
  } as never);
  await db.daily.put({
    day,
    platform: 'reddit',
    kind: 'vote',
    detail: 'up',
    count: '7',
    measuredMs: 0,
    measuredCount: 0,
  } as never);
  await joinStudy(db, study(), t);
  const list = (await db.meta.get('studies'))?.value as unknown[];
  await db.meta.put({ key: 'studies', value: [...list, { study: { id: 5 }, pseudonym: null }] });
}

describe('readers never crash on a bad row', () => {
  it('totals, valuation and the chart skip the unreadable rollup rows', async () => {
    await seedWithBadRows();
    const today = await summarize(db, rangeDays('today'));
    expect(today.total).toBe(3);
    expect(today.perDay.at(-1)).toMatchObject({ reaction: 3, vote: 0 });
    expect(today.byKind).toEqual([{ kind: 'reaction', count: 3 }]);
    expect(() => valuate(today.tallies, { microPresetId: 'mturk-median', fairPresetId: 'smic' })).not.toThrow();
    const week = await summarize(db, rangeDays('7d'));
    const lastDay = Object.values(week.perDay.at(-1) ?? {}).reduce((a, b) => a + b, 0);
    expect(lastDay).toBe(3);
  });

  it('the history, the heat map and the research export leave the unreadable event out', async () => {
    await seedWithBadRows();
    const page = await historyPage(db);
    expect(page.map((e) => e.kind)).toEqual(['reaction', 'reaction', 'reaction']);
    const grid = await hourOfWeek(db, rangeDays('today'));
    expect(grid.flat().reduce((a, b) => a + b, 0)).toBe(3);
    const [enrolment] = await enrolments(db);
    expect(enrolment?.study.id).toBe('bad-rows-2026');
    expect(await enrolments(db)).toHaveLength(1);
    const rows = await candidateRows(db, enrolment as never);
    expect(rows.map((r) => [r.kind, r.count])).toEqual([['reaction', 3]]);
  });

  it('a correction refuses an unreadable row instead of writing nonsense totals', async () => {
    await seedWithBadRows();
    const bad = (await db.events.toArray()).find((e) => typeof e.kind !== 'string');
    expect(await correctKind(db, bad?.id as number, 'vote')).toBe(false);
  });

  it('the extension’s own backup of such a database restores: the good rows, and the bad ones reported', async () => {
    await seedWithBadRows();
    const other = new ClickworkDB(`unreadable-other-${n}`);
    try {
      const result = await importBackup(other, JSON.stringify(await exportBackup(db, '0.1.0', 'en')), 'en');
      expect(result).toMatchObject({ ok: true, added: 3, skipped: { unreadable: 1 } });
    } finally {
      await other.delete();
    }
  });
});

describe('the repair', () => {
  it('counts each unreadable row once however many reads meet it, then removes or fixes every one', async () => {
    forgetUnreadable();
    await seedWithBadRows();
    const t = noonToday();
    const fixable = await db.events.add({
      ...(await db.events.toArray())[0],
      id: undefined,
      ts: t + 240_000,
      durationMs: 'long',
    } as never);
    await summarize(db, rangeDays('7d'));
    await summarize(db, rangeDays('today'));
    await historyPage(db);
    await hourOfWeek(db, rangeDays('today'));
    await enrolments(db);
    // Two rollup rows, the event with a numeric kind, the one with a text duration, the study entry.
    expect(unreadableCount()).toBe(5);

    expect(await repairUnreadable(db)).toEqual({ removed: 4, fixed: 1 });
    expect(unreadableCount()).toBe(0);
    expect((await db.events.get(fixable))?.durationMs).toBeUndefined();
    const today = await summarize(db, rangeDays('today'));
    expect(today.total).toBe(4); // three likes and the fixed one, rebuilt from the events
    expect(await db.daily.toArray()).toEqual([
      expect.objectContaining({ platform: 'youtube', kind: 'reaction', detail: 'like', count: 4 }),
    ]);
    expect(await enrolments(db)).toHaveLength(1);
    expect(unreadableCount()).toBe(0);
  });
});
