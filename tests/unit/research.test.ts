import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingest, type Sighting } from '@/lib/db/ingest';
import { ClickworkDB } from '@/lib/db/schema';
import { buildExport, candidateRows, exportPeriod, exportZip } from '@/lib/research/export';
import { dataPackage, EXPORT_SCHEMA_VERSION, exportToCsv, FIELDS, parseExportCsv, parseExportJson } from '@/lib/research/format';
import { exportJsonSchema } from '@/lib/research/json-schema';
import { type Enrolment, enrolments, joinStudy, leaveStudy, parseStudy, type Study } from '@/lib/research/study';
import { studyKey } from '@/lib/research/study-extras';
import { KINDS } from '@/lib/taxonomy';
import { root } from './helpers';

let db: ClickworkDB;
let n = 0;
beforeEach(() => {
  db = new ClickworkDB(`research-${++n}`);
});
afterEach(async () => {
  await db.delete();
});

const NOW = new Date(2026, 10, 20, 18, 0).getTime();
const at = (day: number, hour: number, minute = 0) => new Date(2026, 10, day, hour, minute).getTime();

const studyFile = (over: Record<string, unknown> = {}) =>
  JSON.stringify({
    format: 'clickwork-meter/study',
    version: 1,
    id: 'digital-labor-2026',
    title: 'Everyday click-work',
    researcher: 'A. Researcher, Some University',
    contact: 'research@university.invalid',
    consent: { version: '1.0', text: 'You agree to send aggregates.\n<b>Not bold</b>' },
    granularity: 'day',
    endDate: '2026-12-31',
    ...over,
  });

function study(over: Record<string, unknown> = {}): Study {
  const r = parseStudy(studyFile(over));
  if (!r.ok) throw new Error(`study refused: ${r.error} ${r.field}`);
  return r.study;
}

const s = (over: Partial<Sighting>): Sighting => ({
  platform: 'youtube',
  kind: 'reaction',
  detail: 'like',
  slot: 'none',
  op: 'add',
  signal: 'dom',
  ts: at(10, 9),
  ...over,
});

describe('study files', () => {
  it('reads a valid study, with defaults for platforms and kinds, keeping text as given', () => {
    const st = study();
    expect(st.platforms).not.toContain('practice');
    expect(st.platforms).toContain('youtube');
    expect(st.kinds).toEqual([...KINDS]);
    expect(st.consent.text).toContain('<b>Not bold</b>');
    expect(study({ platforms: ['practice'], kinds: ['vote', 'vote'] })).toMatchObject({
      platforms: ['practice'],
      kinds: ['vote'],
    });
  });

  it.each([
    ['{', 'not-json', undefined],
    ['[]', 'foreign', undefined],
    [studyFile({ format: 'something-else' }), 'foreign', undefined],
    [studyFile({ version: 2 }), 'unsupported-version', undefined],
    [studyFile({ title: undefined }), 'missing-field', 'title'],
    [studyFile({ id: 'Has Spaces' }), 'invalid-field', 'id'],
    [studyFile({ title: '   ' }), 'invalid-field', 'title'],
    [studyFile({ contact: 'x'.repeat(201) }), 'invalid-field', 'contact'],
    [studyFile({ consent: { version: '1' } }), 'missing-field', 'consent.text'],
    [studyFile({ consent: 'I agree' }), 'invalid-field', 'consent'],
    [studyFile({ granularity: 'minute' }), 'invalid-field', 'granularity'],
    [studyFile({ endDate: '2026-02-30' }), 'invalid-field', 'endDate'],
    [studyFile({ startDate: '2027-01-01' }), 'dates-reversed', 'startDate'],
    [studyFile({ platforms: ['youtube', 'myspace'] }), 'unknown-platform', 'myspace'],
    [studyFile({ platforms: [] }), 'invalid-field', 'platforms'],
    [studyFile({ kinds: ['like'] }), 'unknown-kind', 'like'],
    [studyFile({ title: 'bell\u0007' }), 'invalid-field', 'title'],
    [studyFile({ title: '\u200b\u200b' }), 'invalid-field', 'title'],
    [studyFile({ researcher: 'Dr. \u202eelpmaxE' }), 'invalid-field', 'researcher'],
    [studyFile({ platforms: [{ toString: 1 }] }), 'unknown-platform', 'object'],
    [studyFile({ kinds: [null] }), 'unknown-kind', 'object'],
    [' '.repeat(70_000), 'too-large', undefined],
  ])('refuses %#: %s', (text, error, field) => {
    expect(parseStudy(text)).toEqual({ ok: false, error, ...(field ? { field } : {}) });
  });
});

describe('enrolment', () => {
  it('makes a random pseudonym per study, refuses joining twice or after the end, and forgets it on leaving', async () => {
    const a = await joinStudy(db, study(), NOW);
    const b = await joinStudy(db, study({ id: 'another-study' }), NOW);
    if (!a.ok || !b.ok) throw new Error('join failed');
    expect(a.enrolment.pseudonym).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.enrolment.pseudonym).not.toBe(b.enrolment.pseudonym);
    expect(a.enrolment.consentDay).toBe('2026-11-20');
    expect(await joinStudy(db, study(), NOW)).toEqual({ ok: false, error: 'already-joined' });
    expect(await joinStudy(db, study({ id: 'old-study', endDate: '2026-11-19' }), NOW)).toEqual({ ok: false, error: 'ended' });
    await leaveStudy(db, studyKey(study()));
    const left = await enrolments(db);
    expect(left.map((e) => e.study.id)).toEqual(['another-study']);
    expect(JSON.stringify(left)).not.toContain(a.enrolment.pseudonym);
    await leaveStudy(db, studyKey(study({ id: 'another-study' })));
    expect(await db.meta.get('studies')).toBeUndefined();
  });
});

const enrol = (over: Record<string, unknown> = {}, consentDay = '2026-11-01'): Enrolment => ({
  study: study(over),
  pseudonym: '2f1c3a9e-8b7d-4c6e-9a5b-1d2e3f4a5b6c',
  consentDay,
});

describe('anonymised export', () => {
  it('aggregates by day within the study period, platforms and kinds, without undone actions', async () => {
    await ingest(db, [
      s({ ts: at(10, 9) }),
      s({ ts: at(10, 21) }),
      s({ ts: at(10, 22), slot: 'exclusive', targetKey: 'v1' }),
      s({ ts: at(10, 23), slot: 'exclusive', targetKey: 'v1', op: 'undo' }), // nets out
      s({ ts: at(11, 8), platform: 'recaptcha', kind: 'captcha', detail: 'challenge', durationMs: 12_340 }),
      s({ ts: at(11, 9), platform: 'recaptcha', kind: 'captcha', detail: 'checkbox' }),
      s({ ts: at(11, 10), platform: 'practice', kind: 'vote', detail: 'up' }), // not a real platform
      s({ ts: at(12, 10), platform: 'github' }), // not of interest
      s({ ts: at(12, 11), kind: 'comment', detail: 'comment' }), // kind not of interest
      s({ ts: new Date(2026, 9, 31, 23, 59).getTime() }), // before consent
    ]);
    const e = enrol({ platforms: ['youtube', 'recaptcha', 'practice'], kinds: ['reaction', 'captcha', 'vote'] });
    const rows = await candidateRows(db, { ...e, study: { ...e.study, platforms: ['youtube', 'recaptcha'] } }, NOW);
    expect(rows.map((r) => [r.day, r.hour, r.platform, r.kind, r.detail, r.count, r.measured_count, r.measured_seconds])).toEqual(
      [
        ['2026-11-10', null, 'youtube', 'reaction', 'like', 2, 0, 0],
        ['2026-11-11', null, 'recaptcha', 'captcha', 'challenge', 1, 1, 12.3],
        ['2026-11-11', null, 'recaptcha', 'captcha', 'checkbox', 1, 0, 0],
      ],
    );
    expect(rows[1]).toMatchObject({ study_id: 'digital-labor-2026', participant: e.pseudonym, beneficiary: 'alphabet' });
  });

  it('aggregates by hour from the events when the study asks for hours', async () => {
    await ingest(db, [s({ ts: at(10, 9, 5) }), s({ ts: at(10, 9, 50) }), s({ ts: at(10, 21) })]);
    const rows = await candidateRows(db, enrol({ granularity: 'hour' }), NOW);
    expect(rows.map((r) => [r.day, r.hour, r.count])).toEqual([
      ['2026-11-10', 9, 2],
      ['2026-11-10', 21, 1],
    ]);
  });

  it('covers from the start date or the consent day to today or the end date', () => {
    expect(exportPeriod(enrol({}, '2026-11-05'), NOW)).toEqual({ from: '2026-11-05', to: '2026-11-20' });
    expect(exportPeriod(enrol({ startDate: '2026-01-01', endDate: '2026-06-30' }), NOW)).toEqual({
      from: '2026-01-01',
      to: '2026-06-30',
    });
    expect(exportPeriod(enrol({ startDate: '2026-12-01' }), NOW)).toBeUndefined();
  });

  it('holds no host, URL, target key, exact time or typed text, whatever the events held', async () => {
    const secrets = ['secret-host.example', 'https://secret-host.example/watch?v=SECRET', 'tk-SECRET-TARGET', 'my typed secret'];
    await ingest(db, [
      s({ host: secrets[0], targetKey: secrets[2], ts: at(10, 9, 7) + 123 }),
      s({ host: secrets[1], detail: secrets[3] as string, ts: at(10, 10, 11) + 456 }),
      s({ detail: 'acme-secret-project', ts: at(10, 11) }), // token-shaped, but no detector reports it
      s({ platform: 'recaptcha', kind: 'captcha', detail: 'challenge', host: secrets[0], durationMs: 3210, ts: at(11, 8) }),
    ]);
    for (const granularity of ['day', 'hour']) {
      const e = enrol({ granularity });
      const rows = await candidateRows(db, e, NOW);
      const file = buildExport(e, rows, 0, '0.1.0', NOW);
      const outputs = [JSON.stringify(file), exportToCsv(file), JSON.stringify(dataPackage(file))];
      for (const out of outputs) {
        for (const secret of [...secrets, 'secret', 'SECRET', String(at(10, 9, 7) + 123), String(at(11, 8))])
          expect(out).not.toContain(secret);
        for (const field of ['host', 'targetKey', 'target', 'url', 'ts', 'undoneAt', 'durationMs'])
          expect(out).not.toMatch(new RegExp(`"${field}"`));
      }
      // The free-text and the unknown details left as "other", counted but not written.
      expect(rows.filter((r) => r.detail === 'other').reduce((n, r) => n + r.count, 0)).toBe(2);
      expect(JSON.stringify(rows)).not.toContain('acme');
      expect(Object.keys(file.rows[0] ?? {}).sort()).toEqual(FIELDS.map((f) => f.name).sort());
    }
  });

  it('records study, consent, pseudonym, versions and the number of dropped rows, and validates against the JSON Schema', async () => {
    await ingest(db, [
      s({ ts: at(10, 9) }),
      s({ ts: at(11, 9) }),
      s({ ts: at(12, 9), kind: 'vote', platform: 'reddit', detail: 'up' }),
    ]);
    const e = enrol({ consent: { version: '2.1', text: 'ok' } });
    const rows = await candidateRows(db, e, NOW);
    const file = buildExport(e, rows.slice(1), 1, '0.1.0', NOW);
    expect(file).toMatchObject({
      format: 'clickwork-meter/anonymised-export',
      schema_version: EXPORT_SCHEMA_VERSION,
      study_id: 'digital-labor-2026',
      participant: e.pseudonym,
      consent_version: '2.1',
      consent_day: '2026-11-01',
      extension_version: '0.1.0',
      granularity: 'day',
      period: { from: '2026-11-01', to: '2026-11-20' },
      dropped_rows: 1,
    });
    expect(file.rows).toHaveLength(2);
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(exportJsonSchema());
    expect(validate(file), JSON.stringify(validate.errors)).toBe(true);
    // The schema is not a rubber stamp.
    expect(validate({ ...file, rows: [{ ...file.rows[0], host: 'x.example' }] })).toBe(false);
    expect(validate({ ...file, rows: [{ ...file.rows[0], kind: 'like' }] })).toBe(false);
    expect(validate({ ...file, participant: 'alice' })).toBe(false);
  });

  it('round-trips through JSON, CSV and the zipped data package', async () => {
    await ingest(db, [
      s({ ts: at(10, 9) }),
      s({ ts: at(10, 9), platform: 'chatgpt', kind: 'ai-feedback', detail: 'up' }),
      s({ ts: at(11, 9), platform: 'hcaptcha', kind: 'captcha', detail: 'challenge', durationMs: 9_050 }),
    ]);
    for (const granularity of ['day', 'hour']) {
      const e = enrol({ granularity });
      const file = buildExport(e, await candidateRows(db, e, NOW), 0, '0.1.0', NOW);
      expect(parseExportJson(JSON.stringify(file))).toEqual({ ok: true, file });
      expect(parseExportCsv(exportToCsv(file), dataPackage(file))).toEqual({ ok: true, file });
      // Table Schema: a primary-key field may not be empty, so the hour is in the key only by the hour.
      expect(dataPackage(file).resources[0]?.schema.primaryKey?.includes('hour')).toBe(granularity === 'hour');
      const alone = parseExportCsv(exportToCsv(file));
      expect(alone.ok && alone.file.rows).toEqual(file.rows);
      const { unzipSync, strFromU8 } = await import('fflate');
      const zip = unzipSync(exportZip(file));
      const pkg = JSON.parse(strFromU8(zip['datapackage.json'] as Uint8Array));
      const csvName = pkg.resources[0].path as string;
      expect(parseExportCsv(strFromU8(zip[csvName] as Uint8Array), pkg)).toEqual({ ok: true, file });
    }
  });

  it(`keeps docs/research/export-v${EXPORT_SCHEMA_VERSION}.schema.json equal to the schema the code describes`, () => {
    const path = resolve(root, `docs/research/export-v${EXPORT_SCHEMA_VERSION}.schema.json`);
    const text = `${JSON.stringify(exportJsonSchema(), null, 2)}\n`;
    if (process.env.UPDATE_DOCS) writeFileSync(path, text);
    expect(readFileSync(path, 'utf8')).toBe(text);
  });
});

describe('documented examples', () => {
  it.each(['example-study.json', 'example-class-study.json'])('docs/research/%s is a valid study file', (name) => {
    const r = parseStudy(readFileSync(resolve(root, 'docs/research', name), 'utf8'));
    expect(r.ok, JSON.stringify(r)).toBe(true);
  });
});

describe('research docs', () => {
  it.each(['totals-json.sql', 'totals-csv.sql'])(
    'docs/research/README.md shows queries/%s verbatim (the query the DuckDB test runs)',
    (name) => {
      const doc = readFileSync(resolve(root, 'docs/research/README.md'), 'utf8');
      const query = readFileSync(resolve(root, 'docs/research/queries', name), 'utf8').trimEnd();
      expect(doc).toContain(query);
    },
  );
});
