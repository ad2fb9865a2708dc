import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { BACKUP_FORMAT, BACKUP_VERSION, importBackup } from '@/lib/db/backup';
import { readHourly } from '@/lib/db/hours';
import { ingest } from '@/lib/db/ingest';
import { ClickworkDB, SCHEMA_V4, SCHEMA_VERSION } from '@/lib/db/schema';
import github from '@/lib/detectors/github';
import { candidateRows } from '@/lib/research/export';
import { parseStudy } from '@/lib/research/study';
import { sighting } from './helpers';

/**
 * GitHub's thumbs reactions: stored under the details the export writes (`thumbs-up`,
 * `thumbs-down`), and renamed from the underscore form by the version 5 upgrade.
 */
const NOW = new Date(2026, 10, 20, 18, 0).getTime();
const at = (day: number, hour: number) => new Date(2026, 10, day, hour, 7).getTime();
const names: string[] = [];
const open = (name: string) => {
  names.push(name);
  return new ClickworkDB(name);
};
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

function enrolment() {
  const r = parseStudy(
    JSON.stringify({
      format: 'clickwork-meter/study',
      version: 1,
      id: 'github-reactions',
      title: 'Reactions',
      researcher: 'A. Researcher',
      contact: 'research@university.invalid',
      consent: { version: '1', text: 'Counts only.' },
      granularity: 'day',
      startDate: '2026-11-01',
      endDate: '2026-12-31',
    }),
  );
  if (!r.ok) throw new Error(r.error);
  return { study: r.study, pseudonym: '2f1c3a9e-8b7d-4c6e-9a5b-1d2e3f4a5b6c', consentDay: '2026-11-01' };
}

describe('GitHub thumbs reactions in the export', () => {
  it('exports a thumbs-up reaction the detector reports as detail thumbs-up, not other', async () => {
    const db = open('gh-thumbs-export');
    for (const [action, hour] of [
      ['THUMBS_UP', 9],
      ['THUMBS_DOWN', 10],
    ] as const) {
      const spec = github.actions[action];
      if (!spec) throw new Error(`no action ${action}`);
      await ingest(db, [
        sighting({ platform: 'github', kind: spec.kind, detail: spec.detail, slot: 'none', ts: at(10, hour), targetKey: action }),
      ]);
    }
    const rows = await candidateRows(db, enrolment(), NOW);
    expect(rows.map((r) => `${r.platform}/${r.kind}/${r.detail}/${r.count}`)).toEqual([
      'github/reaction/thumbs-down/1',
      'github/reaction/thumbs-up/1',
    ]);
  });
});

describe('schema version 5', () => {
  it('renames GitHub thumbs_up/thumbs_down in events, day and hour totals of a version 4 database', async () => {
    const name = 'gh-thumbs-v4';
    names.push(name);
    const old = new Dexie(name);
    old.version(4).stores(SCHEMA_V4);
    await old.open();
    const day = '2026-11-10';
    const stamp = { day, hour: 9, utcOffset: 60 };
    const ev = (detail: string, platform = 'github', extra = {}) => ({
      kind: 'reaction',
      platform,
      detail,
      ts: at(10, 9),
      signal: 'dom',
      ...stamp,
      ...extra,
    });
    await old.table('events').bulkAdd([
      ev('thumbs_up'),
      ev('thumbs_up'),
      ev('thumbs_down', 'github', { undoneAt: at(10, 10) }),
      ev('thumbs_up', 'netflix'), // another platform's detail is not GitHub's to rename
      ev('heart'),
    ]);
    const totals = (detail: string, count: number, platform = 'github') => ({
      day,
      platform,
      kind: 'reaction',
      detail,
      count,
      measuredMs: 0,
      measuredCount: 0,
    });
    // A thumbs-up row already there (recorded by a fixed detector before the upgrade) is merged, not lost.
    await old
      .table('daily')
      .bulkAdd([totals('thumbs_up', 2), totals('thumbs-up', 1), totals('thumbs_up', 1, 'netflix'), totals('heart', 1)]);
    await old.table('hourly').bulkAdd([
      { ...totals('thumbs_up', 2), hour: 9 },
      { ...totals('thumbs-up', 1), hour: 9 },
      { ...totals('heart', 1), hour: 9 },
    ]);
    old.close();

    const db = new ClickworkDB(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    const events = await db.events.orderBy('id').toArray();
    expect(events.map((e) => `${e.platform}/${e.detail}${e.undoneAt ? '/undone' : ''}`)).toEqual([
      'github/thumbs-up',
      'github/thumbs-up',
      'github/thumbs-down/undone',
      'netflix/thumbs_up',
      'github/heart',
    ]);
    expect(events[0]).toMatchObject({ ...stamp, ts: at(10, 9), signal: 'dom' });
    const daily = await db.daily.toArray();
    expect(daily.map((r) => `${r.platform}/${r.detail}/${r.count}`).sort()).toEqual([
      'github/heart/1',
      'github/thumbs-up/3',
      'netflix/thumbs_up/1',
    ]);
    const hourly = await readHourly(db, '0000-00-00', '9999-99-99');
    expect(hourly.map((r) => `${r.platform}/${r.detail}/${r.hour}/${r.count}`).sort()).toEqual([
      'github/heart/9/1',
      'github/thumbs-up/9/3',
    ]);
    db.close();
  });
});

describe('a backup written before schema version 5', () => {
  it('restores GitHub thumbs reactions under their new details', async () => {
    const db = open('gh-thumbs-backup');
    const event = { kind: 'reaction', platform: 'github', detail: 'thumbs_down', ts: at(10, 9), signal: 'dom' };
    const file = { format: BACKUP_FORMAT, version: BACKUP_VERSION, schemaVersion: 4, events: [event] };
    const r = await importBackup(db, JSON.stringify(file), 'en');
    expect(r).toMatchObject({ ok: true, added: 1 });
    expect((await db.events.toArray()).map((e) => e.detail)).toEqual(['thumbs-down']);
    expect((await db.daily.toArray()).map((e) => e.detail)).toEqual(['thumbs-down']);
  });
});
