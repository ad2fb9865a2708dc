import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '@/lib/csv';
import { classTotalsCsv, MAX_ZIP_ENTRIES, mergeClass, type NamedExport, readExportFile } from '@/lib/research/class';
import { exportZip } from '@/lib/research/export';
import { type AnonymisedExport, dataPackage, exportBaseName, exportToCsv, MAX_EXPORT_BYTES } from '@/lib/research/format';
import { durationDefault } from '@/lib/valuation';
import { rng, sumRows, synthExport } from './class-fixtures';

const enc = (s: string) => strToU8(s);
const json = (f: AnonymisedExport) => enc(JSON.stringify(f));
const rand = rng(42);
const a = synthExport(rand, { rows: 10 });
const b = synthExport(rand, { rows: 10, granularity: 'hour' });
const c = synthExport(rand, { rows: 10, studyId: 'other-study' });

/** The zip exportZip writes, with its entries replaced or added. */
function zipWith(f: AnonymisedExport, change: Record<string, Uint8Array | null>): Uint8Array {
  const base: Record<string, Uint8Array> = {
    'datapackage.json': enc(JSON.stringify(dataPackage(f))),
    [`${exportBaseName(f)}.csv`]: enc(exportToCsv(f)),
  };
  for (const [name, bytes] of Object.entries(change)) {
    if (bytes === null) delete base[name];
    else base[name] = bytes;
  }
  return zipSync(base);
}

describe('readExportFile', () => {
  it('reads the three forms to the same rows', () => {
    const fromJson = readExportFile('a.json', json(a));
    const fromZip = readExportFile('a.zip', exportZip(a));
    const fromCsv = readExportFile('a.csv', enc(exportToCsv(a)));
    expect(fromJson).toEqual({ ok: true, file: a, form: 'json' });
    expect(fromZip).toEqual({ ok: true, file: a, form: 'zip' });
    expect(fromCsv.ok && fromCsv.form).toBe('csv');
    expect(fromCsv.ok && fromCsv.file.rows).toEqual(a.rows);
    // A CSV alone cannot tell the consent version: it says so.
    expect(fromCsv.ok && fromCsv.file.consent_version).toBe('unknown');
    // Hour studies too.
    expect(readExportFile('b.zip', exportZip(b))).toEqual({ ok: true, file: b, form: 'zip' });
    expect(readExportFile('B.CSV', enc(exportToCsv(b)))).toMatchObject({ ok: true, file: { rows: b.rows, granularity: 'hour' } });
  });

  it('reads a byte-order mark and a zip re-made around a folder', () => {
    expect(readExportFile('a.json', enc(`\uFEFF${JSON.stringify(a)}`)).ok).toBe(true);
    expect(readExportFile('a.csv', enc(`\uFEFF${exportToCsv(a)}`)).ok).toBe(true);
    const folder = exportBaseName(a);
    const rezipped = zipSync({
      [`${folder}/`]: new Uint8Array(0),
      [`${folder}/datapackage.json`]: enc(JSON.stringify(dataPackage(a))),
      [`${folder}/${folder}.csv`]: enc(exportToCsv(a)),
      [`__MACOSX/${folder}/._datapackage.json`]: new Uint8Array([0, 5, 22, 7]),
    });
    expect(readExportFile('a.zip', rezipped)).toEqual({ ok: true, file: a, form: 'zip' });
  });

  it('guesses files without a known extension: zip by its signature, else JSON, else refuses', () => {
    expect(readExportFile('download', exportZip(a))).toMatchObject({ ok: true, form: 'zip' });
    expect(readExportFile('export.txt', json(a))).toMatchObject({ ok: true, form: 'json' });
    expect(readExportFile('notes.txt', enc('hello'))).toEqual({ ok: false, error: 'unknown-type' });
    expect(readExportFile('photo.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe]))).toEqual({
      ok: false,
      error: 'unknown-type',
    });
    // JSON, but not an export: the parser's own reason.
    expect(readExportFile('x.txt', enc('{"format":"other"}'))).toEqual({ ok: false, error: 'foreign' });
  });

  it('refuses damaged and foreign files with a reason', () => {
    expect(readExportFile('a.json', json(a).slice(0, 100))).toEqual({ ok: false, error: 'not-json' });
    expect(readExportFile('a.json', new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))).toEqual({ ok: false, error: 'not-text' });
    expect(readExportFile('a.csv', enc('a,b\n1,2\n'))).toEqual({ ok: false, error: 'foreign' });
    const lines = exportToCsv(a).split('\n');
    lines[3] = (lines[3] as string).replace(/,\d+,(\d+),([\d.]+)$/, ',x,$1,$2');
    expect(readExportFile('a.csv', enc(lines.join('\n')))).toEqual({
      ok: false,
      error: 'invalid-row',
      line: 4,
      column: 'measured_seconds',
    });
    const zip = exportZip(a);
    expect(readExportFile('a.zip', zip.slice(0, zip.length - 30))).toEqual({ ok: false, error: 'zip-damaged' });
    expect(readExportFile('a.zip', zip.slice(0, 200))).toEqual({ ok: false, error: 'zip-damaged' });
    expect(readExportFile('a.zip', enc('PK not a zip at all'))).toEqual({ ok: false, error: 'zip-damaged' });
    expect(readExportFile('a.zip', new Uint8Array(0))).toEqual({ ok: false, error: 'zip-damaged' });
    // A changed byte in stored (uncompressed) data still unzips: the checksum catches it.
    const stored = zipSync(
      { 'datapackage.json': enc(JSON.stringify(dataPackage(a))), [`${exportBaseName(a)}.csv`]: enc(exportToCsv(a)) },
      { level: 0 },
    );
    const text = new TextDecoder('latin1').decode(stored);
    const at = text.indexOf(`,${a.rows[0]?.count},`, text.indexOf('measured_seconds\n')) + 1;
    const changed = stored.slice();
    changed[at] = (changed[at] as number) === 0x39 ? 0x38 : 0x39; // another digit: still a valid count
    expect(readExportFile('a.zip', stored)).toMatchObject({ ok: true });
    expect(readExportFile('a.zip', changed)).toEqual({ ok: false, error: 'zip-damaged' });
  });

  it('refuses a zip with missing or wrong entries', () => {
    const csvName = `${exportBaseName(a)}.csv`;
    expect(readExportFile('a.zip', zipWith(a, { 'datapackage.json': null }))).toEqual({ ok: false, error: 'zip-no-datapackage' });
    expect(readExportFile('a.zip', zipWith(a, { [csvName]: null }))).toEqual({ ok: false, error: 'zip-no-csv' });
    expect(readExportFile('a.zip', zipWith(a, { 'datapackage.json': enc('{not json') }))).toEqual({
      ok: false,
      error: 'zip-bad-datapackage',
    });
    const pkg = dataPackage(a);
    const withPath = (path: unknown) => enc(JSON.stringify({ ...pkg, resources: [{ ...pkg.resources[0], path }] }));
    for (const path of ['../secret.csv', '/etc/passwd.csv', 'a/../../b.csv', ['x.csv'], 3, 'rows.txt'])
      expect(readExportFile('a.zip', zipWith(a, { 'datapackage.json': withPath(path) }))).toEqual({
        ok: false,
        error: 'zip-bad-datapackage',
      });
    // The package names another CSV that is there: it is the one read (and it must agree with the metadata).
    expect(
      readExportFile('a.zip', zipWith(a, { 'datapackage.json': withPath('rows.csv'), 'rows.csv': enc(exportToCsv(c)) })),
    ).toEqual({
      ok: false,
      error: 'row-outside-file',
      line: 2,
    });
    // Metadata of one participant, rows of another.
    expect(readExportFile('a.zip', zipWith(a, { [csvName]: enc(exportToCsv(c)) }))).toMatchObject({
      ok: false,
      error: 'row-outside-file',
    });
    // A datapackage of another program.
    expect(
      readExportFile('a.zip', zipWith(a, { 'datapackage.json': enc(JSON.stringify({ resources: pkg.resources })) })),
    ).toEqual({
      ok: false,
      error: 'foreign',
    });
    const many = Object.fromEntries(Array.from({ length: MAX_ZIP_ENTRIES }, (_, i) => [`extra-${i}.txt`, enc('x')]));
    expect(readExportFile('a.zip', zipWith(a, many))).toEqual({ ok: false, error: 'zip-too-many-entries' });
  });

  it('refuses zip bombs before inflating them: by the declared size, and by the file size', () => {
    // 21 MB of zeros deflates to a few kilobytes.
    const bomb = zipSync({ 'datapackage.json': new Uint8Array(MAX_EXPORT_BYTES + 1_000_000) }, { level: 9 });
    expect(bomb.length).toBeLessThan(100_000);
    expect(readExportFile('bomb.zip', bomb)).toEqual({ ok: false, error: 'too-large' });
    // A small zip whose headers claim 4 GB: refused without allocating it.
    const liar = exportZip(a);
    const view = new DataView(liar.buffer, liar.byteOffset, liar.byteLength);
    for (let i = 0; i + 46 < liar.length; i++)
      if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 0xfffffff0, true); // central directory: uncompressed size
    expect(readExportFile('liar.zip', liar)).toEqual({ ok: false, error: 'too-large' });
    expect(readExportFile('big.json', new Uint8Array(MAX_EXPORT_BYTES + 1))).toEqual({ ok: false, error: 'too-large' });
  });

  it('stops inflating an entry as soon as it outgrows the size both its headers declare', () => {
    // 200 MB of zeros (about 200 KB zipped) whose local header and directory both claim 10 bytes:
    // inflating it all would block the page for seconds; it is refused after the first chunk.
    const bomb = zipSync({ 'datapackage.json': new Uint8Array(200 * 1024 * 1024) }, { level: 9 });
    const view = new DataView(bomb.buffer, bomb.byteOffset, bomb.byteLength);
    for (let i = 0; i + 46 < bomb.length; i++) {
      if (view.getUint32(i, true) === 0x04034b50) view.setUint32(i + 22, 10, true);
      if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 10, true);
    }
    expect(readExportFile('bomb.zip', bomb)).toEqual({ ok: false, error: 'too-large' });
  });
});

describe('mergeClass', () => {
  const named = (name: string, file: AnonymisedExport): NamedExport => ({ name, file });

  it('sums every row of every file, by kind, platform, beneficiary and detail', () => {
    const totals = mergeClass([named('a.json', a), named('b.zip', b), named('c.csv', c)]);
    const sum = sumRows([a, b, c]);
    expect(totals.participants).toBe(3);
    expect(totals.studies).toEqual(['class-demo', 'other-study']);
    expect(totals.actions).toBe(sum.actions);
    expect(totals.measuredCount).toBe(sum.measuredCount);
    expect(totals.measuredSeconds).toBe(sum.measuredSeconds);
    expect(Object.fromEntries(totals.byKind.map((r) => [r.kind, r.count]))).toEqual(sum.byKind);
    expect(Object.fromEntries(totals.byPlatform.map((r) => [r.platform, r.count]))).toEqual(sum.byPlatform);
    expect(Object.fromEntries(totals.byBeneficiary.map((r) => [r.beneficiary, r.count]))).toEqual(sum.byBeneficiary);
    expect(totals.rows.reduce((n, r) => n + r.count, 0)).toBe(sum.actions);
    expect(totals.rows.reduce((n, r) => n + r.measured_count, 0)).toBe(sum.measuredCount);
    // Largest first.
    expect(totals.byKind.map((r) => r.count)).toEqual(totals.byKind.map((r) => r.count).sort((x, y) => y - x));
    expect(totals.accepted.map((f) => f.actions)).toEqual([a, b, c].map((f) => sumRows([f]).actions));
    const estimate = [a, b, c]
      .flatMap((f) => f.rows)
      .reduce((s, r) => s + (r.count - r.measured_count) * durationDefault(r.kind, r.detail).seconds, 0);
    expect(totals.estimatedSeconds).toBeCloseTo(estimate, 6);
  });

  it('counts the participants behind each line, and beneficiaries across platforms', () => {
    const p1 = synthExport(rng(1), { rows: 0 });
    const p2 = synthExport(rng(2), { rows: 0 });
    const row = (f: AnonymisedExport, platform: 'facebook' | 'instagram', count: number, measured = 0, seconds = 0) => ({
      ...f,
      rows: [
        ...f.rows,
        {
          study_id: f.study_id,
          participant: f.participant,
          day: f.period.from,
          hour: null,
          platform,
          grain: 'day' as const,
          beneficiary: 'meta' as const,
          kind: 'reaction' as const,
          detail: 'like',
          count,
          measured_count: measured,
          measured_seconds: seconds,
          manual_count: 0,
          manual_seconds: 0,
        },
      ],
    });
    const f1 = row(row(p1, 'facebook', 3, 1, 0.1), 'instagram', 2, 2, 0.2);
    const f2 = row(p2, 'facebook', 5, 1, 0.7);
    const totals = mergeClass([named('1', f1), named('2', f2)]);
    expect(totals.byBeneficiary).toEqual([
      { beneficiary: 'meta', count: 10, measured_count: 4, measured_seconds: 1, participants: 2 },
    ]);
    expect(totals.byPlatform).toEqual([
      { platform: 'facebook', beneficiary: 'meta', count: 8, measured_count: 2, measured_seconds: 0.8, participants: 2 },
      { platform: 'instagram', beneficiary: 'meta', count: 2, measured_count: 2, measured_seconds: 0.2, participants: 1 },
    ]);
    // Tenths add exactly (0.1 + 0.2 + 0.7 is not 1 in floating point).
    expect(totals.measuredSeconds).toBe(1);
  });

  it('refuses a second file of the same study and participant, keeping the first', () => {
    const again = { ...a, rows: a.rows.slice(0, 2) };
    const otherStudySamePseudonym = {
      ...c,
      participant: a.participant,
      rows: c.rows.map((r) => ({ ...r, participant: a.participant })),
    };
    const totals = mergeClass([named('a.json', a), named('a-again.zip', again), named('c.csv', otherStudySamePseudonym)]);
    expect(totals.refused).toEqual([{ name: 'a-again.zip', error: 'duplicate-participant', duplicateOf: 'a.json' }]);
    expect(totals.participants).toBe(2);
    expect(totals.actions).toBe(sumRows([a, otherStudySamePseudonym]).actions);
  });

  it('keeps the latest of several files of a participant, whatever the order they were dropped in', () => {
    const later = { ...a, period: { ...a.period, to: '2099-12-31' }, rows: a.rows.slice(0, 1) };
    for (const order of [
      [named('a (1).json', a), named('a.json', later)],
      [named('a.json', later), named('a (1).json', a)],
    ]) {
      const totals = mergeClass(order);
      expect(totals.refused).toEqual([{ name: 'a (1).json', error: 'older-file', duplicateOf: 'a.json' }]);
      expect(totals.actions).toBe(sumRows([later]).actions);
      expect(totals.participants).toBe(1);
    }
  });

  it('is empty for no files', () => {
    const totals = mergeClass([]);
    expect(totals).toMatchObject({ participants: 0, actions: 0, measuredSeconds: 0, rows: [], studies: [] });
  });
});

describe('classTotalsCsv', () => {
  it('writes one table whose lines add up to the totals', () => {
    const totals = mergeClass([
      { name: 'a', file: a },
      { name: 'b', file: b },
    ]);
    const records = parseCsv(classTotalsCsv(totals)) as string[][];
    const [header, ...lines] = records;
    expect(header).toEqual([
      'table',
      'platform',
      'beneficiary',
      'kind',
      'detail',
      'count',
      'measured_count',
      'measured_seconds',
      'participants',
    ]);
    const col = (name: string) => (header as string[]).indexOf(name);
    const of = (table: string) => lines.filter((l) => l[0] === table);
    expect(of('total')).toEqual([
      ['total', '', '', '', '', String(totals.actions), String(totals.measuredCount), String(totals.measuredSeconds), '2'],
    ]);
    for (const table of ['kind', 'platform', 'beneficiary', 'detail']) {
      const rows = of(table);
      expect(rows.reduce((n, l) => n + Number(l[col('count')]), 0)).toBe(sumRows([a, b]).actions);
      expect(rows.reduce((n, l) => n + Math.round(Number(l[col('measured_seconds')]) * 10), 0) / 10).toBe(totals.measuredSeconds);
    }
    expect(of('detail')).toHaveLength(totals.rows.length);
    expect(lines.every((l) => l.length === header?.length)).toBe(true);
  });
});

describe('days', () => {
  it('refuses a day that is not in the calendar (DuckDB and pandas type the column as a date)', () => {
    const bad = {
      ...a,
      rows: a.rows.map((r, i) => (i === 0 ? { ...r, day: '2026-11-31' } : r)),
      period: { from: '2026-11-01', to: '2026-12-31' },
    };
    expect(readExportFile('a.json', json(bad))).toEqual({ ok: false, error: 'invalid-row', line: 1, column: 'day' });
    expect(readExportFile('a.json', json({ ...a, consent_day: '2026-02-29' }))).toEqual({ ok: false, error: 'invalid-metadata' });
    expect(readExportFile('a.json', json({ ...a, consent_day: '2028-02-29' }))).toMatchObject({ ok: true });
  });
});
