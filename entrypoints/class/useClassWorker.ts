import { useEffect, useRef, useState } from 'preact/hooks';
import type { ClassView, DropProgress, FromWorker, ToWorker } from '@/lib/research/class-drop';

/** How the last reading ended when it did not end with its files added (or that a cancel is on its way). */
export type Outcome = 'cancelling' | 'cancelled' | 'failed' | 'folder-failed' | undefined;

/**
 * Files handed to the worker per message, one message per task: handing a file over makes Chromium
 * ask the disk its size on the page's thread (about 0.3 ms a file here), so 250 at once blocked the
 * page 65-100 ms; 50 stay near 20 ms.
 */
const FILES_PER_MESSAGE = 50;

/**
 * A drop as the messages that hand it over, each saying how many of the drop's files are still to
 * come (the worker merges it once whole). Their sizes are not asked here (see above): the worker
 * reckons the bytes still to come from those come.
 */
export function slices(files: File[], drop: number): Extract<ToWorker, { type: 'add' }>[] {
  const out: Extract<ToWorker, { type: 'add' }>[] = [];
  for (let at = 0; at < files.length; at += FILES_PER_MESSAGE) {
    const slice = files.slice(at, at + FILES_PER_MESSAGE);
    out.push({ type: 'add', files: slice, rest: { files: files.length - at - slice.length }, drop });
  }
  return out;
}

/** Posts each message in a task of its own; `pending` holds the timers of those not posted yet. */
function handOver(messages: ToWorker[], post: (m: ToWorker) => void, pending: ReturnType<typeof setTimeout>[]): void {
  for (const message of messages) {
    const timer = setTimeout(() => {
      pending.splice(pending.indexOf(timer), 1);
      post(message);
    });
    pending.push(timer);
  }
}

/**
 * The page's side of the worker that reads and merges the files (entrypoints/class/worker.ts,
 * bundled with the extension and loaded from its own origin). The page only shows what it sends.
 */
export function useClassWorker() {
  const worker = useRef<Worker | null>(null);
  const pending = useRef<ReturnType<typeof setTimeout>[]>([]);
  const drops = useRef(0);
  const [view, setView] = useState<ClassView | null>(null);
  const [progress, setProgress] = useState<DropProgress | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(undefined);

  useEffect(() => {
    let w: Worker;
    try {
      w = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    } catch {
      setOutcome('failed');
      return;
    }
    w.onmessage = ({ data }: MessageEvent<FromWorker>) => {
      if (data.type === 'progress') return setProgress(data.progress);
      setView(data.view);
      setProgress(null);
      setOutcome(data.cancelled ? 'cancelled' : data.failed ? 'failed' : undefined);
    };
    w.onerror = () => {
      setProgress(null);
      setOutcome('failed');
    };
    worker.current = w;
    return () => w.terminate();
  }, []);

  const post = (message: ToWorker) => worker.current?.postMessage(message);
  /** Files not yet handed over are dropped with the rest. */
  const stop = (message: ToWorker) => {
    for (const timer of pending.current.splice(0)) clearTimeout(timer);
    post(message);
  };
  return {
    view,
    progress,
    outcome,
    add(files: File[]) {
      if (files.length) setOutcome(undefined);
      handOver(slices(files, ++drops.current), post, pending.current);
    },
    /** Folders (or files) as handles: the worker lists and opens them. */
    addEntries(entries: FileSystemHandle[]) {
      setOutcome(undefined);
      post({ type: 'entries', entries, drop: ++drops.current });
    },
    /** The folder chooser failed (not closed: refused): said, without touching a reading under way. */
    folderFailed: () => setOutcome('folder-failed'),
    cancel() {
      // The worker stops between two files (a 20 MB file takes seconds to check): say so at once.
      setOutcome('cancelling');
      stop({ type: 'cancel' });
    },
    clear: () => stop({ type: 'clear' }),
  };
}
