// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentContext, LOCATION_POLL_MS } from '@/lib/content/context';
import { contentScriptFor } from '@/lib/content/entry';
import youtube from '@/lib/detectors/youtube';
import { tick } from './helpers';

/** Event names a page could guess, with the extension id and script name it may know. */
function guesses(): string[] {
  const id = fakeBrowser.runtime.id;
  const base = ['wxt:content-script-started', 'wxt:locationchange', 'content-script-started', 'pagehide', 'unload'];
  return base.flatMap((b) => [b, `${id}:youtube:${b}`, `${id}:content-scripts/youtube:${b}`]);
}

describe('the content scripts’ own context', () => {
  afterEach(() => {
    vi.useRealTimers();
    fakeBrowser.reset();
  });

  it('tells the page nothing when a script starts (no message, no DOM event)', async () => {
    const posted = vi.spyOn(window, 'postMessage');
    const onDocument = vi.spyOn(document, 'dispatchEvent');
    const onWindow = vi.spyOn(window, 'dispatchEvent');
    contentScriptFor(youtube).main();
    await tick(10);
    expect(posted).not.toHaveBeenCalled();
    expect(onDocument).not.toHaveBeenCalled();
    expect(onWindow).not.toHaveBeenCalled();
  });

  it('no event the page dispatches stops it; the extension going away does', () => {
    const ctx = new ContentContext();
    const stopped = vi.fn();
    ctx.onInvalidated(stopped);
    const heard = vi.fn();
    ctx.addEventListener(window, 'click', heard);
    for (const type of guesses())
      for (const target of [document, window]) {
        target.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: 'youtube', messageId: 'page' } }));
        target.dispatchEvent(new Event(type));
      }
    window.postMessage({ type: `${fakeBrowser.runtime.id}:youtube:wxt:content-script-started` }, '*');
    expect(ctx.isInvalid).toBe(false);
    expect(stopped).not.toHaveBeenCalled();
    window.dispatchEvent(new Event('click'));
    expect(heard).toHaveBeenCalledTimes(1);

    const runtime = fakeBrowser.runtime as { id?: string };
    const id = runtime.id;
    runtime.id = undefined; // updated or removed: an orphan script
    try {
      expect(ctx.isInvalid).toBe(true);
      expect(stopped).toHaveBeenCalledTimes(1);
      window.dispatchEvent(new Event('click'));
      expect(heard).toHaveBeenCalledTimes(1);
    } finally {
      runtime.id = id;
    }
  });

  it('a stopped part clears its timers and listeners, and stops with its parent', async () => {
    vi.useFakeTimers();
    const root = new ContentContext();
    const part = root.child();
    const fired = vi.fn();
    part.setTimeout(fired, 100);
    part.addEventListener(window, 'keydown', fired);
    part.abort();
    await vi.advanceTimersByTimeAsync(200);
    window.dispatchEvent(new Event('keydown'));
    expect(fired).not.toHaveBeenCalled();
    expect(root.isInvalid).toBe(false);
    const other = root.child();
    root.abort();
    expect(other.isInvalid).toBe(true);
  });

  it('sees a single-page navigation by the address, without the Navigation API (polling)', async () => {
    vi.useFakeTimers();
    const ctx = new ContentContext();
    const moved = vi.fn();
    ctx.onLocationChange(moved);
    window.dispatchEvent(new Event(`${fakeBrowser.runtime.id}:youtube:wxt:locationchange`));
    await vi.advanceTimersByTimeAsync(LOCATION_POLL_MS * 2);
    expect(moved).not.toHaveBeenCalled();
    history.pushState({}, '', '/watch?v=other');
    await vi.advanceTimersByTimeAsync(LOCATION_POLL_MS);
    expect(moved).toHaveBeenCalledTimes(1);
    ctx.abort();
  });

  /** A window with the Navigation API at `href`, watched by a new context; `go` changes the address as the browser does. */
  function withNavigation(href: string) {
    const navigation = new EventTarget();
    const win = { location: { href }, navigation } as unknown as Window;
    const ctx = new ContentContext();
    const moved = vi.fn();
    ctx.onLocationChange(moved, win);
    const go = (to: string, trusted = true) => {
      win.location.href = to;
      const e = new Event('currententrychange');
      if (trusted) Object.defineProperty(e, 'isTrusted', { value: true });
      navigation.dispatchEvent(e);
    };
    return { ctx, moved, go };
  }

  it('with the Navigation API: only a trusted entry change with a new address counts', () => {
    const { ctx, moved, go } = withNavigation('https://www.youtube.com/watch?v=a');
    go('https://www.youtube.com/watch?v=b', false); // the page's own: untrusted
    expect(moved).not.toHaveBeenCalled();
    go('https://www.youtube.com/watch?v=b');
    go('https://www.youtube.com/watch?v=b'); // same address: nothing new
    expect(moved).toHaveBeenCalledTimes(1);
    ctx.abort();
  });

  it('a change of the fragment alone is not a navigation (a page writing #x with replaceState)', () => {
    const { ctx, moved, go } = withNavigation('https://x.com/home');
    for (const hash of ['#x', '#y', '']) go(`https://x.com/home${hash}`);
    expect(moved).not.toHaveBeenCalled();
    go('https://x.com/explore#x');
    expect(moved).toHaveBeenCalledTimes(1);
    ctx.abort();
  });
});
