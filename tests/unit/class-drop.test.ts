import { describe, expect, it } from 'vitest';
import { slices } from '@/entrypoints/class/useClassWorker';
import { mergeClass } from '@/lib/research/class';
import {
  admit,
  type ClassView,
  type FromWorker,
  MAX_CLASS_BYTES,
  MAX_CLASS_FILES,
  readBytes,
  WHOLE_READ_BYTES,
} from '@/lib/research/class-drop';
import { ClassMerger, summarise } from '@/lib/research/class-merge';
import { ClassSession } from '@/lib/research/class-session';
import { exportZip } from '@/lib/research/export';
import { type AnonymisedExport, exportToCsv, MAX_EXPORT_BYTES } from '@/lib/research/format';
import { rng, sumRows, synthExport } from './class-fixtures';

const MB = 1024 * 1024;
const rand = rng(7);
const students = Array.from({ length: 6 }, () => synthExport(rand, { rows: 12 }));
const s = (i: number) => students[i] as AnonymisedExport;
const jsonFile = (f: AnonymisedExport, name: string) => new File([JSON.stringify(f)], name);

/** A session whose messages are kept, with a wait for the next view. */
function session() {
  const messages: FromWorker[] = [];
  let wake: (() => void) | undefined;
  const sess = new ClassSession((m) => {
    messages.push(m);
    wake?.();
  });
  let seen = 0;
  const nextView = async (): Promise<Extract<FromWorker, { type: 'view' }>> => {
    seen++;
    for (;;) {
      const views = messages.filter((m) => m.type === 'view');
      if (views.length >= seen) return views[seen - 1] as Extract<FromWorker, { type: 'view' }>;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  };
  return { sess, messages, nextView };
}

describe('admit: the page’s limits', () => {
  const f = (name: string, size: number) => ({ name, size });

  it('takes every file under the limits and counts them', () => {
    const r = admit([f('a', 10), f('b', 20)], { files: 0, bytes: 0 });
    expect(r.taken.map((x) => x.name)).toEqual(['a', 'b']);
    expect(r.notices).toEqual([]);
    expect(r.used).toEqual({ files: 2, bytes: 30 });
  });

  it('leaves the files past the file limit unread, in one notice naming the first', () => {
    const r = admit([f('a', 1), f('b', 1), f('c', 1), f('d', 1)], { files: MAX_CLASS_FILES - 1, bytes: 0 });
    expect(r.taken.map((x) => x.name)).toEqual(['a']);
    expect(r.notices).toEqual([{ error: 'too-many-files', count: 3, first: 'b' }]);
    expect(r.used.files).toBe(MAX_CLASS_FILES);
  });

  it('leaves the files past the byte limit unread; a smaller later file still fits; an oversized file is taken unread', () => {
    const r = admit([f('big', 60), f('huge.json', MAX_EXPORT_BYTES + 1), f('small', 40), f('more', 11)], {
      files: 5,
      bytes: MAX_CLASS_BYTES - 50,
    });
    // huge.json is taken (it will be refused on its own line as too large) but not counted in bytes.
    expect(r.taken.map((x) => x.name)).toEqual(['huge.json', 'small']);
    expect(r.notices).toEqual([{ error: 'too-much-data', count: 2, first: 'big' }]);
    expect(r.used).toEqual({ files: 7, bytes: MAX_CLASS_BYTES - 10 });
  });
});

/** Byte-for-byte equality (a deep equal of 300,000 numbers takes seconds). */
const same = (a: unknown, b: Uint8Array) => a instanceof Uint8Array && Buffer.from(a).equals(Buffer.from(b));

describe('readBytes: a file read in chunks', () => {
  it('reads every byte, telling each chunk', async () => {
    const data = Uint8Array.from({ length: 300_000 }, (_, i) => i % 251);
    const chunks: number[] = [];
    expect(same(await readBytes(new Blob([data]), (n) => chunks.push(n)), data)).toBe(true);
    expect(chunks.reduce((a, b) => a + b, 0)).toBe(data.length);
    // A stream of three chunks (as a browser reads a file from disk).
    const parts = [data.subarray(0, 1000), data.subarray(1000, 200_000), data.subarray(200_000)];
    const three = { size: data.length, stream: () => new Blob(parts).stream() } as unknown as Blob;
    const split = {
      size: data.length,
      stream: () =>
        new ReadableStream<Uint8Array>({
          start(c) {
            for (const p of parts) c.enqueue(p);
            c.close();
          },
        }),
    } as unknown as Blob;
    chunks.length = 0;
    expect(same(await readBytes(split, (n) => chunks.push(n)), data)).toBe(true);
    expect(chunks).toEqual([1000, 199_000, 100_000]);
    expect(same(await readBytes(three), data)).toBe(true);
  });

  it('refuses an oversized file without reading it, stops when asked, and reports an unreadable one', async () => {
    const never = { size: MAX_EXPORT_BYTES + 1, stream: () => expect.fail('read') } as unknown as Blob;
    expect(await readBytes(never)).toBe('too-large');
    expect(await readBytes(new Blob([new Uint8Array(100_000)]), undefined, () => true)).toBe('stopped');
    const failing = {
      size: 10,
      stream: () => new ReadableStream({ pull: (c) => c.error(new Error('gone')) }),
    } as unknown as Blob;
    expect(await readBytes(failing)).toBe('unreadable');
    const grown = {
      size: 2,
      stream: () => new Blob([new Uint8Array(5)]).stream(),
    } as unknown as Blob;
    expect(await readBytes(grown)).toBe('unreadable');
    const shrunk = { size: 9, stream: () => new Blob([new Uint8Array(5)]).stream() } as unknown as Blob;
    expect(await readBytes(shrunk)).toBe('unreadable');
  });
});

describe('readBytes: a small file read whole', () => {
  const small = new Uint8Array(WHOLE_READ_BYTES).map((_, i) => i % 251);

  it('reads it in one request, telling its length once, and never asks for a stream', async () => {
    const blob = { size: small.length, arrayBuffer: async () => small.slice().buffer, stream: () => expect.fail('stream') };
    const chunks: number[] = [];
    expect(same(await readBytes(blob as unknown as Blob, (n) => chunks.push(n)), small)).toBe(true);
    expect(chunks).toEqual([small.length]);
    expect(same(await readBytes(new Blob([small])), small)).toBe(true);
  });

  it('stops when asked, and reports a file that cannot be read or changed size as unreadable', async () => {
    expect(await readBytes(new Blob([small]), undefined, () => true)).toBe('stopped');
    const failing = { size: 10, arrayBuffer: () => Promise.reject(new Error('gone')) } as unknown as Blob;
    expect(await readBytes(failing)).toBe('unreadable');
    const shrunk = { size: 9, arrayBuffer: async () => new ArrayBuffer(5) } as unknown as Blob;
    expect(await readBytes(shrunk)).toBe('unreadable');
    const grown = { size: 2, arrayBuffer: async () => new ArrayBuffer(5) } as unknown as Blob;
    expect(await readBytes(grown)).toBe('unreadable');
  });
});

describe('ClassMerger', () => {
  it('merges files added one by one as mergeClass merges them all at once, for any order', () => {
    const later = { ...s(0), period: { ...s(0).period, to: '2099-12-31' }, rows: s(0).rows.slice(0, 2) };
    const named = [...students.map((f, i) => ({ name: `${i}.json`, file: f })), { name: 'later.json', file: later }];
    for (const order of [named, [...named].reverse()]) {
      const m = new ClassMerger();
      for (const n of order) m.add(summarise(n));
      const totals = m.totals();
      expect(totals).toEqual(mergeClass(order));
      expect(totals.actions).toBe(sumRows([later, ...students.slice(1)]).actions);
      expect(totals.refused).toEqual([{ name: '0.json', error: 'older-file', duplicateOf: 'later.json' }]);
    }
  });
});

describe('ClassSession: the worker’s work', () => {
  it('reads the three forms, refuses bad files with their reason, and equals mergeClass of the good ones', async () => {
    const { sess, messages, nextView } = session();
    sess.add([
      jsonFile(s(0), 'a.json'),
      new File([exportZip(s(1)) as Uint8Array<ArrayBuffer>], 'b.zip'),
      new File([exportToCsv(s(2))], 'c.csv'),
      new File([JSON.stringify(s(2)).slice(0, 200)], 'broken.json'),
      jsonFile(s(0), 'a-again.json'),
      { name: 'huge.json', size: MAX_EXPORT_BYTES + 1, stream: () => expect.fail('read') } as unknown as File,
    ]);
    const { view } = await nextView();
    expect(view.totals.actions).toBe(sumRows([s(0), s(1), s(2)]).actions);
    expect(view.totals.participants).toBe(3);
    expect(view.totals.refused).toEqual([{ name: 'a-again.json', error: 'duplicate-participant', duplicateOf: 'a.json' }]);
    expect(view.readRefused).toEqual([
      { name: 'broken.json', error: 'not-json' },
      { name: 'huge.json', error: 'too-large' },
    ]);
    expect(view.files).toBe(6);
    // Progress came first: every file counted, never backwards, and it ended at the total.
    const progress = messages.flatMap((m) => (m.type === 'progress' ? [m.progress] : []));
    expect(progress[0]).toMatchObject({ done: 0, total: 6 });
    for (let i = 1; i < progress.length; i++)
      expect((progress[i] as { done: number }).done).toBeGreaterThanOrEqual((progress[i - 1] as { done: number }).done);
    expect(messages.at(-1)?.type).toBe('view');
  });

  it('adds a drop made while one is being read to it, and a later drop to the totals', async () => {
    const { sess, nextView } = session();
    sess.add([jsonFile(s(0), 'a.json')]);
    sess.add([jsonFile(s(1), 'b.json')]);
    const first = await nextView();
    expect(first.view.totals.accepted.map((f) => f.name)).toEqual(['a.json', 'b.json']);
    sess.add([jsonFile(s(2), 'c.json')]);
    const second = await nextView();
    expect(second.view.totals.actions).toBe(sumRows([s(0), s(1), s(2)]).actions);
  });

  it('merges a drop handed over in slices once, after its last slice, however long the page takes between them', async () => {
    const { sess, messages, nextView } = session();
    const a = jsonFile(s(0), 'a.json');
    const b = jsonFile(s(1), 'b.json');
    const c = jsonFile(s(2), 'c.json');
    sess.add([a], { files: 2, bytes: b.size + c.size });
    // The first slice is read long before the next comes (a fast worker, a busy page): no view yet,
    // and the progress counts the whole drop from the start.
    await new Promise((r) => setTimeout(r, 50));
    expect(messages.filter((m) => m.type === 'view')).toEqual([]);
    const progress = () => messages.flatMap((m) => (m.type === 'progress' ? [m.progress] : []));
    expect(progress()[0]).toMatchObject({ done: 0, total: 3, bytesTotal: a.size + b.size + c.size });
    sess.add([b], { files: 1, bytes: c.size });
    await new Promise((r) => setTimeout(r, 50));
    expect(messages.filter((m) => m.type === 'view')).toEqual([]);
    sess.add([c]);
    const { view } = await nextView();
    expect(view.totals.accepted.map((f) => f.name)).toEqual(['a.json', 'b.json', 'c.json']);
    expect(messages.filter((m) => m.type === 'view')).toHaveLength(1);
    for (const p of progress()) expect(p.total).toBe(3);
  });

  it('counts the bytes still to come as the caps will take them, so that the byte total does not shrink', async () => {
    const first = (rest: { files: number; bytes: number }) => {
      const { sess, messages } = session();
      const a = jsonFile(s(0), 'a.json');
      sess.add([a], rest);
      sess.cancel();
      const p = messages.find((m) => m.type === 'progress');
      return p?.type === 'progress' ? p.progress.bytesTotal - a.size : Number.NaN;
    };
    expect(first({ files: 3, bytes: 300 })).toBe(300);
    // Twice as many files as the file cap leaves room for: about half of their bytes.
    expect(first({ files: 2 * (MAX_CLASS_FILES - 1), bytes: 2_000_000 })).toBe(1_000_000);
    // More bytes than the data cap leaves: what it leaves.
    expect(first({ files: 100, bytes: 2 * MAX_CLASS_BYTES })).toBe(MAX_CLASS_BYTES - jsonFile(s(0), 'a.json').size);
  });

  it('hands a drop over in slices of 50 that say how many files are still to come, without asking any its size', () => {
    const files = Array.from({ length: 120 }, (_, i) => {
      const f = new File(['x'], `${i}.json`);
      // Chromium asks the disk a chosen file's size on the page's thread: the page must not.
      Object.defineProperty(f, 'size', { get: () => expect.fail('size asked on the page') });
      return f;
    });
    const out = slices(files, 1);
    expect(out.map((m) => m.files.length)).toEqual([50, 50, 20]);
    expect(out.map((m) => m.rest)).toEqual([{ files: 70 }, { files: 20 }, { files: 0 }]);
    expect(out.every((m) => m.drop === 1)).toBe(true);
  });

  it('reckons the bytes of the files still to come from those come when the page does not say them', () => {
    const { sess, messages } = session();
    const a = new File(['x'.repeat(100)], 'a.json');
    const b = new File(['x'.repeat(300)], 'b.json');
    sess.add([a, b], { files: 10 });
    sess.cancel();
    const p = messages.find((m) => m.type === 'progress');
    expect(p?.type === 'progress' && p.progress).toMatchObject({ total: 12, bytesTotal: 400 + 10 * 200 });
  });

  it('leaves out the slices still to come of a drop whose reading failed, and takes the next drop', async () => {
    const { sess, messages, nextView } = session();
    // Reading never throws; a file whose name cannot be read once its bytes are makes it.
    const broken = { size: 2, arrayBuffer: async () => new Uint8Array(2).buffer } as unknown as File;
    Object.defineProperty(broken, 'name', {
      get: () => {
        throw new Error('unreadable name');
      },
    });
    sess.add([broken], { files: 1, bytes: 10 }, 1);
    const failed = await nextView();
    expect(failed.failed).toBeTruthy();
    const before = messages.length;
    sess.add([jsonFile(s(1), 'b.json')], { files: 0, bytes: 0 }, 1); // the failed drop's last slice
    await new Promise((r) => setTimeout(r, 50));
    expect(messages.length).toBe(before);
    sess.add([jsonFile(s(2), 'c.json')], { files: 0, bytes: 0 }, 2);
    const next = await nextView();
    expect(next.view.totals.accepted.map((f) => f.name)).toEqual(['c.json']);
  });

  it('a cancel while the drop waits for its next slice leaves the totals as they were', async () => {
    const { sess, messages } = session();
    sess.add([jsonFile(s(0), 'a.json')], { files: 1, bytes: 100 });
    await new Promise((r) => setTimeout(r, 50));
    sess.cancel();
    await new Promise((r) => setTimeout(r, 50));
    const views = messages.flatMap((m) => (m.type === 'view' ? [m] : []));
    expect(views).toHaveLength(1);
    expect(views[0]?.cancelled).toBe(true);
    expect(views[0]?.view.totals.participants).toBe(0);
  });

  it('cancels a drop whole: the totals stay as they were, and nothing of it arrives later', async () => {
    const { sess, messages, nextView } = session();
    sess.add([jsonFile(s(0), 'a.json')]);
    const before = (await nextView()).view;
    sess.add(students.slice(1).map((f, i) => jsonFile(f, `${i}.json`)));
    sess.cancel();
    const cancelled = await nextView();
    expect(cancelled.cancelled).toBe(true);
    expect(cancelled.view).toEqual(before);
    const count = messages.length;
    await new Promise((r) => setTimeout(r, 300));
    expect(messages.length).toBe(count);
    sess.add([jsonFile(s(3), 'd.json')]);
    const after = (await nextView()).view;
    expect(after.totals.accepted.map((f) => f.name)).toEqual(['a.json', 'd.json']);
    expect(after.files).toBe(2);
  });

  it('holds at most MAX_CLASS_FILES files across drops, says how many were left, and forgets all on clear', async () => {
    const { sess, nextView } = session();
    const tiny = (n: number, from = 0) => Array.from({ length: n }, (_, i) => new File(['x'], `${from + i}.txt`));
    sess.add(tiny(MAX_CLASS_FILES - 2));
    let view: ClassView = (await nextView()).view;
    expect(view.files).toBe(MAX_CLASS_FILES - 2);
    expect(view.readRefused.every((r) => r.error === 'unknown-type')).toBe(true);
    sess.add([jsonFile(s(0), 'a.json'), ...tiny(4, MAX_CLASS_FILES)]);
    view = (await nextView()).view;
    expect(view.files).toBe(MAX_CLASS_FILES);
    expect(view.totals.accepted.map((f) => f.name)).toEqual(['a.json']);
    expect(view.notices).toEqual([{ error: 'too-many-files', count: 3, first: `${MAX_CLASS_FILES + 1}.txt` }]);
    sess.clear();
    view = (await nextView()).view;
    expect(view).toMatchObject({ files: 0, bytes: 0, notices: [], readRefused: [], totals: { actions: 0, accepted: [] } });
  }, 120_000);

  it('counts the bytes taken against MAX_CLASS_BYTES', async () => {
    const { sess, nextView } = session();
    // Files that say their size (checked before anything is read) and hold one byte: each is then
    // refused as unreadable, but its bytes were taken.
    const sized = (name: string, size: number) => ({ name, size, stream: () => new Blob(['x']).stream() }) as unknown as File;
    sess.add([...Array.from({ length: 24 }, (_, i) => sized(`${i}.json`, 20 * MB)), sized('half.json', 10 * MB)]);
    const { view } = await nextView();
    expect(view.files).toBe(25);
    expect(view.bytes).toBe(490 * MB);
    expect(view.readRefused.every((r) => r.error === 'unreadable')).toBe(true);
    sess.add([sized('one-more.json', 11 * MB), sized('fits.json', 10 * MB), sized('no-room.json', 1)]);
    const next = (await nextView()).view;
    expect(next.notices).toEqual([{ error: 'too-much-data', count: 2, first: 'one-more.json' }]);
    expect(next.bytes).toBe(MAX_CLASS_BYTES);
    expect(next.files).toBe(26);
    // 27 buffers of up to 20 MB are allocated: slow on a loaded machine.
  }, 60_000);
});
