import { describe, expect, it, vi } from 'vitest';
import type { FromWorker } from '@/lib/research/class-drop';
import { MAX_CLASS_FILES } from '@/lib/research/class-drop';
import {
  addEntries,
  type Entry,
  type FileEntry,
  type FolderEntry,
  isExportName,
  listFiles,
  MAX_FOLDER_DEPTH,
  MAX_LISTED,
} from '@/lib/research/class-folder';
import { ClassSession } from '@/lib/research/class-session';
import { exportToCsv } from '@/lib/research/format';
import { rng, sumRows, synthExport } from './class-fixtures';

const rand = rng(11);
const students = Array.from({ length: 4 }, () => synthExport(rand, { rows: 8 }));

/** A file handle as Chromium's File System Access API gives it (getFile counted; `gone` when moved away). */
const file = (name: string, text = JSON.stringify(students[0]), gone = false): FileEntry & { opened: () => number } => {
  const getFile = vi.fn(async () => {
    if (gone) throw new DOMException('moved', 'NotFoundError');
    return new File([text], name);
  });
  return { kind: 'file', name, getFile, opened: () => getFile.mock.calls.length };
};
/** A folder handle listing its entries in the order given (the API promises no order). */
const folder = (name: string, entries: Entry[]): FolderEntry => ({
  kind: 'directory',
  name,
  async *values() {
    yield* entries;
  },
});

function session() {
  const messages: FromWorker[] = [];
  const sess = new ClassSession((m) => messages.push(m));
  const views = () => messages.flatMap((m) => (m.type === 'view' ? [m] : []));
  const view = async () => {
    await expect.poll(() => views().length, { timeout: 5_000 }).toBeGreaterThan(0);
    return views().at(-1) as Extract<FromWorker, { type: 'view' }>;
  };
  return { sess, messages, view };
}

describe('class folders: listing', () => {
  it('takes export files only (.json, .zip, .csv, not hidden), whatever their case', () => {
    expect(['a.json', 'B.ZIP', 'c.csv'].every(isExportName)).toBe(true);
    expect(['.a.json', 'notes.txt', 'json', 'Thumbs.db', 'a.json.part'].some(isExportName)).toBe(false);
  });

  it('lists a folder’s export files level by level in name order, named by their path; a chosen file whatever its name', async () => {
    const tree = folder('class', [
      file('b.json'),
      folder('group-2', [file('z.csv'), file('a.zip')]),
      file('.hidden.json'),
      file('readme.txt'),
      folder('.git', [file('x.json')]),
      file('a.json'),
      folder('group-1', [file('export.json')]),
    ]);
    const listed = await listFiles([tree, file('chosen.txt')], () => false);
    expect(listed.map((l) => l.path)).toEqual([
      'class/a.json',
      'class/b.json',
      'class/group-1/export.json',
      'class/group-2/a.zip',
      'class/group-2/z.csv',
      'chosen.txt',
    ]);
  });

  it(`goes ${MAX_FOLDER_DEPTH} levels deep, no deeper`, async () => {
    let deepest: Entry = folder('deepest', [file('too-deep.json')]);
    for (let i = MAX_FOLDER_DEPTH - 1; i >= 1; i--) deepest = folder(`l${i}`, [deepest, file(`at-${i}.json`)]);
    const listed = await listFiles([folder('top', [deepest])], () => false);
    const names = Array.from({ length: MAX_FOLDER_DEPTH - 1 }, (_, i) => `at-${i + 1}.json`);
    expect(listed.map((l) => l.path.split('/').at(-1))).toEqual(names);
  });

  it('stops listing once stopped', async () => {
    let found = 0;
    const entries = [folder('f', [file('a.json'), file('b.json'), folder('g', [file('c.json')])])];
    const listed = await listFiles(
      entries,
      () => found >= 1,
      (n) => {
        found = n;
      },
    );
    expect(listed.map((l) => l.path)).toEqual(['f/a.json']);
  });

  it(`lists at most ${MAX_LISTED.toLocaleString('en')} files (a home folder chosen by mistake is not walked whole)`, async () => {
    const many = Array.from({ length: MAX_LISTED + 5 }, (_, i) => file(`${i}.json`));
    const listed = await listFiles([folder('home', many)], () => false);
    expect(listed).toHaveLength(MAX_LISTED);
    expect(listed.truncated).toBe(true);
    // Exactly as many: listed whole, not cut short.
    const exact = await listFiles([folder('home', many.slice(0, MAX_LISTED))], () => false);
    expect([exact.length, exact.truncated]).toEqual([MAX_LISTED, false]);
  });

  it('lists a folder that cannot be listed as a file refused unreadable under its path, and the others', async () => {
    const locked: FolderEntry = {
      kind: 'directory',
      name: 'locked',
      async *values() {
        yield file('x.json');
        throw new DOMException('revoked', 'NotAllowedError');
      },
    };
    const { sess, view } = session();
    await addEntries(sess, [folder('class', [file('a.json'), locked])], 1, () => false);
    const { view: v } = await view();
    expect(v.readRefused).toEqual([{ name: 'class/locked', error: 'unreadable' }]);
    expect(v.totals.accepted.map((f) => f.name)).toEqual(['class/a.json']);
  });
});

describe('class folders: adding to the session', () => {
  it('merges a folder’s files as one drop, equal to the same files chosen one by one, with progress from the first file found', async () => {
    const { sess, messages, view } = session();
    const tree = folder('class', [
      file('a.json', JSON.stringify(students[0])),
      folder('g', [file('b.csv', exportToCsv(students[1] as never))]),
      file('c.json', JSON.stringify(students[2])),
    ]);
    await addEntries(sess, [tree], 1, () => false);
    const { view: v } = await view();
    expect(v.totals.accepted.map((f) => f.name)).toEqual(['class/a.json', 'class/c.json', 'class/g/b.csv']);
    expect(v.totals.actions).toBe(sumRows([students[0], students[1], students[2]] as never).actions);
    expect(v.files).toBe(3);
    const progress = messages.flatMap((m) => (m.type === 'progress' ? [m.progress] : []));
    expect(progress[0]).toMatchObject({ done: 0, total: 1 });
    expect(progress.at(-1)?.total).toBe(3);
    expect(messages.filter((m) => m.type === 'view')).toHaveLength(1);
  });

  it('refuses a file moved away since it was listed as unreadable, by its path, and merges the rest', async () => {
    const { sess, view } = session();
    await addEntries(sess, [folder('class', [file('a.json'), file('gone.json', '', true)])], 1, () => false);
    const { view: v } = await view();
    expect(v.readRefused).toEqual([{ name: 'class/gone.json', error: 'unreadable' }]);
    expect(v.totals.accepted.map((f) => f.name)).toEqual(['class/a.json']);
  });

  it('opens only the files the page has room for and names those left in one notice', async () => {
    const { sess, view } = session();
    // The page holds all but two files (a session whose counts are set as a full class would leave them).
    (sess as unknown as { used: { files: number; bytes: number } }).used = { files: MAX_CLASS_FILES - 2, bytes: 0 };
    const entries = ['a', 'b', 'c', 'd', 'e'].map((n) => file(`${n}.json`, JSON.stringify(students[n.charCodeAt(0) % 4])));
    await addEntries(sess, [folder('class', entries)], 1, () => false);
    const { view: v } = await view();
    expect(entries.map((e) => e.opened())).toEqual([1, 1, 0, 0, 0]);
    expect(v.notices).toEqual([{ error: 'too-many-files', count: 3, first: 'class/c.json' }]);
    expect(v.files).toBe(MAX_CLASS_FILES);
  });

  it('says "at least" of the files left when the listing stopped at its limit (those past it were never counted)', async () => {
    const { sess, view } = session();
    const many = Array.from({ length: MAX_LISTED + 7 }, (_, i) => file(`${String(i).padStart(6, '0')}.json`));
    (sess as unknown as { used: { files: number; bytes: number } }).used = { files: MAX_CLASS_FILES, bytes: 0 };
    await addEntries(sess, [folder('home', many)], 1, () => false);
    const { view: v } = await view();
    expect(v.notices).toEqual([{ error: 'too-many-files', count: MAX_LISTED, first: 'home/000000.json', atLeast: true }]);
    expect(many.every((e) => e.opened() === 0)).toBe(true);
  });

  it('says a folder has no export file, and adds nothing', async () => {
    const { sess, view } = session();
    await addEntries(sess, [folder('holiday photos', [file('a.jpg'), folder('x', [])])], 1, () => false);
    const { view: v } = await view();
    expect(v.notices).toEqual([{ error: 'empty-folder', count: 0, first: 'holiday photos' }]);
    expect(v.files).toBe(0);
  });

  it('a cancel while the folder is being opened leaves the totals as they were, and nothing of it comes later', async () => {
    const { sess, messages } = session();
    let stopped = false;
    const entries = Array.from({ length: 600 }, (_, i) => file(`${String(i).padStart(3, '0')}.json`));
    // The page cancels while the second slice is being opened (the first is being read).
    const second = entries[260] as FileEntry;
    const getFile = second.getFile;
    second.getFile = () => {
      stopped = true;
      sess.cancel();
      return getFile();
    };
    await addEntries(sess, [folder('class', entries)], 1, () => stopped);
    await new Promise((r) => setTimeout(r, 100));
    const views = messages.flatMap((m) => (m.type === 'view' ? [m] : []));
    expect(views).toHaveLength(1);
    expect(views[0]?.cancelled).toBe(true);
    expect(views[0]?.view.files).toBe(0);
    expect(entries.filter((e) => e.opened()).length).toBe(500);
  });

  it('says which of two chosen folders has no export, and merges the other’s', async () => {
    const { sess, view } = session();
    await addEntries(sess, [folder('empty', [file('a.txt')]), folder('class', [file('a.json')])], 1, () => false);
    const { view: v } = await view();
    expect(v.notices).toEqual([{ error: 'empty-folder', count: 0, first: 'empty' }]);
    expect(v.totals.accepted.map((f) => f.name)).toEqual(['class/a.json']);
  });

  it('keeps an empty folder’s notice through the cancel of a drop being read', async () => {
    const { sess, messages } = session();
    sess.add([new File([JSON.stringify(students[1])], 'b.json')], { files: 1 }, 1);
    await addEntries(sess, [folder('empty', [])], 2, () => false);
    sess.cancel();
    const views = messages.flatMap((m) => (m.type === 'view' ? [m] : []));
    expect(views).toHaveLength(1);
    expect(views[0]?.cancelled).toBe(true);
    expect(views[0]?.view.notices).toEqual([{ error: 'empty-folder', count: 0, first: 'empty' }]);
  });

  it('reads a folder beside a drop of files still being handed over: merged once both are whole', async () => {
    const { sess, messages, view } = session();
    const a = new File([JSON.stringify(students[1])], 'a.json');
    const c = new File([JSON.stringify(students[3])], 'c.json');
    sess.add([a], { files: 1 }, 1); // the page has one more file of this drop to hand over
    await addEntries(sess, [folder('class', [file('b.json', JSON.stringify(students[2]))])], 2, () => false);
    await new Promise((r) => setTimeout(r, 50));
    expect(messages.filter((m) => m.type === 'view')).toEqual([]);
    const progress = messages.flatMap((m) => (m.type === 'progress' ? [m.progress] : []));
    expect(progress.at(-1)?.total).toBe(3);
    sess.add([c], { files: 0 }, 1);
    const { view: v } = await view();
    expect(v.totals.accepted.map((f) => f.name).sort()).toEqual(['a.json', 'c.json', 'class/b.json']);
    expect(messages.filter((m) => m.type === 'view')).toHaveLength(1);
  });
});
