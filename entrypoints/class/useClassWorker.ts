import { useEffect, useRef, useState } from 'preact/hooks';
import type { ClassView, DropProgress, FromWorker, ToWorker } from '@/lib/research/class-drop';

/** How the last reading ended when it did not end with its files added. */
export type Outcome = 'cancelled' | 'failed' | undefined;

/**
 * The page's side of the worker that reads and merges the files (entrypoints/class/worker.ts,
 * bundled with the extension and loaded from its own origin). The page only shows what it sends.
 */
export function useClassWorker() {
  const worker = useRef<Worker | null>(null);
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
  return {
    view,
    progress,
    outcome,
    add(files: File[]) {
      if (!files.length) return;
      setOutcome(undefined);
      post({ type: 'add', files });
    },
    cancel: () => post({ type: 'cancel' }),
    clear: () => post({ type: 'clear' }),
  };
}
