import type { CDPSession, Page } from 'playwright-core';

/**
 * How long the page's main thread was busy without a break while `run` runs, measured two ways:
 * - the page's own PerformanceObserver('longtask') entries (wall-clock, only tasks over 50 ms are
 *   reported); on a loaded machine these include the time the thread waited for a CPU;
 * - from a Chrome trace, each task of the page's main thread: its CPU time (which does not depend
 *   on how busy the machine is) and its wall-clock time.
 * Both are split at the moment `splitAt` (a selector) first appears in the page: before it, the
 * page waits for its result; after it, it draws the result.
 */
export interface Phase {
  /** Wall-clock ms of the long tasks the page saw. */
  longTasks: number[];
  /** CPU ms and wall-clock ms of every main-thread task. */
  cpu: number[];
  wall: number[];
}
export interface MainThread {
  before: Phase;
  after: Phase;
}

interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { frames?: { url?: string; processId?: number }[] } };
}

const SPLIT_MARK = 'clickwork-test-split';

async function readStream(cdp: CDPSession, handle: string): Promise<string> {
  const parts: string[] = [];
  for (;;) {
    const r = await cdp.send('IO.read', { handle, size: 1 << 20 });
    parts.push(r.base64Encoded ? Buffer.from(r.data, 'base64').toString('utf8') : r.data);
    if (r.eof) break;
  }
  await cdp.send('IO.close', { handle });
  return parts.join('');
}

/** The main-thread tasks of the renderer that shows `url`, and the trace time of the split mark. */
function pageTasks(events: TraceEvent[], url: string) {
  const pids = new Set(
    events.flatMap((e) =>
      e.name === 'TracingStartedInBrowser'
        ? (e.args?.data?.frames ?? []).filter((f) => f.url?.startsWith(url)).map((f) => f.processId)
        : [],
    ),
  );
  if (!pids.size) throw new Error('The page’s renderer was not found in the trace');
  const main = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && pids.has(e.pid))
      .map((e) => `${e.pid}/${e.tid}`),
  );
  const tasks = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && main.has(`${e.pid}/${e.tid}`));
  const split = events.find((e) => e.name === SPLIT_MARK && pids.has(e.pid))?.ts ?? Number.POSITIVE_INFINITY;
  return { tasks, split };
}

const phase = (tasks: TraceEvent[], longTasks: number[]): Phase => ({
  longTasks,
  cpu: tasks.map((e) => (e.tdur ?? 0) / 1000),
  wall: tasks.map((e) => (e.dur ?? 0) / 1000),
});

export async function measureMainThread(page: Page, splitAt: string, run: () => Promise<void>): Promise<MainThread> {
  await page.evaluate(
    ({ selector, mark }) => {
      const w = window as unknown as { longTasks: { start: number; ms: number }[]; splitAt: number };
      w.longTasks = [];
      w.splitAt = Number.POSITIVE_INFINITY;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.longTasks.push({ start: e.startTime, ms: Math.round(e.duration) });
      }).observe({ type: 'longtask' });
      const seen = new MutationObserver(() => {
        if (!document.querySelector(selector)) return;
        w.splitAt = performance.now();
        performance.mark(mark);
        seen.disconnect();
      });
      seen.observe(document.body, { subtree: true, childList: true });
    },
    { selector: splitAt, mark: SPLIT_MARK },
  );
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: {
      includedCategories: ['toplevel', '__metadata', 'blink.user_timing', 'disabled-by-default-devtools.timeline'],
    },
  });
  try {
    await run();
  } catch (error) {
    // The trace is the browser's, not the page's: left running, it refuses the retry's Tracing.start
    // ("Tracing has already been started"), so a failed attempt ends it before failing.
    await cdp.send('Tracing.end').catch(() => {});
    await cdp.detach().catch(() => {});
    throw error;
  }
  const complete = new Promise<{ stream?: string }>((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  const { stream } = await complete;
  const parsed = JSON.parse(await readStream(cdp, stream as string)) as { traceEvents: TraceEvent[] } | TraceEvent[];
  await cdp.detach();
  const { tasks, split } = pageTasks(Array.isArray(parsed) ? parsed : parsed.traceEvents, page.url().split('#')[0] as string);
  const { longTasks, at } = await page.evaluate(() => {
    const w = window as unknown as { longTasks: { start: number; ms: number }[]; splitAt: number };
    return { longTasks: w.longTasks, at: w.splitAt };
  });
  // The task in which the result appears belongs to the wait (it receives the result).
  return {
    before: phase(
      tasks.filter((e) => e.ts <= split),
      longTasks.filter((t) => t.start <= at).map((t) => t.ms),
    ),
    after: phase(
      tasks.filter((e) => e.ts > split),
      longTasks.filter((t) => t.start > at).map((t) => t.ms),
    ),
  };
}

export const longest = (ms: number[]) => Math.round(Math.max(0, ...ms));
