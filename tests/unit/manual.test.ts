import Ajv2020 from 'ajv/dist/2020';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportBackup, importBackup } from '@/lib/db/backup';
import { correctKind, deleteEvent, historyPage } from '@/lib/db/edit';
import { ingest, type Sighting } from '@/lib/db/ingest';
import { addManual, editManual, type ManualInput, validateManual } from '@/lib/db/manual';
import { daysBetween, hourOfWeek, summarize } from '@/lib/db/queries';
import { ClickworkDB, dayKey } from '@/lib/db/schema';
import { buildExport, candidateRows } from '@/lib/research/export';
import { parseExportJson } from '@/lib/research/format';
import { exportJsonSchema } from '@/lib/research/json-schema';
import { type Enrolment, parseStudy } from '@/lib/research/study';
import { defaultSettings, valuate } from '@/lib/valuation';

let db: ClickworkDB;
let n = 0;
beforeEach(() => {
  db = new ClickworkDB(`manual-${++n}`);
});
afterEach(async () => {
  await db.delete();
});

const NOW = new Date(2026, 10, 20, 18, 0).getTime();
const at = (day: number, hour: number, minute = 0) => new Date(2026, 10, day, hour, minute).getTime();
const input = (over: Partial<ManualInput> = {}): ManualInput => ({
  platform: 'amazon',
  kind: 'review',
  detail: 'review',
  ts: at(20, 9),
  count: 3,
  minutes: 20,
  ...over,
});
const days = daysBetween('2026-11-01', '2026-11-30');

describe('validating a hand-entered action', () => {
  it('accepts a valid entry, with or without minutes, on a taxonomy platform or "other"', () => {
    expect(validateManual(input(), NOW)).toMatchObject({
      ok: true,
      event: { platform: 'amazon', kind: 'review', detail: 'review', count: 3, durationMs: 1_200_000, signal: 'manual' },
    });
    const plain = validateManual(input({ platform: 'other', minutes: undefined, count: 1000 }), NOW);
    expect(plain.ok && plain.event.durationMs).toBeUndefined();
    expect(validateManual(input({ kind: 'moderation', detail: 'close-vote', platform: 'stackoverflow' }), NOW).ok).toBe(true);
    // The current minute is not the future (the form has no seconds).
    expect(validateManual(input({ ts: NOW + 30_000 }), NOW).ok).toBe(true);
  });

  it.each([
    [{ ts: NOW + 3_600_000 }, 'when', 'future'],
    [{ ts: Number.NaN }, 'when', 'invalid-time'],
    [{ ts: new Date(1999, 11, 31).getTime() }, 'when', 'too-old'],
    [{ count: 0 }, 'count', 'count-range'],
    [{ count: 1001 }, 'count', 'count-range'],
    [{ count: 2.5 }, 'count', 'count-range'],
    [{ kind: 'like' }, 'kind', 'unknown-kind'],
    [{ detail: 'approve' }, 'detail', 'unknown-detail'],
    [{ platform: 'myspace' }, 'platform', 'unknown-platform'],
    [{ platform: 'practice' }, 'platform', 'unknown-platform'],
    [{ minutes: 0 }, 'minutes', 'minutes-range'],
    [{ minutes: 601 }, 'minutes', 'minutes-range'],
    [{ minutes: Number.NaN }, 'minutes', 'minutes-range'],
  ] as const)('refuses %o: %s is %s', (over, field, reason) => {
    expect(validateManual(input(over as Partial<ManualInput>), NOW)).toEqual({ ok: false, errors: { [field]: reason } });
  });

  it('names every bad field at once, and stores nothing', async () => {
    const r = await addManual(db, input({ count: 0, minutes: 9999, ts: NOW + 86_400_000 }), NOW);
    expect(r).toEqual({ ok: false, errors: { count: 'count-range', minutes: 'minutes-range', when: 'future' } });
    expect(await db.events.count()).toBe(0);
    expect(await db.daily.count()).toBe(0);
  });
});

describe('storing hand-entered actions', () => {
  it('counts them in the daily rollup apart from measured time, and in every total', async () => {
    await ingest(db, [
      {
        platform: 'amazon',
        kind: 'review',
        detail: 'review',
        slot: 'none',
        op: 'add',
        signal: 'dom',
        ts: at(20, 8),
        durationMs: 90_000,
      },
    ]);
    const r = await addManual(db, input(), NOW);
    expect(r.ok).toBe(true);
    const row = await db.events.get(r.ok ? (r as { id: number }).id : -1);
    expect(row).toMatchObject({ signal: 'manual', count: 3, durationMs: 1_200_000 });
    expect(row?.targetKey).toMatch(/^manual-[0-9a-f-]{36}$/);
    expect(await db.daily.toArray()).toEqual([
      {
        day: '2026-11-20',
        platform: 'amazon',
        kind: 'review',
        detail: 'review',
        count: 4,
        measuredCount: 1,
        measuredMs: 90_000,
        manualCount: 3,
        manualTimedCount: 3,
        manualMs: 1_200_000,
      },
    ]);
    const s = await summarize(db, days);
    expect(s.total).toBe(4);
    expect(s.byDetail).toEqual([expect.objectContaining({ platform: 'amazon', count: 4, manualCount: 3 })]);
    const v = valuate(s.tallies, defaultSettings('en-US'));
    expect(v).toMatchObject({
      count: 4,
      manualCount: 3,
      measured: { count: 1, seconds: 90 },
      stated: { count: 3, seconds: 1200 },
    });
    expect(v.estimated.count).toBe(0);
    // The hour-of-week chart counts the three actions at 09:00 on Friday.
    expect((await hourOfWeek(db, days))[4]?.[9]).toBe(3);
  });

  it('never merges with a detected action nor is undone by one', async () => {
    await addManual(
      db,
      input({ platform: 'reddit', kind: 'vote', detail: 'up', count: 2, minutes: undefined, ts: at(20, 9) }),
      NOW,
    );
    const vote = (over: Partial<Sighting>): Sighting => ({
      platform: 'reddit',
      kind: 'vote',
      detail: 'up',
      slot: 'none',
      op: 'add',
      signal: 'network',
      ts: at(20, 9) + 2_000,
      ...over,
    });
    // A detected vote two seconds later, with no target: a twin if the manual row could merge.
    expect(await ingest(db, [vote({})])).toEqual(['added']);
    expect(await ingest(db, [vote({ signal: 'dom', slot: 'exclusive', targetKey: 't1', op: 'undo' })])).toEqual(['ignored']);
    const rows = await db.events.toArray();
    expect(rows.map((e) => [e.signal, e.count ?? 1, e.undoneAt])).toEqual([
      ['manual', 2, undefined],
      ['network', 1, undefined],
    ]);
    expect((await summarize(db, days)).total).toBe(3);
  });

  it('edits and deletes a hand-entered row, with the totals following; detected rows are not edited this way', async () => {
    const added = (await addManual(db, input(), NOW)) as { ok: true; id: number };
    const key = (await db.events.get(added.id))?.targetKey;
    const edited = await editManual(
      db,
      added.id,
      input({ kind: 'tag', detail: 'tag', count: 10, ts: at(19, 21), minutes: undefined }),
      NOW,
    );
    expect(edited.ok).toBe(true);
    expect(await db.events.get(added.id)).toMatchObject({
      kind: 'tag',
      detail: 'tag',
      count: 10,
      ts: at(19, 21),
      targetKey: key,
    });
    expect((await db.events.get(added.id))?.durationMs).toBeUndefined();
    expect(await db.daily.toArray()).toEqual([
      {
        day: '2026-11-19',
        platform: 'amazon',
        kind: 'tag',
        detail: 'tag',
        count: 10,
        measuredCount: 0,
        measuredMs: 0,
        manualCount: 10,
        manualTimedCount: 0,
        manualMs: 0,
      },
    ]);
    // A bad edit changes nothing.
    expect(await editManual(db, added.id, input({ count: 0 }), NOW)).toMatchObject({
      ok: false,
      errors: { count: 'count-range' },
    });
    expect((await db.events.get(added.id))?.count).toBe(10);

    await ingest(db, [
      { platform: 'x', kind: 'reaction', detail: 'like', slot: 'none', op: 'add', signal: 'dom', ts: at(20, 8) },
    ]);
    const detected = (await historyPage(db)).find((e) => e.signal === 'dom');
    expect(await editManual(db, detected?.id as number, input(), NOW)).toMatchObject({ ok: false, notManual: true });

    expect(await correctKind(db, added.id, 'review')).toBe(true);
    expect((await summarize(db, days)).byKind).toEqual([
      { kind: 'reaction', count: 1 },
      { kind: 'review', count: 10 },
    ]);
    expect(await deleteEvent(db, added.id)).toBe(true);
    expect((await summarize(db, days)).total).toBe(1);
    expect((await db.daily.toArray()).map((r) => r.kind)).toEqual(['reaction']);
  });

  it('shows hand-entered rows in the history, and keeps them through a backup and a restore', async () => {
    await addManual(db, input(), NOW);
    await addManual(db, input(), NOW); // the same entry twice: two entries, not a duplicate
    const history = await historyPage(db);
    expect(history.map((e) => [e.signal, e.count])).toEqual([
      ['manual', 3],
      ['manual', 3],
    ]);
    const backup = await exportBackup(db, '0.1.0', 'en');
    const other = new ClickworkDB(`manual-restore-${n}`);
    try {
      expect(await importBackup(other, JSON.stringify(backup), 'en')).toMatchObject({
        ok: true,
        added: 2,
        duplicates: 0,
        skipped: { retention: 0, unreadable: 0 },
      });
      expect(await importBackup(other, JSON.stringify(backup), 'en')).toMatchObject({
        ok: true,
        added: 0,
        duplicates: 2,
        skipped: { retention: 0, unreadable: 0 },
      });
      expect((await summarize(other, days)).total).toBe(6);
      expect((await other.daily.toArray())[0]).toMatchObject({ manualCount: 6, manualMs: 2_400_000 });
      // A count on a detected row is skipped as unreadable: only a hand-entered row stands for several actions.
      const forged = { ...backup, events: [{ ...backup.events[0], signal: 'dom' }] };
      expect(await importBackup(other, JSON.stringify(forged), 'en')).toMatchObject({
        ok: true,
        added: 0,
        skipped: { unreadable: 1 },
      });
    } finally {
      await other.delete();
    }
  });
});

describe('research export of hand-entered actions', () => {
  const enrol = (over: Record<string, unknown>): Enrolment => {
    const r = parseStudy(
      JSON.stringify({
        format: 'clickwork-meter/study',
        version: 1,
        id: 'manual-study',
        title: 'T',
        researcher: 'R',
        contact: 'c@university.invalid',
        consent: { version: '1', text: 'ok' },
        granularity: 'day',
        startDate: '2026-11-01',
        endDate: '2026-12-31',
        ...over,
      }),
    );
    if (!r.ok) throw new Error(r.error);
    return { study: r.study, pseudonym: '6f1c2d3e-4b5a-4c6d-8e7f-0123456789ab', consentDay: '2026-11-01' };
  };

  beforeEach(async () => {
    await ingest(db, [
      {
        platform: 'amazon',
        kind: 'review',
        detail: 'review',
        slot: 'none',
        op: 'add',
        signal: 'dom',
        ts: at(20, 9, 30),
        durationMs: 90_000,
      },
    ]);
    await addManual(db, input(), NOW); // 3 reviews by hand on 20 Nov at 09:00, 20 minutes
    await addManual(db, input({ platform: 'other', kind: 'moderation', detail: 'approve', count: 5, minutes: undefined }), NOW);
  });

  it('leaves them out unless the study allows them', async () => {
    for (const granularity of ['day', 'hour']) {
      const rows = await candidateRows(db, enrol({ granularity }), NOW);
      expect(rows, granularity).toEqual([
        expect.objectContaining({ platform: 'amazon', count: 1, measured_count: 1, manual_count: 0, manual_seconds: 0 }),
      ]);
    }
  });

  it('counts them apart when the study sets include_manual, by day and by hour, valid against the schema', async () => {
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(exportJsonSchema());
    for (const granularity of ['day', 'hour'] as const) {
      const e = enrol({ granularity, include_manual: true });
      expect(e.study.includeManual).toBe(true);
      const rows = await candidateRows(db, e, NOW);
      expect(
        rows.map((r) => [
          r.platform,
          r.beneficiary,
          r.kind,
          r.detail,
          r.hour,
          r.count,
          r.measured_count,
          r.manual_count,
          r.manual_seconds,
        ]),
      ).toEqual([
        ['amazon', 'amazon', 'review', 'review', granularity === 'hour' ? 9 : null, 4, 1, 3, 1200],
        ['other', 'unknown', 'moderation', 'approve', granularity === 'hour' ? 9 : null, 5, 0, 5, 0],
      ]);
      const file = buildExport(e, rows, 0, '0.1.0', NOW);
      expect(validate(file), JSON.stringify(validate.errors)).toBe(true);
      expect(parseExportJson(JSON.stringify(file))).toEqual({ ok: true, file });
    }
  });

  it('refuses a study whose include_manual is not true or false', () => {
    expect(() => enrol({ include_manual: 'yes' })).toThrow('invalid-field');
    expect(enrol({}).study.includeManual).toBe(false);
  });

  it('still reads a version 1 file (the class page), as having no hand-entered actions', () => {
    const v1 = {
      format: 'clickwork-meter/anonymised-export',
      schema_version: 1,
      study_id: 'manual-study',
      participant: '6f1c2d3e-4b5a-4c6d-8e7f-0123456789ab',
      consent_version: '1',
      consent_day: '2026-11-01',
      extension_version: '0.1.0',
      granularity: 'day',
      period: { from: '2026-11-01', to: '2026-11-20' },
      dropped_rows: 0,
      rows: [
        {
          study_id: 'manual-study',
          participant: '6f1c2d3e-4b5a-4c6d-8e7f-0123456789ab',
          day: dayKey(at(20, 9)),
          hour: null,
          platform: 'youtube',
          beneficiary: 'alphabet',
          kind: 'reaction',
          detail: 'like',
          count: 2,
          measured_count: 0,
          measured_seconds: 0,
        },
      ],
    };
    const r = parseExportJson(JSON.stringify(v1));
    expect(r.ok && r.file.schema_version).toBe(1);
    expect(r.ok && r.file.rows[0]).toMatchObject({ count: 2, manual_count: 0, manual_seconds: 0 });
    // A version 1 file cannot carry the version 2 columns, nor a version 2 file lack them.
    const mixed = { ...v1, rows: [{ ...v1.rows[0], manual_count: 1, manual_seconds: 0 }] };
    expect(parseExportJson(JSON.stringify(mixed))).toMatchObject({ ok: false, error: 'invalid-row' });
    expect(parseExportJson(JSON.stringify({ ...v1, schema_version: 2 }))).toMatchObject({ ok: false, error: 'invalid-row' });
  });
});
