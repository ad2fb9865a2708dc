import { Unzip, UnzipInflate } from 'fflate';
import { type BeneficiaryId, beneficiaryOf, type Kind, type PlatformId } from '../taxonomy';
import { durationDefault } from '../valuation';
import { type AnonymisedExport, MAX_EXPORT_BYTES, type ParseError, parseExportCsv, parseExportJson } from './format';

/**
 * Class totals: a teacher (or a researcher) merges many anonymised exports in a page, with no
 * server. Every file is checked as a whole; a file that fails contributes nothing at all.
 */

/** A zip holds datapackage.json and one CSV; a few more entries (a folder, OS clutter) are tolerated. */
export const MAX_ZIP_ENTRIES = 8;

/** Why a file was refused: the parser's reasons, and those of reading the file itself. */
export type ReadError =
  | ParseError
  /** Not UTF-8 text. */
  | 'not-text'
  /** A .zip that cannot be opened (damaged, cut short, unknown compression, wrong checksum). */
  | 'zip-damaged'
  /** More entries than an export zip ever has. */
  | 'zip-too-many-entries'
  /** No datapackage.json in the zip. */
  | 'zip-no-datapackage'
  /** datapackage.json is not JSON, or names no CSV resource. */
  | 'zip-bad-datapackage'
  /** The CSV the datapackage names is not in the zip. */
  | 'zip-no-csv'
  /** Neither JSON, nor a zip, nor CSV by its name. */
  | 'unknown-type';

export type ReadResult =
  | { ok: true; file: AnonymisedExport; form: 'json' | 'zip' | 'csv' }
  | { ok: false; error: ReadError; line?: number };

class ZipRefusal extends Error {
  constructor(readonly reason: 'too-large' | 'zip-too-many-entries') {
    super(reason);
  }
}

function decode(bytes: Uint8Array): string | undefined {
  try {
    // A byte-order mark is dropped by the decoder.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

let CRC_TABLE: Uint32Array | undefined;
function crc32(bytes: Uint8Array): number {
  if (!CRC_TABLE) {
    CRC_TABLE = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const b of bytes) crc = (CRC_TABLE[(crc ^ b) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * The CRC-32 of every entry, from the zip's central directory (fflate does not check them: a
 * damaged byte inside a compressed CSV could otherwise change a count and still parse).
 */
function centralCrcs(bytes: Uint8Array): Map<string, { crc: number; size: number }> | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) {
    if (bytes.length - end > 65_557) return undefined;
    end--;
  }
  if (end < 0) return undefined;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const crcs = new Map<string, { crc: number; size: number }>();
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return undefined;
    const utf8 = (view.getUint16(at + 8, true) & 0x800) !== 0;
    const nameLength = view.getUint16(at + 28, true);
    const raw = bytes.subarray(at + 46, at + 46 + nameLength);
    // Decoded as fflate decodes names, so that the keys match.
    const name = utf8 ? new TextDecoder().decode(raw) : String.fromCharCode(...raw);
    crcs.set(name, { crc: view.getUint32(at + 16, true), size: view.getUint32(at + 24, true) });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return crcs;
}

const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** A CSV path inside the zip: a plain relative name, no climbing out of the package's folder. */
const SAFE_PATH = /^(?!.*(^|\/)\.\.?(\/|$))[\w. -]+(\/[\w. -]+)*\.csv$/i;

/** Compressed bytes handed to the inflater at a time: what it may produce past a limit is bounded by this. */
const ZIP_CHUNK = 16 * 1024;

/**
 * The zip's entries, inflated as a stream and stopped as soon as an entry produces more than it
 * declares, or all of them more than MAX_EXPORT_BYTES: a small file that lies about its sizes (a
 * "zip bomb") costs at most a chunk's worth of work, not the gigabytes it would inflate to.
 */
function unzipBounded(bytes: Uint8Array): Record<string, Uint8Array> {
  const entries: Record<string, Uint8Array> = {};
  let count = 0;
  let declared = 0;
  let produced = 0;
  let failure: unknown;
  const unzip = new Unzip((file) => {
    if (++count > MAX_ZIP_ENTRIES) throw new ZipRefusal('zip-too-many-entries');
    if (file.name.endsWith('/') || file.name.startsWith('__MACOSX/')) return;
    const limit = file.originalSize ?? MAX_EXPORT_BYTES;
    declared += file.originalSize ?? 0;
    if (declared > MAX_EXPORT_BYTES || limit < 0) throw new ZipRefusal('too-large');
    // A stored entry is copied as it is: its two sizes must agree.
    if (file.compression === 0 && file.size !== undefined && file.size !== file.originalSize)
      throw new Error('stored sizes differ');
    const chunks: Uint8Array[] = [];
    let got = 0;
    file.ondata = (error, data, final) => {
      if (failure) return;
      if (error) {
        failure = error;
        return;
      }
      got += data.length;
      produced += data.length;
      if (got > limit || produced > MAX_EXPORT_BYTES) {
        failure = new ZipRefusal('too-large');
        file.terminate();
        return;
      }
      chunks.push(data);
      if (final) {
        const whole = new Uint8Array(got);
        let at = 0;
        for (const c of chunks) {
          whole.set(c, at);
          at += c.length;
        }
        entries[file.name] = whole;
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  for (let at = 0; at < bytes.length && !failure; at += ZIP_CHUNK)
    unzip.push(bytes.subarray(at, at + ZIP_CHUNK), at + ZIP_CHUNK >= bytes.length);
  if (failure) throw failure;
  return entries;
}

function readZip(bytes: Uint8Array): ReadResult {
  // The central directory first: it must be readable, and what it declares must be within bounds.
  const central = centralCrcs(bytes);
  if (!central) return { ok: false, error: 'zip-damaged' };
  if (central.size > MAX_ZIP_ENTRIES) return { ok: false, error: 'zip-too-many-entries' };
  let declared = 0;
  for (const { size } of central.values()) declared += size;
  if (declared > MAX_EXPORT_BYTES) return { ok: false, error: 'too-large' };
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipBounded(bytes);
  } catch (error) {
    if (error instanceof ZipRefusal) return { ok: false, error: error.reason };
    return { ok: false, error: 'zip-damaged' };
  }
  // Every entry inflated must be in the directory with the same size and checksum, and every file
  // the directory lists must have been inflated (fflate does not check checksums itself).
  for (const [name, data] of Object.entries(entries)) {
    const c = central.get(name);
    if (!c || c.size !== data.length || c.crc !== crc32(data)) return { ok: false, error: 'zip-damaged' };
  }
  for (const name of central.keys())
    if (!name.endsWith('/') && !name.startsWith('__MACOSX/') && !entries[name]) return { ok: false, error: 'zip-damaged' };
  // datapackage.json at the top, or in the one folder a re-zipped download puts it in.
  const pkgNames = Object.keys(entries).filter((n) => n === 'datapackage.json' || /^[^/]+\/datapackage\.json$/.test(n));
  if (pkgNames.length !== 1) return { ok: false, error: pkgNames.length ? 'zip-bad-datapackage' : 'zip-no-datapackage' };
  const pkgName = pkgNames[0] as string;
  const folder = pkgName.slice(0, -'datapackage.json'.length);
  const pkgText = decode(entries[pkgName] as Uint8Array);
  if (pkgText === undefined) return { ok: false, error: 'zip-bad-datapackage' };
  let pkg: unknown;
  try {
    pkg = JSON.parse(pkgText);
  } catch {
    return { ok: false, error: 'zip-bad-datapackage' };
  }
  const resources = (pkg as { resources?: unknown } | null)?.resources;
  if (!Array.isArray(resources)) return { ok: false, error: 'zip-bad-datapackage' };
  const resource = (resources.find((r) => (r as { name?: unknown } | null)?.name === 'clickwork-rows') ?? resources[0]) as
    | { path?: unknown }
    | null
    | undefined;
  const path = resource?.path;
  if (typeof path !== 'string' || !SAFE_PATH.test(path)) return { ok: false, error: 'zip-bad-datapackage' };
  const csvBytes = entries[folder + path];
  if (!csvBytes) return { ok: false, error: 'zip-no-csv' };
  const csv = decode(csvBytes);
  if (csv === undefined) return { ok: false, error: 'not-text' };
  const parsed = parseExportCsv(csv, pkg);
  return parsed.ok ? { ...parsed, form: 'zip' } : parsed;
}

/**
 * Reads one dropped file by its name: `.json` (the JSON form), `.zip` (datapackage.json and its
 * CSV) or `.csv` (the CSV alone). Any other name is read as a zip when it is one, else as JSON.
 * Never throws: the whole file, or a reason.
 */
export function readExportFile(name: string, bytes: Uint8Array): ReadResult {
  if (bytes.length > MAX_EXPORT_BYTES) return { ok: false, error: 'too-large' };
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (ext === 'zip' || (ext !== 'json' && ext !== 'csv' && isZip(bytes))) return readZip(bytes);
  const text = decode(bytes);
  if (text === undefined) return { ok: false, error: ext === 'json' || ext === 'csv' ? 'not-text' : 'unknown-type' };
  if (ext === 'csv') {
    const parsed = parseExportCsv(text);
    return parsed.ok ? { ...parsed, form: 'csv' } : parsed;
  }
  const parsed = parseExportJson(text);
  if (parsed.ok) return { ...parsed, form: 'json' };
  // A file of unknown type that is not even JSON is not one of ours.
  if (ext !== 'json' && parsed.error === 'not-json') return { ok: false, error: 'unknown-type' };
  return parsed;
}

/** One line of a class table: counts, measured time, and how many participants contributed. */
export interface ClassRow {
  count: number;
  measured_count: number;
  measured_seconds: number;
  participants: number;
}
export type KindRow = ClassRow & { kind: Kind };
export type PlatformRow = ClassRow & { platform: PlatformId; beneficiary: BeneficiaryId };
export type BeneficiaryRow = ClassRow & { beneficiary: BeneficiaryId };
export type DetailRow = ClassRow & { platform: PlatformId; beneficiary: BeneficiaryId; kind: Kind; detail: string };

export interface NamedExport {
  name: string;
  file: AnonymisedExport;
}

export interface ClassTotals {
  /** Files merged, in the order given. */
  accepted: { name: string; study_id: string; participant: string; rows: number; actions: number }[];
  /** Files left out whole: a second file of a participant already merged. */
  /** Other files of a participant already counted: the same period (a copy, the other form), or an older one. */
  refused: { name: string; error: 'duplicate-participant' | 'older-file'; duplicateOf: string }[];
  participants: number;
  studies: string[];
  actions: number;
  measuredCount: number;
  measuredSeconds: number;
  /** The actions without a measured time, at the published default durations (see lib/valuation). */
  estimatedSeconds: number;
  byKind: KindRow[];
  byPlatform: PlatformRow[];
  byBeneficiary: BeneficiaryRow[];
  /** The full platform × kind × detail table. */
  rows: DetailRow[];
}

/** Measured seconds are summed in tenths (as exported), so that sums are exact. */
const tenths = (s: number) => Math.round(s * 10);

interface Acc {
  count: number;
  measured_count: number;
  tenths: number;
  who: Set<string>;
}

function table<K extends string, E>(acc: Map<K, Acc & { extra: E }>) {
  return [...acc.entries()]
    .map(([key, a]) => ({
      key,
      row: {
        ...a.extra,
        count: a.count,
        measured_count: a.measured_count,
        measured_seconds: a.tenths / 10,
        participants: a.who.size,
      },
    }))
    .sort((x, y) => y.row.count - x.row.count || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0))
    .map((r) => r.row);
}

/** Which of two files of one participant to keep: the later period, then the more rows, then the first. */
const newer = (a: AnonymisedExport, b: AnonymisedExport) =>
  a.period.to !== b.period.to ? a.period.to > b.period.to : a.rows.length > b.rows.length;

/**
 * Merges checked exports into class totals. Of several files of the same study and participant,
 * one is kept whole — the latest (the one whose period ends last; then the one with more rows;
 * then the first) — and the others are listed, so a student who hands in both forms, or a file
 * and a later one, counts once.
 */
export function mergeClass(files: readonly NamedExport[]): ClassTotals {
  const keep = new Map<string, NamedExport>();
  for (const f of files) {
    const who = `${f.file.study_id}/${f.file.participant}`;
    const kept = keep.get(who);
    if (!kept || newer(f.file, kept.file)) keep.set(who, f);
  }
  const accepted: ClassTotals['accepted'] = [];
  const refused: ClassTotals['refused'] = [];
  const studies = new Set<string>();
  const byKind = new Map<Kind, Acc & { extra: { kind: Kind } }>();
  const byPlatform = new Map<PlatformId, Acc & { extra: { platform: PlatformId; beneficiary: BeneficiaryId } }>();
  const byBeneficiary = new Map<BeneficiaryId, Acc & { extra: { beneficiary: BeneficiaryId } }>();
  const byDetail = new Map<
    string,
    Acc & { extra: { platform: PlatformId; beneficiary: BeneficiaryId; kind: Kind; detail: string } }
  >();
  let actions = 0;
  let measuredCount = 0;
  let measuredTenths = 0;
  let estimatedSeconds = 0;

  const add = <K, E>(
    map: Map<K, Acc & { extra: E }>,
    key: K,
    extra: () => E,
    who: string,
    r: AnonymisedExport['rows'][number],
  ) => {
    let a = map.get(key);
    if (!a) {
      a = { count: 0, measured_count: 0, tenths: 0, who: new Set(), extra: extra() };
      map.set(key, a);
    }
    a.count += r.count;
    a.measured_count += r.measured_count;
    a.tenths += tenths(r.measured_seconds);
    a.who.add(who);
  };

  for (const f of files) {
    const { name, file } = f;
    const who = `${file.study_id}/${file.participant}`;
    const kept = keep.get(who) as NamedExport;
    if (kept !== f) {
      const older = newer(kept.file, file) && kept.file.period.to !== file.period.to;
      refused.push({ name, error: older ? 'older-file' : 'duplicate-participant', duplicateOf: kept.name });
      continue;
    }
    studies.add(file.study_id);
    let fileActions = 0;
    for (const r of file.rows) {
      const beneficiary = beneficiaryOf(r.platform);
      fileActions += r.count;
      measuredCount += r.measured_count;
      measuredTenths += tenths(r.measured_seconds);
      estimatedSeconds += (r.count - r.measured_count) * durationDefault(r.kind, r.detail).seconds;
      add(byKind, r.kind, () => ({ kind: r.kind }), who, r);
      add(byPlatform, r.platform, () => ({ platform: r.platform, beneficiary }), who, r);
      add(byBeneficiary, beneficiary, () => ({ beneficiary }), who, r);
      add(
        byDetail,
        `${r.platform}|${r.kind}|${r.detail}`,
        () => ({ platform: r.platform, beneficiary, kind: r.kind, detail: r.detail }),
        who,
        r,
      );
    }
    actions += fileActions;
    accepted.push({ name, study_id: file.study_id, participant: file.participant, rows: file.rows.length, actions: fileActions });
  }

  return {
    accepted,
    refused,
    participants: keep.size,
    studies: [...studies].sort(),
    actions,
    measuredCount,
    measuredSeconds: measuredTenths / 10,
    estimatedSeconds,
    byKind: table(byKind),
    byPlatform: table(byPlatform),
    byBeneficiary: table(byBeneficiary),
    rows: table(byDetail),
  };
}

const CSV_COLUMNS = [
  'table',
  'platform',
  'beneficiary',
  'kind',
  'detail',
  'count',
  'measured_count',
  'measured_seconds',
  'participants',
] as const;
type CsvLine = Partial<Record<(typeof CSV_COLUMNS)[number], string | number>>;

/**
 * The totals as one CSV table (UTF-8, LF): the `table` column says which breakdown a line belongs
 * to — `total`, `kind`, `platform`, `beneficiary` or `detail` (platform × kind × detail) — so a
 * spreadsheet filter shows one at a time. Ids are the taxonomy's, never translated.
 */
export function classTotalsCsv(totals: ClassTotals): string {
  const lines: CsvLine[] = [
    {
      table: 'total',
      count: totals.actions,
      measured_count: totals.measuredCount,
      measured_seconds: totals.measuredSeconds,
      participants: totals.participants,
    },
    ...totals.byKind.map((r) => ({ table: 'kind', ...r })),
    ...totals.byPlatform.map((r) => ({ table: 'platform', ...r })),
    ...totals.byBeneficiary.map((r) => ({ table: 'beneficiary', ...r })),
    ...totals.rows.map((r) => ({ table: 'detail', ...r })),
  ];
  // Every value is a taxonomy id, a token or a number: nothing needs quoting.
  const body = lines.map((l) => CSV_COLUMNS.map((c) => l[c] ?? '').join(','));
  return `${[CSV_COLUMNS.join(','), ...body].join('\n')}\n`;
}
