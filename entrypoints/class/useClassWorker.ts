import { useEffect, useRef, useState } from 'preact/hooks';
import { type ClassView, type DropProgress, type FromWorker, readableBytes, type ToWorker } from '@/lib/research/class-drop';

/** How the last reading ended when it did not end with its files added (or that a cancel is on its way). */
export type Outcome = 'cancelling' | 'cancelled' | 'failed' | undefined;

/** Files handed to the worker per message, one message per task (cloning ten thousand File handles at once blocks the page). */
const FILES_PER_MESSAGE = 250;

/**
 * A drop as the messages that hand it over, each saying what of the drop is still to come (the
 * worker merges it once whole): its files, and the bytes of those it will read (a file over the
 * size limit is refused unread, as the worker counts it).
 */
export function slices(files: File[], drop: number): Extract<ToWorker, { type: 'add' }>[] {
  const out: Extract<ToWorker, { type: 'add' }>[] = [];
  const readable = (list: File[]) => list.reduce((n, f) => n + readableBytes(f), 0);
  let restBytes = readable(files);
  for (let at = 0; at < files.length; at += FILES_PER_MESSAGE) {
    const slice = files.slice(at, at + FILES_PER_MESSAGE);
    restBytes -= readable(slice);
    const rest = { files: files.length - at - slice.length, bytes: restBytes };
    out.push({ type: 'add', files: slice, rest, drop });
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
      if (!files.length) return;
      setOutcome(undefined);
      handOver(slices(files, ++drops.current), post, pending.current);
    },
    cancel() {
      // The worker stops between two files (a 20 MB file takes seconds to check): say so at once.
      setOutcome('cancelling');
      stop({ type: 'cancel' });
    },
    clear: () => stop({ type: 'clear' }),
  };
}
