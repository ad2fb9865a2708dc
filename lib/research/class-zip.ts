import { Unzip, UnzipInflate } from 'fflate';
import type { ReadResult } from './class';
import { MAX_EXPORT_BYTES, parseExportCsv } from './format';

/**
 * Reading an export zip (datapackage.json and its CSV) without trusting it: the central directory's
 * sizes and CRC-32s are checked, entries are inflated as a stream with bounded output.
 */

/** A zip holds datapackage.json and one CSV; a few more entries (a folder, OS clutter) are tolerated. */
export const MAX_ZIP_ENTRIES = 8;

class ZipRefusal extends Error {
  constructor(readonly reason: 'too-large' | 'zip-too-many-entries') {
    super(reason);
  }
}

export function decode(bytes: Uint8Array): string | undefined {
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

export const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

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

export function readZip(bytes: Uint8Array): ReadResult {
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
