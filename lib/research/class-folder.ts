import { MAX_CLASS_FILES, type Readable } from './class-drop';
import type { ClassSession } from './class-session';

/**
 * Folders of exports for the class-totals page, read in its worker: a teacher's folder of ten
 * thousand files is listed and opened there (File System Access handles, which the page passes on
 * without touching a file), where Chromium's `<input type="file" multiple>` makes the page itself
 * create ten thousand File objects and ask each its size, a second or more during which the page
 * cannot answer (`npm run bench`, class rows). Plain code over the handles' shape, tested in Node.
 */
export interface FileEntry {
  kind: 'file';
  name: string;
  getFile(): Promise<File>;
}
export interface FolderEntry {
  kind: 'directory';
  name: string;
  values(): AsyncIterable<FileEntry | FolderEntry>;
}
export type Entry = FileEntry | FolderEntry;

/** The files a folder's listing takes: exports as the page writes them (JSON, ZIP, CSV), hidden files left out. */
export const isExportName = (name: string) => !name.startsWith('.') && /\.(json|zip|csv)$/i.test(name);
/** Folders are listed this many levels deep (a class's folder of per-group folders; not a whole disk). */
export const MAX_FOLDER_DEPTH = 8;
/**
 * At most this many files are listed (ten times what the page takes: the count of those left is
 * then "at least"): a home folder chosen by mistake is not walked whole.
 */
export const MAX_LISTED = 10 * MAX_CLASS_FILES;
/** Files handed to the session at once while they are opened (the first are read while the rest are opened). */
const SLICE = 250;

interface Listed {
  path: string;
  entry: FileEntry;
  /** Which of the chosen entries it is in. */
  top: number;
}

/** A folder that could not be listed (moved, or access withdrawn), as a file that cannot be opened: refused as unreadable under its path. */
const unlisted = (name: string): FileEntry => ({
  kind: 'file',
  name,
  getFile: () => Promise.reject(new Error('not listed')),
});

const byName = (a: Entry, b: Entry) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * The files of what was chosen, in order: a file as it is (whatever its name: it was chosen), a
 * folder's export files level by level, each folder's entries in name order, named by their path
 * from the chosen folder on ("class/group-a/x.json"); a folder that cannot be listed as a file
 * that cannot be opened; at most MAX_LISTED (`truncated`: there were more, never counted). `stopped`
 * is asked between entries.
 */
export async function listFiles(
  entries: readonly Entry[],
  stopped: () => boolean,
  onListed?: (n: number) => void,
): Promise<Listed[] & { truncated: boolean }> {
  const out: Listed[] = [];
  // One file past the limit is listed, then dropped: it tells a listing cut short from one of exactly MAX_LISTED.
  const done = () => stopped() || out.length > MAX_LISTED;
  const walk = async (entry: Entry, path: string, depth: number, top: number): Promise<void> => {
    if (done()) return;
    const chosen = depth === 0;
    if (entry.kind === 'file') {
      if (chosen || isExportName(entry.name)) {
        out.push({ path, entry, top });
        onListed?.(out.length);
      }
      return;
    }
    if (depth >= MAX_FOLDER_DEPTH || (!chosen && entry.name.startsWith('.'))) return;
    const inside: Entry[] = [];
    try {
      for await (const child of entry.values()) {
        if (done()) return;
        inside.push(child);
      }
    } catch {
      out.push({ path, entry: unlisted(entry.name), top });
      return;
    }
    for (const child of inside.sort(byName)) await walk(child, `${path}/${child.name}`, depth + 1, top);
  };
  for (const [top, entry] of entries.entries()) await walk(entry, entry.name, 0, top);
  const truncated = out.length > MAX_LISTED;
  return Object.assign(out.slice(0, MAX_LISTED), { truncated });
}

/** A file that could not be opened (moved or deleted since it was listed): read, it is refused as unreadable. */
class Unopened extends File {
  override arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.reject(new Error('not opened'));
  }
}

async function open({ path, entry }: Listed): Promise<Readable> {
  try {
    const file = await entry.getFile();
    // Named by its path, so that two groups' "export.json" stay apart in the lists.
    return file.name === path ? file : { name: path, size: file.size, file };
  } catch {
    return new Unopened([], path);
  }
}

/**
 * Adds what was chosen to the session as one drop: lists it (the progress counts the files as they
 * are found), then opens the files a slice at a time and hands each slice over, saying how many are
 * still to come. Only the files the page has room for are opened; those past it are named in a
 * notice. A folder with no export file says so. Stops, handing nothing more, once `stopped`.
 */
export async function addEntries(session: ClassSession, entries: readonly Entry[], drop: number, stopped: () => boolean) {
  let shown = 0;
  const listed = await listFiles(entries, stopped, (n) => {
    // The first file found starts the drop (and its progress, with a cancel); then a count now and then.
    if (shown > 0 && n - shown < SLICE) return;
    shown = n;
    session.add([], { files: n }, drop);
  });
  if (stopped()) return;
  // Each chosen folder with no export file says so (beside the others' files); after a listing cut
  // short, a folder not reached is not known to be empty.
  for (const [top, entry] of entries.entries())
    if (!listed.truncated && entry.kind === 'directory' && !listed.some((l) => l.top === top))
      session.notice({ error: 'empty-folder', count: 0, first: entry.name });
  if (!listed.length) return;
  const room = session.room();
  const taken = listed.slice(0, room);
  const left = listed.slice(room);
  // A listing stopped at its limit left files it never counted: those left are then "at least".
  const over = left[0]
    ? {
        error: 'too-many-files' as const,
        count: left.length,
        first: left[0].path,
        ...(listed.truncated ? { atLeast: true as const } : {}),
      }
    : undefined;
  if (!taken.length) return session.add([], { files: 0 }, drop, over);
  for (let at = 0; at < taken.length; at += SLICE) {
    const files = await Promise.all(taken.slice(at, at + SLICE).map(open));
    if (stopped()) return;
    const rest = taken.length - at - files.length;
    session.add(files, { files: rest }, drop, rest === 0 ? over : undefined);
  }
}
