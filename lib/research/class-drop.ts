import { type ReadError, readExportFile } from './class';
import { type ClassTotals, type FileSummary, summarise } from './class-merge';
import { MAX_EXPORT_BYTES } from './format';

/**
 * The class-totals page's reading of dropped files, away from the page (in a Web Worker): files
 * are read in chunks, checked and merged one after another, with progress, a cancel that leaves
 * the totals as they were before the drop, and limits on how many files and bytes a class may take.
 * Plain code with no browser API beyond Blob, so that it runs and is tested in Node.
 */

/** At most this many files on the page (a school year of a large course, many times over). */
export const MAX_CLASS_FILES = 10_000;
/** At most this many bytes read on the page in all (each file at most MAX_EXPORT_BYTES). */
export const MAX_CLASS_BYTES = 500 * 1024 * 1024;

/** A file refused whole, with the reason: the reader's, or that it could not be read at all. */
export interface ReadRefusal {
  name: string;
  error: ReadError | 'unreadable';
  line?: number;
  /** The column of the line that is wrong, by name. */
  column?: string;
}

/**
 * Files of a drop left unread because a limit of the page was reached (one notice per drop and
 * limit), or a folder chosen with no export file in it (`count` 0, `first` the folder's name).
 */
export interface DropNotice {
  error: 'too-many-files' | 'too-much-data' | 'empty-folder';
  count: number;
  /** The first file left unread (the folder, for an empty folder). */
  first: string;
  /** `count` is a floor: a folder's listing stopped at its limit (class-folder.ts MAX_LISTED) before the files past it were counted. */
  atLeast?: true;
}

/** Everything the page shows. */
export interface ClassView {
  totals: ClassTotals;
  readRefused: ReadRefusal[];
  notices: DropNotice[];
  /** Files taken (merged or refused) and bytes read, counted against the limits. */
  files: number;
  bytes: number;
}

export interface DropProgress {
  done: number;
  total: number;
  bytesDone: number;
  bytesTotal: number;
}

/** Messages between the page and its worker. */
export type ToWorker =
  /**
   * Files of one drop, handed over in slices: `rest` says how many of the drop's files (and bytes)
   * are still to come; `drop` numbers the page's drops (the slices of one drop carry the same).
   */
  | { type: 'add'; files: File[]; rest?: DropRest; drop?: number }
  /**
   * Folders (and files) chosen or dropped as handles (Chromium's File System Access API): the
   * worker lists and opens their files itself, so that the page never touches ten thousand files.
   */
  | { type: 'entries'; entries: FileSystemHandle[]; drop?: number }
  | { type: 'cancel' }
  | { type: 'clear' };

/**
 * What of a drop is still to be handed to the worker after a slice: its files, and their bytes
 * when known (the page does not ask ten thousand files their size: in Chromium each answer is a
 * wait on the disk on the page's thread; the worker then reckons the rest's bytes from those come).
 */
export interface DropRest {
  files: number;
  bytes?: number;
}
export type FromWorker =
  | { type: 'progress'; progress: DropProgress }
  | { type: 'view'; view: ClassView; cancelled?: boolean; failed?: string };

interface Used {
  files: number;
  bytes: number;
}

/** The bytes of a file that will be read: none for a file over MAX_EXPORT_BYTES (refused unread). */
export const readableBytes = (f: { size: number }) => (f.size <= MAX_EXPORT_BYTES ? f.size : 0);

/**
 * Which files of a drop are taken, in order, given what the page already holds: every file counts
 * against the file limit; only files small enough to be read count against the byte limit (a
 * file over MAX_EXPORT_BYTES is taken, to be refused on its own line, without being read).
 */
export function admit<F extends { name: string; size: number }>(files: readonly F[], used: Used) {
  const taken: F[] = [];
  const left = { 'too-many-files': [] as F[], 'too-much-data': [] as F[] };
  let { files: n, bytes } = used;
  for (const f of files) {
    if (n >= MAX_CLASS_FILES) left['too-many-files'].push(f);
    else if (f.size <= MAX_EXPORT_BYTES && bytes + f.size > MAX_CLASS_BYTES) left['too-much-data'].push(f);
    else {
      taken.push(f);
      n++;
      bytes += readableBytes(f);
    }
  }
  const notices = (['too-many-files', 'too-much-data'] as const).flatMap((error): DropNotice[] => {
    const first = left[error][0];
    return first ? [{ error, count: left[error].length, first: first.name }] : [];
  });
  return { taken, notices, used: { files: n, bytes } };
}

/** Files up to this size are read in one request rather than as a stream (one wait instead of several). */
export const WHOLE_READ_BYTES = 64 * 1024;

/** A small file's bytes in one read; the same outcomes as the stream's. */
async function readWhole(blob: Blob, onChunk?: (length: number) => void, stop?: () => boolean) {
  if (stop?.()) return 'stopped';
  try {
    const out = new Uint8Array(await blob.arrayBuffer());
    // A file that changed on disk since it was chosen: not the file that was chosen.
    if (out.length !== blob.size) return 'unreadable';
    onChunk?.(out.length);
    return out;
  } catch {
    return 'unreadable';
  }
}

/**
 * A file's bytes, read a chunk at a time (a 20 MB file is never copied whole more than once).
 * `onChunk` is told each chunk's length; `stop` is asked before each chunk.
 */
export async function readBytes(
  blob: Blob,
  onChunk?: (length: number) => void,
  stop?: () => boolean,
): Promise<Uint8Array | 'too-large' | 'unreadable' | 'stopped'> {
  if (blob.size > MAX_EXPORT_BYTES) return 'too-large';
  if (blob.size <= WHOLE_READ_BYTES && typeof blob.arrayBuffer === 'function') return readWhole(blob, onChunk, stop);
  const out = new Uint8Array(blob.size);
  let at = 0;
  try {
    const reader = blob.stream().getReader();
    for (;;) {
      if (stop?.()) {
        await reader.cancel();
        return 'stopped';
      }
      const { done, value } = await reader.read();
      if (done) break;
      // A file that changed on disk since it was chosen: not the file that was chosen.
      if (at + value.length > out.length) {
        await reader.cancel();
        return 'unreadable';
      }
      out.set(value, at);
      at += value.length;
      onChunk?.(value.length);
    }
  } catch {
    return 'unreadable';
  }
  return at === out.length ? out : 'unreadable';
}

export type Item = { summary: FileSummary } | { refusal: ReadRefusal };

/**
 * A file to read under a name of its own: a folder's file, named by its path. (Making a File of
 * it under that name would cost the worker a round trip to the browser per file: 3.7 s for
 * 10,000 files here.)
 */
export interface Named {
  name: string;
  size: number;
  file: Blob;
}
/** What the worker reads: a file chosen or dropped, or a folder's file under its path. */
export type Readable = File | Named;

/** One file's outcome: its summary when it is a good export, else why it was refused. */
export async function readOne(file: Readable, onChunk?: (n: number) => void, stop?: () => boolean): Promise<Item | undefined> {
  const bytes = await readBytes('file' in file ? file.file : file, onChunk, stop);
  if (bytes === 'stopped') return undefined;
  if (typeof bytes === 'string') return { refusal: { name: file.name, error: bytes } };
  const read = readExportFile(file.name, bytes);
  if (read.ok) {
    const summary = summarise({ name: file.name, file: read.file });
    // Harmless edits it was read through (a reordered column, semicolons, ...), shown beside it.
    return { summary: read.notes?.length ? { ...summary, notes: read.notes } : summary };
  }
  const { line, column } = read;
  return { refusal: { name: file.name, error: read.error, ...(line ? { line } : {}), ...(column ? { column } : {}) } };
}
