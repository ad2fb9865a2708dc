import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingest, type Sighting } from '@/lib/db/ingest';
import { ClickworkDB } from '@/lib/db/schema';
import { readExportFile } from '@/lib/research/class';
import { mergeClass } from '@/lib/research/class-merge';
import { disclosedRows } from '@/lib/research/disclose';
import { applyDisclosure, ruledCount } from '@/lib/research/disclosure-apply';
import { buildExport, candidateRows, exportZip } from '@/lib/research/export';
import { dataPackage, exportToCsv, parseExportCsv, parseExportJson } from '@/lib/research/format';
import { bucketStart, isoWeekLabel } from '@/lib/research/grain';
import { type Enrolment, parseStudy } from '@/lib/research/study';
import { sighting } from './helpers';

let db: ClickworkDB;
let n = 0;
beforeEach(() => {
  db = new ClickworkDB(`disclosure-${++n}`);
});
afterEach(async () => {
  await db.delete();
});

const NOW = new Date(2026, 10, 20, 18, 0).getTime();
const at = (day: number, hour: number) => new Date(2026, 10, day, hour, 7).getTime();
const studyText = (over: Record<string, unknown> = {}) =>
  JSON.stringify({
    format: 'clickwork-meter/study',
    version: 1,
    id: 'public-traces-2026',
    title: 'Public traces',
    researcher: 'A. Researcher',
    contact: 'research@university.invalid',
    consent: { version: '1', text: 'Counts only.' },
    granularity: 'day',
    startDate: '2026-11-01',
    endDate: '2026-12-31',
    ...over,
  });
const enrol = (over: Record<string, unknown> = {}, pseudonym = '2f1c3a9e-8b7d-4c6e-9a5b-1d2e3f4a5b6c'): Enrolment => {
  const r = parseStudy(studyText(over));
  if (!r.ok) throw new Error(`${r.error} ${r.field}`);
  return { study: r.study, pseudonym, consentDay: '2026-11-01' };
};
const s = (over: Partial<Sighting>): Sighting => sighting({ ts: at(10, 9), ...over });

describe('grains', () => {
  it('keys an ISO week by its Monday and a month by its 1st, across years', () => {
    expect(bucketStart('2026-11-15', 'week')).toBe('2026-11-09'); // a Sunday
    expect(bucketStart('2026-11-09', 'week')).toBe('2026-11-09');
    expect(bucketStart('2027-01-01', 'week')).toBe('2026-12-28'); // ISO week 2026-W53
    expect(isoWeekLabel('2026-12-28')).toBe('2026-W53');
    expect(isoWeekLabel('2026-11-09')).toBe('2026-W46');
    expect(bucketStart('2026-02-28', 'month')).toBe('2026-02-01');
  });
});

describe('study file: granularity and disclosure rules', () => {
  it('accepts week and month, and rules for kinds of the study', () => {
    const st = parseStudy(
      studyText({
        granularity: 'week',
        disclosure: [{ kinds: ['comment', 'share'], granularity: 'month', suppress_below: 3, round_to: 5 }],
      }),
    );
    expect(st.ok && st.study.granularity).toBe('week');
    expect(st.ok && st.study.disclosure).toEqual([
      { kinds: ['comment', 'share'], granularity: 'month', suppress_below: 3, round_to: 5 },
    ]);
  });

  it.each([
    ['granularity year', { granularity: 'year' }, 'invalid-field', 'granularity'],
    [
      'a rule finer than the study',
      { granularity: 'week', disclosure: [{ kinds: ['comment'], granularity: 'day' }] },
      'disclosure-finer',
      'disclosure[0].granularity',
    ],
    [
      'a kind in two rules',
      {
        disclosure: [
          { kinds: ['comment'], round_to: 5 },
          { kinds: ['comment'], suppress_below: 2 },
        ],
      },
      'disclosure-kind-twice',
      'disclosure[1].comment',
    ],
    [
      'a kind the study does not ask for',
      { kinds: ['reaction'], disclosure: [{ kinds: ['comment'], round_to: 5 }] },
      'disclosure-kind-not-in-study',
      'disclosure[0].comment',
    ],
    ['an unknown kind', { disclosure: [{ kinds: ['tweet'], round_to: 5 }] }, 'unknown-kind', 'disclosure[0].tweet'],
    ['a rule that does nothing', { disclosure: [{ kinds: ['comment'] }] }, 'disclosure-empty-rule', 'disclosure[0]'],
    [
      'epsilon 0',
      { disclosure: [{ kinds: ['comment'], noise: { mechanism: 'geometric', epsilon: 0 } }] },
      'invalid-field',
      'disclosure[0].noise.epsilon',
    ],
    [
      'another mechanism',
      { disclosure: [{ kinds: ['comment'], noise: { mechanism: 'gaussian', epsilon: 1 } }] },
      'invalid-field',
      'disclosure[0].noise.mechanism',
    ],
    ['rounding to 1', { disclosure: [{ kinds: ['comment'], round_to: 1 }] }, 'invalid-field', 'disclosure[0].round_to'],
    [
      'suppression as text',
      { disclosure: [{ kinds: ['comment'], suppress_below: '3' }] },
      'invalid-field',
      'disclosure[0].suppress_below',
    ],
    [
      'an unknown rule field',
      { disclosure: [{ kinds: ['comment'], round_to: 5, jitter: 2 }] },
      'invalid-field',
      'disclosure[0].jitter',
    ],
    ['not a list', { disclosure: { kinds: ['comment'] } }, 'invalid-field', 'disclosure'],
  ])('refuses %s, naming the rule', (_name, over, error, field) => {
    expect(parseStudy(studyText(over))).toEqual({ ok: false, error, field });
  });
});

describe('week and month files', () => {
  it('agree with the day file: each week or month row is the sum of its days', async () => {
    await ingest(db, [
      s({ ts: at(8, 9) }), // Sunday of ISO week 45
      s({ ts: at(9, 23) }), // Monday of week 46
      s({ ts: at(15, 0) }), // Sunday of week 46
      s({ ts: at(16, 10), platform: 'reddit', kind: 'comment', detail: 'comment' }),
    ]);
    const day = await candidateRows(db, enrol(), NOW);
    for (const grain of ['week', 'month'] as const) {
      const rows = await candidateRows(db, enrol({ granularity: grain }), NOW);
      const sums = new Map<string, number>();
      for (const r of day) {
        const k = `${bucketStart(r.day, grain)}|${r.platform}|${r.kind}`;
        sums.set(k, (sums.get(k) ?? 0) + r.count);
      }
      expect(new Map(rows.map((r) => [`${r.day}|${r.platform}|${r.kind}`, r.count]))).toEqual(sums);
      expect(rows.every((r) => r.grain === grain && r.hour === null)).toBe(true);
    }
    expect((await candidateRows(db, enrol({ granularity: 'week' }), NOW)).map((r) => `${r.day}:${r.count}`)).toEqual([
      '2026-11-02:1',
      '2026-11-09:2',
      '2026-11-16:1',
    ]);
  });

  it('a week file with a month rule for comments is read back by the JSON and CSV readers (schema version 4)', async () => {
    await ingest(db, [s({ ts: at(10, 9) }), s({ ts: at(16, 10), platform: 'reddit', kind: 'comment', detail: 'comment' })]);
    const e = enrol({ granularity: 'week', disclosure: [{ kinds: ['comment'], granularity: 'month' }] });
    const { rows } = await disclosedRows(db, e, NOW);
    expect(rows.map((r) => `${r.grain}:${r.day}:${r.kind}`)).toEqual(['month:2026-11-01:comment', 'week:2026-11-09:reaction']);
    const file = buildExport(e, rows, 0, '0.1.0', NOW);
    expect(file.schema_version).toBe(4);
    expect(parseExportJson(JSON.stringify(file))).toEqual({ ok: true, file });
    expect(parseExportCsv(exportToCsv(file), dataPackage(file))).toEqual({ ok: true, file });
    // A week row on a Tuesday, or a comment row by the week, is refused with its column.
    const tuesday = { ...file, rows: [{ ...(file.rows[1] as (typeof file.rows)[0]), day: '2026-11-10' }] };
    expect(parseExportJson(JSON.stringify(tuesday))).toMatchObject({ ok: false, column: 'day' });
    const weekly = { ...file, rows: [{ ...(file.rows[0] as (typeof file.rows)[0]), grain: 'week', day: '2026-11-09' }] };
    expect(parseExportJson(JSON.stringify(weekly))).toMatchObject({ ok: false, column: 'grain' });
    // Class totals read both forms of it.
    const json = readExportFile('a.json', new TextEncoder().encode(JSON.stringify(file)));
    const zip = readExportFile('b.zip', exportZip(file));
    expect(json).toMatchObject({ ok: true, form: 'json' });
    expect(zip).toMatchObject({ ok: true, form: 'zip' });
    if (!json.ok) throw new Error(json.error);
    const totals = mergeClass([{ name: 'a.json', file: json.file }]);
    expect(totals.actions).toBe(2);
    expect(totals.byKind.map((k) => [k.kind, k.count])).toEqual(
      expect.arrayContaining([
        ['comment', 1],
        ['reaction', 1],
      ]),
    );
  });
});

describe('rules on rows', () => {
  const row = (day: string, count: number, kind: 'comment' | 'reaction' = 'comment') => ({
    study_id: 'x-study',
    participant: '2f1c3a9e-8b7d-4c6e-9a5b-1d2e3f4a5b6c',
    day,
    hour: null,
    grain: 'day' as const,
    platform: 'reddit' as const,
    beneficiary: 'reddit' as const,
    kind,
    detail: 'comment',
    count,
    measured_count: 1,
    measured_seconds: 12.5,
    manual_count: 0,
    manual_seconds: 0,
  });
  const none = async () => new Map<string, number>();

  it('suppresses small counts, rounds, and reports each effect; other kinds untouched', async () => {
    const rows = [row('2026-11-09', 1), row('2026-11-10', 4), row('2026-11-17', 7), row('2026-11-10', 2, 'reaction')];
    const out = await applyDisclosure(rows, [{ kinds: ['comment'], granularity: 'week', suppress_below: 3, round_to: 5 }], none);
    expect(out.rows.map((r) => `${r.kind}:${r.grain}:${r.day}:${r.count}:${r.measured_count}`)).toEqual([
      'comment:week:2026-11-09:5:0', // 1 + 4 = 5 in week 46: kept, timing withheld
      'reaction:day:2026-11-10:2:1',
      // week 47: 7 → 5 (rounded)
      'comment:week:2026-11-16:5:0',
    ]);
    expect(out.effects).toEqual([
      { rule: 0, rowsBefore: 3, totalBefore: 12, merged: 1, changed: 1, suppressed: 0, rowsAfter: 2, totalAfter: 10 },
    ]);
    expect(ruledCount({ kinds: ['comment'], suppress_below: 3 }, 2, 0)).toBe(0);
    expect(ruledCount({ kinds: ['comment'], round_to: 5 }, 2, 0)).toBe(0);
    expect(ruledCount({ kinds: ['comment'], noise: { mechanism: 'geometric', epsilon: 1 } }, 2, -5)).toBe(0);
  });
});
