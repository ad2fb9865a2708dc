import { strToU8, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClickworkDB } from '@/lib/db/schema';
import { mergeClass, type NamedExport, type ReadError, readExportFile } from '@/lib/research/class';
import { exportZip } from '@/lib/research/export';
import {
  type AnonymisedExport,
  DETAIL,
  dataPackage,
  exportBaseName,
  exportToCsv,
  type ParseError,
  PSEUDONYM,
  parseExportCsv,
  parseExportJson,
} from '@/lib/research/format';
import { joinStudy, parseStudy, type StudyError } from '@/lib/research/study';
import { beneficiaryOf } from '@/lib/taxonomy';
import { int, pick, rng, sumRows, synthExport } from './class-fixtures';

/**
 * Hundreds of mutated and random files fed to every research importer: none throws, each answers
 * with the whole file or a known reason, and class totals are the sum of the accepted files only.
 */
const ROUNDS = 300;
const rand = rng(0xc1a55);

const STUDY_ERRORS: StudyError[] = [
  'too-large',
  'not-json',
  'foreign',
  'unsupported-version',
  'missing-field',
  'invalid-field',
  'unknown-platform',
  'unknown-kind',
  'dates-reversed',
];
const PARSE_ERRORS: ParseError[] = [
  'too-large',
  'not-json',
  'not-csv',
  'foreign',
  'unsupported-version',
  'invalid-metadata',
  'invalid-row',
  'duplicate-row',
  'row-outside-file',
  'missing-column',
];
const READ_ERRORS: ReadError[] = [
  ...PARSE_ERRORS,
  'not-text',
  'zip-damaged',
  'zip-too-many-entries',
  'zip-no-datapackage',
  'zip-bad-datapackage',
  'zip-no-csv',
  'unknown-type',
];

// ---------------------------------------------------------------------------------------------
// Mutations

const ODD_VALUES: unknown[] = [
  null,
  0,
  -1,
  1.5,
  1e308,
  '',
  ' ',
  'x',
  '2026-02-30',
  '2026-13-01',
  'zz',
  'practice',
  'youtube',
  'reaction',
  'hour',
  'day',
  true,
  [],
  {},
  [1, 2],
  { a: 1 },
  'a'.repeat(300),
  '<img src=x onerror=alert(1)>',
  '\u0000',
  '\u202e',
  'ünïcödé',
  '12',
  '1e3',
  23,
  24,
  10_000_001,
];

/** Every path (as keys) into a JSON value. */
function paths(v: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(v)) for (const [i, x] of v.entries()) out.push(...paths(x, [...prefix, i]));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...prefix, k]));
  return out;
}

/** A structural mutation: one value replaced, deleted, or a sibling added, somewhere in the object. */
function mutateValue(value: unknown): unknown {
  const copy = structuredClone(value);
  const all = paths(copy).filter((p) => p.length > 0);
  if (!all.length) return pick(rand, ODD_VALUES);
  const path = pick(rand, all);
  const parent = path.slice(0, -1).reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], copy) as Record<
    string | number,
    unknown
  >;
  const key = path.at(-1) as string | number;
  const roll = rand();
  if (roll < 0.6) parent[key] = pick(rand, ODD_VALUES);
  else if (roll < 0.8) {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  } else if (roll < 0.9 && Array.isArray(parent)) parent.push(structuredClone(parent[key as number]));
  else parent[`extra_${int(rand, 0, 9)}`] = pick(rand, ODD_VALUES);
  return copy;
}

const CHARS = '{}[]",:.-0123456789aefnrtux \n\r\\é\u2028';
/** A textual mutation: truncation, deletion, insertion or substitution of characters. */
function mutateText(text: string): string {
  const at = int(rand, 0, Math.max(0, text.length - 1));
  switch (int(rand, 0, 4)) {
    case 0:
      return text.slice(0, at);
    case 1:
      return text.slice(0, at) + text.slice(at + int(rand, 1, 40));
    case 2:
      return text.slice(0, at) + Array.from({ length: int(rand, 1, 8) }, () => pick(rand, [...CHARS])).join('') + text.slice(at);
    case 3:
      return text.slice(0, at) + pick(rand, [...CHARS]) + text.slice(at + 1);
    default: {
      // Swap two lines (CSV) or two halves.
      const lines = text.split('\n');
      if (lines.length < 3) return text.split('').reverse().join('');
      const i = int(rand, 0, lines.length - 1);
      const j = int(rand, 0, lines.length - 1);
      [lines[i], lines[j]] = [lines[j] as string, lines[i] as string];
      return lines.join('\n');
    }
  }
}

function mutateBytes(bytes: Uint8Array): Uint8Array {
  const out = bytes.slice();
  const roll = rand();
  if (roll < 0.3) return out.slice(0, int(rand, 0, out.length));
  const flips = int(rand, 1, 6);
  for (let i = 0; i < flips; i++) out[int(rand, 0, out.length - 1)] = int(rand, 0, 255);
  return out;
}

const randomBytes = (n: number) => Uint8Array.from({ length: n }, () => int(rand, 0, 255));
const randomText = (n: number) => Array.from({ length: n }, () => pick(rand, [...CHARS, 'a', 'b', ','])).join('');

// ---------------------------------------------------------------------------------------------
// Seeds

const studyText = (over: Record<string, unknown> = {}) => ({
  format: 'clickwork-meter/study',
  version: 1,
  id: 'fuzz-study',
  title: 'Fuzz',
  researcher: 'Someone',
  contact: 'someone@example.invalid',
  consent: { version: '1', text: 'I agree.' },
  granularity: 'hour',
  platforms: ['youtube', 'x'],
  kinds: ['reaction', 'vote'],
  startDate: '2026-11-01',
  endDate: '2099-12-31',
  ...over,
});

const seeds: AnonymisedExport[] = [
  synthExport(rand, { rows: 6 }),
  synthExport(rand, { rows: 6, granularity: 'hour' }),
  synthExport(rand, { rows: 3, studyId: 'fuzz-other' }),
];

/** A file the importers accepted must be valid through and through, not merely parsed. */
function checkAccepted(file: AnonymisedExport) {
  expect(PSEUDONYM.test(file.participant)).toBe(true);
  for (const r of file.rows) {
    expect(r.study_id).toBe(file.study_id);
    expect(r.participant).toBe(file.participant);
    expect(r.beneficiary).toBe(beneficiaryOf(r.platform));
    expect(DETAIL.test(r.detail)).toBe(true);
    expect(Number.isInteger(r.count) && r.count >= 1).toBe(true);
    expect(Number.isInteger(r.measured_count) && r.measured_count >= 0 && r.measured_count <= r.count).toBe(true);
    expect(r.measured_seconds >= 0).toBe(true);
    expect(file.granularity === 'day' ? r.hour === null : Number.isInteger(r.hour)).toBe(true);
    expect(r.day >= file.period.from && r.day <= file.period.to).toBe(true);
  }
}

function expectKnown(result: { ok: boolean; error?: string }, known: readonly string[], what: string) {
  if (!result.ok) expect(known, `${what}: unknown reason ${result.error}`).toContain(result.error);
}

// ---------------------------------------------------------------------------------------------

describe('fuzz: study files', () => {
  it(`parseStudy never throws on ${ROUNDS * 2} mutated and random files`, () => {
    let accepted = 0;
    for (let i = 0; i < ROUNDS * 2; i++) {
      const roll = i % 4;
      const text =
        roll === 0
          ? JSON.stringify(mutateValue(studyText()))
          : roll === 1
            ? mutateText(JSON.stringify(studyText(), null, i % 8 === 1 ? 2 : 0))
            : roll === 2
              ? JSON.stringify(mutateValue(mutateValue(studyText())))
              : randomText(int(rand, 0, 200));
      const result = parseStudy(text);
      expectKnown(result, STUDY_ERRORS, `study #${i}`);
      if (result.ok) accepted++;
    }
    // The mutations are not all fatal (an extra field, a changed title): some files pass.
    expect(accepted).toBeGreaterThan(0);
    expect(parseStudy('x'.repeat(70_000))).toEqual({ ok: false, error: 'too-large' });
  });
});

describe('fuzz: a refused study changes nothing', () => {
  let db: ClickworkDB;
  let n = 0;
  beforeEach(() => {
    db = new ClickworkDB(`research-fuzz-${++n}`);
  });
  afterEach(async () => {
    await db.delete();
  });

  /** What the participant's page does with a study file: join only what parsed. */
  async function loadAndJoin(text: string) {
    const parsed = parseStudy(text);
    if (!parsed.ok) return parsed;
    return joinStudy(db, parsed.study, new Date(2026, 10, 20, 12).getTime());
  }

  it('joins valid studies once, and leaves the meta table as it was for every refused one', async () => {
    const snapshot = async () => JSON.stringify(await db.meta.toArray());
    let joined = 0;
    let refused = 0;
    for (let i = 0; i < 150; i++) {
      const id = `fuzz-study-${i}`;
      const text =
        i % 3 === 0
          ? mutateText(JSON.stringify(studyText({ id })))
          : JSON.stringify(mutateValue(studyText({ id, endDate: i % 5 === 0 ? '2026-11-19' : '2099-12-31' })));
      const before = await snapshot();
      const result = await loadAndJoin(text);
      const after = await snapshot();
      if (result.ok) {
        joined++;
        expect(after).not.toBe(before);
        expect(PSEUDONYM.test((result as { enrolment: { pseudonym: string } }).enrolment.pseudonym)).toBe(true);
      } else {
        refused++;
        expect(after, `study #${i}: ${JSON.stringify(result)}`).toBe(before);
      }
    }
    expect(joined).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  });
});

describe('fuzz: anonymised exports', () => {
  it(`parseExportJson and parseExportCsv never throw on ${ROUNDS * 3} mutated and random files`, () => {
    for (let i = 0; i < ROUNDS; i++) {
      const seed = pick(rand, seeds);
      const json =
        i % 3 === 0
          ? JSON.stringify(mutateValue(seed))
          : i % 3 === 1
            ? mutateText(JSON.stringify(seed, null, i % 2 ? 2 : 0))
            : randomText(int(rand, 0, 300));
      const j = parseExportJson(json);
      expectKnown(j, PARSE_ERRORS, `json #${i}`);
      if (j.ok) checkAccepted(j.file);

      const csv = i % 4 === 3 ? randomText(int(rand, 0, 300)) : mutateText(exportToCsv(seed));
      const alone = parseExportCsv(csv);
      expectKnown(alone, PARSE_ERRORS, `csv #${i}`);
      if (alone.ok) checkAccepted(alone.file);

      const pkg = i % 2 ? mutateValue(dataPackage(seed)) : dataPackage(seed);
      const withPkg = parseExportCsv(i % 2 ? exportToCsv(seed) : csv, pkg);
      expectKnown(withPkg, PARSE_ERRORS, `csv+pkg #${i}`);
      if (withPkg.ok) checkAccepted(withPkg.file);
    }
    // Odd packages.
    for (const pkg of [null, 0, 'x', [], {}, { 'clickwork-meter/anonymised-export': null }])
      expectKnown(parseExportCsv(exportToCsv(seeds[0] as AnonymisedExport), pkg), PARSE_ERRORS, 'odd package');
  });

  it(`readExportFile never throws on ${ROUNDS * 3} files of every form, damaged or not`, () => {
    const names = ['a.json', 'a.zip', 'a.csv', 'a.txt', 'a', 'A.JSON', 'a.zip.json'];
    for (let i = 0; i < ROUNDS * 3; i++) {
      const seed = pick(rand, seeds);
      const base = exportBaseName(seed);
      let bytes: Uint8Array;
      switch (i % 8) {
        case 0:
          bytes = mutateBytes(exportZip(seed));
          break;
        case 1: {
          // A zip with a mutated datapackage or CSV, wrong names, or extra entries.
          const entries: Record<string, Uint8Array> = {
            'datapackage.json': strToU8(JSON.stringify(i % 3 ? mutateValue(dataPackage(seed)) : dataPackage(seed))),
            [i % 5 ? `${base}.csv` : 'other.csv']: strToU8(i % 3 ? exportToCsv(seed) : mutateText(exportToCsv(seed))),
          };
          for (let k = int(rand, 0, 10); k > 0; k--) entries[`junk-${k}/${k}.bin`] = randomBytes(int(rand, 0, 50));
          bytes = zipSync(entries, { level: pick(rand, [0, 6] as const) });
          break;
        }
        case 2:
          bytes = randomBytes(int(rand, 0, 400));
          break;
        case 3:
          bytes = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...randomBytes(int(rand, 0, 200))]);
          break;
        case 4:
          bytes = strToU8(JSON.stringify(mutateValue(seed)));
          break;
        case 5:
          bytes = mutateBytes(strToU8(JSON.stringify(seed)));
          break;
        case 6:
          bytes = strToU8(mutateText(exportToCsv(seed)));
          break;
        default:
          bytes = exportZip(seed).slice(0, int(rand, 0, 400));
      }
      const name =
        i % 8 === 2 || i % 8 === 3
          ? pick(rand, names)
          : ['a.zip', 'a.zip', 'a.zip', 'a.zip', 'a.json', 'a.json', 'a.csv', 'a.zip'][i % 8];
      const result = readExportFile(name as string, bytes);
      expectKnown(result, READ_ERRORS, `file #${i} (${name})`);
      if (result.ok) checkAccepted(result.file);
      // A damaged zip is refused, or the damage was outside the data (checksums): never different rows.
      if (result.ok && (i % 8 === 0 || i % 8 === 7)) expect(result.file).toEqual(seed);
    }
  });
});

describe('fuzz: class totals are the sum of the accepted files only', () => {
  it('merges a mix of good, damaged and duplicate files without a half-merged one', () => {
    for (let round = 0; round < 20; round++) {
      const inputs: { name: string; bytes: Uint8Array }[] = [];
      const good = Array.from({ length: 6 }, () => synthExport(rand, { granularity: pick(rand, ['day', 'hour'] as const) }));
      for (const [k, f] of good.entries()) {
        const form = k % 3;
        const bytes = form === 0 ? strToU8(JSON.stringify(f)) : form === 1 ? exportZip(f) : strToU8(exportToCsv(f));
        const name = `${k}.${['json', 'zip', 'csv'][form]}`;
        // Half the files are damaged on the way; some of those damages are harmless.
        inputs.push({
          name,
          bytes: rand() < 0.5 ? bytes : form === 1 ? mutateBytes(bytes) : strToU8(mutateText(new TextDecoder().decode(bytes))),
        });
      }
      // A second copy of a participant, and junk.
      inputs.push({ name: 'copy.json', bytes: strToU8(JSON.stringify(good[0])) });
      inputs.push({ name: 'junk.zip', bytes: randomBytes(100) });

      const read = inputs.map(({ name, bytes }) => ({ name, result: readExportFile(name, bytes) }));
      const accepted: NamedExport[] = read.flatMap(({ name, result }) => (result.ok ? [{ name, file: result.file }] : []));
      const totals = mergeClass(accepted);

      // The files merged are exactly the accepted ones, less second copies of a participant.
      const seen = new Set<string>();
      const merged = accepted.filter(({ file }) => {
        const key = `${file.study_id}/${file.participant}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
      expect(totals.accepted.map((f) => f.name)).toEqual(merged.map((f) => f.name));
      expect(totals.refused.map((f) => f.name)).toEqual(accepted.filter((f) => !merged.includes(f)).map((f) => f.name));
      const sum = sumRows(merged.map((f) => f.file));
      expect(totals.participants).toBe(merged.length);
      expect(totals.actions).toBe(sum.actions);
      expect(totals.measuredCount).toBe(sum.measuredCount);
      expect(totals.measuredSeconds).toBe(sum.measuredSeconds);
      expect(Object.fromEntries(totals.byKind.map((r) => [r.kind, r.count]))).toEqual(sum.byKind);
      expect(Object.fromEntries(totals.byPlatform.map((r) => [r.platform, r.count]))).toEqual(sum.byPlatform);
      expect(Object.fromEntries(totals.byBeneficiary.map((r) => [r.beneficiary, r.count]))).toEqual(sum.byBeneficiary);
      expect(totals.rows.reduce((n, r) => n + r.count, 0)).toBe(sum.actions);
      // A file accepted intact counts all its rows; a refused one none.
      for (const { name, result } of read) {
        const line = totals.accepted.find((f) => f.name === name);
        if (!result.ok) expect(line).toBeUndefined();
        else if (line) expect(line.actions).toBe(sumRows([result.file]).actions);
      }
    }
  });
});
