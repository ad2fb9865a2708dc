// @vitest-environment happy-dom
import { h, render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type * as edit from '@/lib/db/edit';
import { openDb } from '@/lib/db/open';
import type { LaborEvent } from '@/lib/db/schema';

/**
 * The dashboard's history table on its own (entrypoints/options/History.tsx): it reads its rows
 * as one live read (components/use-live.ts), so it follows the background's writes and a slow
 * earlier read never puts another filter's rows back.
 */

// Each read of the history can be held back, to resolve reads out of order; `reads` counts those done.
const delays: number[] = [];
let reads = 0;
vi.mock('@/lib/db/edit', async (importOriginal) => {
  const original = await importOriginal<typeof edit>();
  return {
    ...original,
    historyPage: async (...args: Parameters<typeof original.historyPage>) => {
      const rows = await original.historyPage(...args);
      await new Promise((r) => setTimeout(r, delays.shift() ?? 0));
      reads++;
      return rows;
    },
  };
});

const tick = (ms = 30) => new Promise((r) => setTimeout(r, ms));
const changed = () => fakeBrowser.runtime.onMessage.trigger({ type: 'events-changed' }, {}, () => {});
const noon = new Date(2026, 5, 10, 12).getTime();
const like = (i: number, platform: LaborEvent['platform'] = 'youtube'): LaborEvent => ({
  kind: 'reaction',
  platform,
  detail: 'like',
  ts: noon - i * 60_000,
  signal: 'dom',
});

let root: HTMLElement;
const rows = () => [...root.querySelectorAll('[data-testid="history"] tbody tr')] as HTMLElement[];
const platforms = () => new Set(rows().map((r) => r.children[1]?.textContent));
const loadMore = () => root.querySelector('[data-testid="load-more"]') as HTMLButtonElement | null;
const choose = (testId: string, value: string) => {
  const select = root.querySelector(`[data-testid="${testId}"]`) as HTMLSelectElement;
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
};

async function show(): Promise<void> {
  const { History } = await import('@/entrypoints/options/History');
  render(h(History, { onChange: () => {}, version: 0 }), root);
}
const until = (check: () => void) => vi.waitFor(check, { timeout: 5_000, interval: 20 });

describe('history table', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    const i18n = fakeBrowser.i18n as unknown as { getMessage(k: string, s?: string[]): string; getUILanguage(): string };
    i18n.getMessage = (k, subs) => `${k}${subs?.length ? `(${subs.join('|')})` : ''}`;
    i18n.getUILanguage = () => 'en';
    (fakeBrowser.runtime as unknown as { getURL(p: string): string }).getURL = (p) => p;
    await openDb().events.clear();
    delays.length = 0;
    reads = 0;
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  it('shows a row the background stores while it is open', async () => {
    await show();
    await until(() => expect(reads).toBe(1));
    await tick();
    expect(rows()).toHaveLength(0);
    expect(root.textContent).toContain('historyEmpty');
    await openDb().events.add(like(0, 'x'));
    await changed(); // the background's announcement, as after each write it stores
    await until(() => expect(rows()).toHaveLength(1));
    expect(rows()[0]?.children[1]?.textContent).toBe('X');
  });

  it('never shows a slower earlier read for another filter', async () => {
    await openDb().events.bulkAdd([like(0, 'youtube'), like(1, 'x'), like(2, 'youtube')]);
    delays.push(200); // the first read (every platform) answers last
    await show();
    choose('filter-platform', 'x');
    await until(() => expect(reads).toBe(2)); // the first, slower read answered last
    await tick();
    expect(rows()).toHaveLength(1);
    expect(platforms()).toEqual(new Set(['X']));
  });

  it('shows 50 rows more on each "older actions", kept after a write; another filter starts again from the newest', async () => {
    await openDb().events.bulkAdd([...Array.from({ length: 110 }, (_, i) => like(i)), like(200, 'x')]);
    await show();
    await until(() => expect(rows()).toHaveLength(50));
    loadMore()?.click();
    await until(() => expect(rows()).toHaveLength(100));
    // Newest first, none repeated or skipped.
    const when = rows().map((r) => r.querySelector('time')?.getAttribute('datetime'));
    expect(when).toEqual(Array.from({ length: 100 }, (_, i) => new Date(like(i).ts).toISOString()));
    // A write meanwhile keeps the rows asked for: the newest 100, the new one first.
    await openDb().events.add(like(-1));
    await changed();
    await until(() =>
      expect(rows()[0]?.querySelector('time')?.getAttribute('datetime')).toBe(new Date(like(-1).ts).toISOString()),
    );
    expect(rows()).toHaveLength(100);
    loadMore()?.click();
    await until(() => expect(rows()).toHaveLength(112));
    expect(loadMore()).toBeNull();
    choose('filter-platform', 'youtube');
    await until(() => expect(rows()).toHaveLength(50));
    expect(platforms()).toEqual(new Set(['YouTube']));
    expect(loadMore()).not.toBeNull();
  });
});
