import { useCallback, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { onEventsChanged } from '@/lib/page-messages';

/**
 * A read of stored data. It may show an early part of its result through `early` (the popup draws
 * its numbers before the slower health checks); what it resolves to is the full result.
 */
export type LiveRead<T> = (early: (value: T) => void) => Promise<T>;

export interface LiveReader {
  /** Reads again now; resolves when this read has shown its result or been dropped. */
  reload(): Promise<void>;
  /** Stops listening; reads still running are dropped. */
  stop(): void;
}

/**
 * Runs `read` now and each time the background (or another page) announces that stored data
 * changed. Reads overlap when changes come quickly: only the latest read may show its result or
 * its error, so a slow earlier read never puts older numbers back on screen.
 *
 * Our own rather than Dexie's `liveQuery`: the pages already hear of every write through the
 * background's 'events-changed' message, and a read here may show an early part of its result.
 */
export function liveReader<T>(read: LiveRead<T>, show: (value: T) => void, fail: (error: unknown) => void): LiveReader {
  let latest = 0;
  let stopped = false;
  const reload = async () => {
    const mine = ++latest;
    const current = () => !stopped && mine === latest;
    try {
      const value = await read((early) => {
        if (current()) show(early);
      });
      if (current()) show(value);
    } catch (error) {
      if (current()) fail(error);
    }
  };
  const unlisten = onEventsChanged(() => {
    reload();
  });
  reload();
  return {
    reload,
    stop() {
      stopped = true;
      unlisten();
    },
  };
}

export interface Live<T> {
  /** The latest read's result; undefined until the first one arrives. */
  value: T | undefined;
  /** The latest read's error, if it failed (the previous value stays); cleared by the next success. */
  error: unknown;
  /** How many results have been shown: a key for parts of the page that read along with this one. */
  version: number;
  /** Reads again now (after the page itself wrote). */
  reload: () => Promise<void>;
}

/**
 * The page hook for data that redraws on change: `read` runs on mount, when `deps` change and on
 * every announced change; stale reads are dropped (see liveReader).
 */
export function useLive<T>(read: LiveRead<T>, deps: readonly unknown[]): Live<T> {
  const [state, setState] = useState<{ value?: T; error?: unknown; version: number }>({ version: 0 });
  const reader = useRef<LiveReader | null>(null);
  // A layout effect: the read starts as soon as the page part is built, not a frame later after
  // the browser's first paint (the first chart is drawn that much sooner).
  useLayoutEffect(() => {
    const r = liveReader(
      read,
      (value) => setState((s) => ({ value, version: s.version + 1 })),
      // A read rejected with nothing still failed: the error is never undefined.
      (error) => setState((s) => ({ ...s, error: error ?? new Error('the read failed') })),
    );
    reader.current = r;
    return r.stop;
  }, deps);
  const reload = useCallback(() => reader.current?.reload() ?? Promise.resolve(), []);
  return { value: state.value, error: state.error, version: state.version, reload };
}
