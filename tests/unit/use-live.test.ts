// @vitest-environment happy-dom
import { h, render } from 'preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { liveReader, useLive } from '@/components/use-live';

/** A read whose result the test hands over when it chooses, to resolve reads out of order. */
function deferredReads() {
  const pending: { resolve: (v: string) => void; reject: (e: unknown) => void; early: (v: string) => void }[] = [];
  const read = (early: (v: string) => void) =>
    new Promise<string>((resolve, reject) => {
      pending.push({ resolve, reject, early });
    });
  return { read, pending };
}
const changed = () => fakeBrowser.runtime.onMessage.trigger({ type: 'events-changed' }, {}, () => {});
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('live reads for pages', () => {
  beforeEach(() => fakeBrowser.reset());

  it('a slower earlier read never overwrites a newer one', async () => {
    const { read, pending } = deferredReads();
    const shown: string[] = [];
    const reader = liveReader(
      read,
      (v) => shown.push(v),
      () => {},
    );
    await changed(); // a second read starts while the first still runs
    expect(pending).toHaveLength(2);
    pending[1]?.resolve('new');
    await settle();
    pending[0]?.resolve('old');
    await settle();
    expect(shown).toEqual(['new']);
    reader.stop();
  });

  it('drops a stale read’s early result and its error too', async () => {
    const { read, pending } = deferredReads();
    const shown: string[] = [];
    const errors: unknown[] = [];
    const reader = liveReader(
      read,
      (v) => shown.push(v),
      (e) => errors.push(e),
    );
    await changed();
    pending[0]?.early('old early');
    pending[0]?.reject(new Error('old'));
    pending[1]?.early('new early');
    pending[1]?.resolve('new');
    await settle();
    expect(shown).toEqual(['new early', 'new']);
    expect(errors).toEqual([]);
    reader.stop();
  });

  it('shows the latest read’s error', async () => {
    const { read, pending } = deferredReads();
    const errors: unknown[] = [];
    const reader = liveReader(
      read,
      () => {},
      (e) => errors.push(e),
    );
    pending[0]?.reject(new Error('disk'));
    await settle();
    expect(errors.map(String)).toEqual(['Error: disk']);
    reader.stop();
  });

  it('reads again on each announced change until stopped, and drops what was running', async () => {
    const { read, pending } = deferredReads();
    const shown: string[] = [];
    const reader = liveReader(
      read,
      (v) => shown.push(v),
      () => {},
    );
    await fakeBrowser.runtime.onMessage.trigger({ type: 'tracking-changed' }, {}, () => {});
    expect(pending).toHaveLength(1);
    await changed();
    expect(pending).toHaveLength(2);
    reader.stop();
    pending[1]?.resolve('after stop');
    await changed();
    await settle();
    expect(pending).toHaveLength(2);
    expect(shown).toEqual([]);
  });

  it('the hook redraws the page on a change announced by the background', async () => {
    let n = 0;
    function Count() {
      const live = useLive(async () => ++n, []);
      return h('p', { 'data-version': live.version }, String(live.value ?? 'loading'));
    }
    const root = document.createElement('div');
    render(h(Count, null), root);
    await settle();
    await settle();
    expect(root.textContent).toBe('1');
    await changed();
    await settle();
    await settle();
    expect(root.textContent).toBe('2');
    expect(root.querySelector('p')?.getAttribute('data-version')).toBe('2');
    expect(n).toBe(2);
    render(null, root);
    await new Promise((r) => setTimeout(r, 50)); // Preact runs the cleanup after the unmount's paint
    await changed();
    expect(n).toBe(2);
  });
});
