import {
  admit,
  type ClassView,
  type DropNotice,
  type DropProgress,
  type DropRest,
  type FromWorker,
  type Item,
  MAX_CLASS_BYTES,
  MAX_CLASS_FILES,
  type Readable,
  type ReadRefusal,
  readableBytes,
  readOne,
} from './class-drop';
import { ClassMerger } from './class-merge';
import { ReadAhead } from './read-ahead';

/** The files of the drops being read; nothing of them reaches the totals before they are all read. */
interface Batch {
  queue: Readable[];
  items: Item[];
  notices: DropNotice[];
  /** Files and bytes of the page once this batch is added. */
  used: { files: number; bytes: number };
  progress: DropProgress;
  /**
   * What of each drop the page (or the folder's lister) has still to hand over: the batch is not
   * whole before every drop is (a folder may be read beside a drop of files).
   */
  awaiting: Map<number | undefined, DropRest>;
  /** Wakes the reading loop waiting for the drop's next files. */
  wake?: () => void;
  /** The page's numbers of the drops in this batch. */
  drops: Set<number>;
  cancelled: boolean;
}

/** Progress is sent at most this often (a drop of 10,000 small files would otherwise send 10,000 messages). */
const PROGRESS_EVERY_MS = 100;
/** The reading loop lets other messages in (a cancel) at least this often. */
const REST_EVERY_MS = 50;

/**
 * Files read at once (lib/research/read-ahead.ts): ten thousand small files read one after another
 * spend most of their time waiting for the browser to fetch each; at most 64 MiB in flight. 64
 * files merged 10,000 in 8.4 / 8.2 s against 9.2 / 9.3 s with 16 (`BENCH_PARTS=class`, 2026-12-02).
 */
const READ_AHEAD = { files: 64, bytes: 64 * 1024 * 1024 };

const rest = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** What the batch's drops have still to hand over, in all; bytes not told reckoned at `perFile` each. */
function awaitingOf(batch: Batch, perFile = 0): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const rest of batch.awaiting.values()) {
    files += rest.files;
    bytes += rest.bytes ?? rest.files * perFile;
  }
  return { files, bytes };
}

/**
 * The class totals held by the worker: drops are added to a batch that is read file by file and
 * merged only once whole (a drop made while one is being read joins it); a cancel drops the batch
 * and leaves the totals as they were. Every change is sent with `emit`.
 */
export class ClassSession {
  private merger = new ClassMerger();
  private readRefused: ReadRefusal[] = [];
  private notices: DropNotice[] = [];
  private used = { files: 0, bytes: 0 };
  private batch: Batch | undefined;
  /** Drops whose reading failed: their slices still to come are left out. */
  private readonly abandoned = new Set<number>();
  private lastProgress = Number.NEGATIVE_INFINITY;
  private view: ClassView;

  constructor(
    private readonly emit: (message: FromWorker) => void,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.view = this.makeView();
  }

  /**
   * Files of a drop; `rest` is what of the same drop the page will still hand over (it hands ten
   * thousand files over in slices): the batch is read as its files come and merged only once the
   * last has come and been read, whichever is faster, the page handing over or the worker reading.
   */
  add(files: readonly Readable[], rest: DropRest = { files: 0, bytes: 0 }, drop?: number, over?: DropNotice): void {
    // The rest of a drop whose reading failed: the page was told; a part of it merged alone would be a wrong total.
    if (drop !== undefined && this.abandoned.has(drop)) return;
    const fresh = !this.batch;
    const batch: Batch = this.batch ?? {
      queue: [],
      items: [],
      notices: [],
      used: { ...this.used },
      progress: { done: 0, total: 0, bytesDone: 0, bytesTotal: 0 },
      awaiting: new Map(),
      drops: new Set(),
      cancelled: false,
    };
    this.batch = batch;
    if (drop !== undefined) batch.drops.add(drop);
    const { taken, notices, used } = admit(files, batch.used);
    batch.queue.push(...taken);
    batch.notices.push(...notices, ...(over ? [over] : []));
    batch.used = used;
    batch.awaiting.set(drop, {
      files: Math.max(0, rest.files),
      ...(rest.bytes === undefined ? {} : { bytes: Math.max(0, rest.bytes) }),
    });
    batch.progress.total += taken.length;
    for (const f of taken) batch.progress.bytesTotal += readableBytes(f);
    this.sendProgress(batch, true);
    if (fresh) void this.run(batch);
    else batch.wake?.();
  }

  /** How many more files the page can take (those of the drop being read count). */
  room(): number {
    return Math.max(0, MAX_CLASS_FILES - (this.batch?.used ?? this.used).files);
  }

  /**
   * A notice with no file (a chosen folder with no export file in it). Kept whatever happens to a
   * drop being read (shown with its totals, or its cancel), and shown at once when none is.
   */
  notice(notice: DropNotice): void {
    this.notices.push(notice);
    this.view = this.makeView();
    if (!this.batch) this.emit({ type: 'view', view: this.view });
  }

  /** A drop that could not be handed over whole (a folder that could not be listed): dropped with the files read, the page told. */
  fail(error: unknown): void {
    const { batch } = this;
    if (batch) {
      batch.cancelled = true;
      batch.wake?.();
      for (const drop of batch.drops) this.abandoned.add(drop);
      this.batch = undefined;
    }
    this.emit({ type: 'view', view: this.view, failed: String(error) });
  }

  /** Forgets the files being read; the totals stay as they were before them. */
  cancel(): void {
    if (!this.batch) return;
    this.batch.cancelled = true;
    this.batch.wake?.();
    this.batch = undefined;
    this.emit({ type: 'view', view: this.view, cancelled: true });
  }

  /** Forgets everything. */
  clear(): void {
    if (this.batch) {
      this.batch.cancelled = true;
      this.batch.wake?.();
    }
    this.batch = undefined;
    this.merger = new ClassMerger();
    this.readRefused = [];
    this.notices = [];
    this.used = { files: 0, bytes: 0 };
    this.view = this.makeView();
    this.emit({ type: 'view', view: this.view });
  }

  private async run(batch: Batch): Promise<void> {
    let rested = this.clock();
    const onChunk = (n: number) => {
      batch.progress.bytesDone += n;
      this.sendProgress(batch);
    };
    const ahead = new ReadAhead((file: Readable) => readOne(file, onChunk, () => batch.cancelled), READ_AHEAD);
    try {
      while (batch.items.length < batch.queue.length || awaitingOf(batch).files > 0) {
        ahead.fill(batch.queue);
        if (ahead.pending === 0) {
          // All the files come so far are read: wait for the drop's next slice (or a cancel).
          await new Promise<void>((woken) => {
            batch.wake = woken;
          });
          batch.wake = undefined;
          if (batch.cancelled) return;
          continue;
        }
        const item = await ahead.next();
        if (batch.cancelled || !item) return;
        batch.items.push(item);
        batch.progress.done++;
        this.sendProgress(batch);
        if (this.clock() - rested >= REST_EVERY_MS) {
          await rest();
          rested = this.clock();
          if (batch.cancelled) return;
        }
      }
    } catch (error) {
      // Not expected (reading never throws): the batch is dropped whole, slices of it still to come
      // too, and the page told.
      if (batch.cancelled) return;
      for (const drop of batch.drops) this.abandoned.add(drop);
      this.batch = undefined;
      this.emit({ type: 'view', view: this.view, failed: String(error) });
      return;
    }
    this.commit(batch);
  }

  private commit(batch: Batch): void {
    for (const item of batch.items) {
      if ('summary' in item) this.merger.add(item.summary);
      else this.readRefused.push(item.refusal);
    }
    this.notices.push(...batch.notices);
    this.used = batch.used;
    this.batch = undefined;
    this.view = this.makeView();
    this.emit({ type: 'view', view: this.view });
  }

  private sendProgress(batch: Batch, now = false): void {
    if (batch.cancelled) return;
    const at = this.clock();
    if (!now && at - this.lastProgress < PROGRESS_EVERY_MS) return;
    this.lastProgress = at;
    // The files still to come count in the totals shown (those the page can still take, and their
    // bytes): "1,233 of 10,000 files" from the first slice on, not "of 1,250" slice after slice.
    const { progress, used } = batch;
    // Not told (the page does not ask its files their size): as many per file as those come so far.
    const awaiting = awaitingOf(batch, progress.total > 0 ? progress.bytesTotal / progress.total : 0);
    const coming = Math.min(awaiting.files, Math.max(0, MAX_CLASS_FILES - used.files));
    // Their bytes as the caps will take them: the share of the rest the file cap leaves (its exact
    // files are not known yet), within what the data cap leaves.
    const share = awaiting.files > 0 ? coming / awaiting.files : 0;
    const comingBytes = Math.min(Math.round(awaiting.bytes * share), Math.max(0, MAX_CLASS_BYTES - used.bytes));
    this.emit({
      type: 'progress',
      progress: { ...progress, total: progress.total + coming, bytesTotal: progress.bytesTotal + comingBytes },
    });
  }

  private makeView(): ClassView {
    return {
      totals: this.merger.totals(),
      readRefused: [...this.readRefused],
      notices: [...this.notices],
      ...this.used,
    };
  }
}
