// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentContext } from '@/lib/content/context';
import { ListenerRelay, storageSource, type TrackingSource, whileTracked } from '@/lib/content/gate';
import { runDetector } from '@/lib/content/runtime';
import { ClickworkDB } from '@/lib/db/schema';
import { publishTracking, saveTracking, TRACKING_STATE_KEY, type TrackingSettings } from '@/lib/db/tracking';
import youtube from '@/lib/detectors/youtube';
import type { ContentMessage } from '@/lib/messages';
import { fixture, loadPage, trustedClick } from './helpers';

const WATCH = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ';
const ON: TrackingSettings = { disabled: [], privateWindows: false };

let ctx: ContentContext;
let sent: ContentMessage[];
beforeEach(() => {
  ctx = new ContentContext();
  sent = [];
});
afterEach(() => {
  ctx.abort();
  vi.useRealTimers();
  fakeBrowser.reset();
});

/** The real YouTube runtime behind the gate, in the fixture page, reading extension storage. */
async function startYoutube(source: TrackingSource = storageSource()): Promise<() => void> {
  const doc = loadPage(fixture('youtube/watch-rendered.html'), WATCH);
  whileTracked(
    'youtube',
    ctx,
    (run, send) => runDetector(youtube, run, send),
    (m) => sent.push(m),
    source,
  );
  await vi.advanceTimersByTimeAsync(0);
  const like = doc.querySelector('like-button-view-model button') as HTMLElement;
  return () => {
    trustedClick(like);
    like.setAttribute('aria-pressed', like.getAttribute('aria-pressed') === 'true' ? 'false' : 'true');
  };
}

describe('tracking choices in extension storage', () => {
  it('are published on every save, the database staying the reference', async () => {
    const db = new ClickworkDB('gate-publish');
    await saveTracking(db, { disabled: ['youtube'], privateWindows: true, retentionDays: 30, pausedUntil: 5 });
    expect((await fakeBrowser.storage.local.get(TRACKING_STATE_KEY))[TRACKING_STATE_KEY]).toEqual({
      disabled: ['youtube'],
      privateWindows: true,
      pausedUntil: 5,
    });
    await saveTracking(db, ON);
    expect((await fakeBrowser.storage.local.get(TRACKING_STATE_KEY))[TRACKING_STATE_KEY]).toEqual(ON);
    await db.delete();
  });
});

describe('a content script follows the tracking choices', () => {
  it('switched off: clicks send nothing (no gesture, no sighting, no health); switched on: counts, without a reload', async () => {
    vi.useFakeTimers();
    await publishTracking({ disabled: ['youtube'], privateWindows: false });
    const clickLike = await startYoutube();
    clickLike();
    await vi.advanceTimersByTimeAsync(11_000); // past every health check and watch
    expect(sent).toEqual([]);
    clickLike(); // unliked again, still unseen

    await publishTracking(ON);
    await vi.advanceTimersByTimeAsync(0);
    clickLike();
    await vi.advanceTimersByTimeAsync(100);
    expect(sent.map((m) => m.type)).toContain('gesture');
    expect(sent.filter((m) => m.type === 'sighting')).toMatchObject([{ action: 'like', op: 'add' }]);
  });

  it('paused: nothing is sent until the pause ends, then it counts again by itself', async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    await publishTracking({ ...ON, pausedUntil: 1_000_000 + 60_000 });
    const clickLike = await startYoutube();
    clickLike();
    await vi.advanceTimersByTimeAsync(11_000);
    clickLike();
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(50_000); // the pause is over
    clickLike();
    await vi.advanceTimersByTimeAsync(100);
    expect(sent.filter((m) => m.type === 'sighting')).toMatchObject([{ action: 'like', op: 'add' }]);
  });

  it('after a pause its listeners still come before the page’s: a page stopping clicks later cannot blind it', async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    await publishTracking(ON);
    const clickLike = await startYoutube();
    // Paused, then the page adds its own window listener that stops every click from going further.
    await publishTracking({ ...ON, pausedUntil: 1_000_000 + 60_000 });
    await vi.advanceTimersByTimeAsync(0);
    const stop = (e: Event) => e.stopImmediatePropagation();
    window.addEventListener('click', stop, { capture: true });
    await vi.advanceTimersByTimeAsync(61_000); // the pause is over
    clickLike();
    await vi.advanceTimersByTimeAsync(100);
    window.removeEventListener('click', stop, { capture: true });
    expect(sent.filter((m) => m.type === 'sighting')).toMatchObject([{ action: 'like', op: 'add' }]);
  });

  it('a private window stays idle unless private windows are allowed', async () => {
    vi.useFakeTimers();
    const source: TrackingSource = { ...storageSource(), incognito: true };
    await publishTracking(ON);
    const clickLike = await startYoutube(source);
    clickLike();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(sent).toEqual([]);
    await publishTracking({ ...ON, privateWindows: true });
    await vi.advanceTimersByTimeAsync(0);
    clickLike(); // unlike, now seen
    await vi.advanceTimersByTimeAsync(100);
    expect(sent.filter((m) => m.type === 'sighting')).toMatchObject([{ action: 'like', op: 'undo' }]);
  });

  it('what a script sends before the choices are read is held, then sent or dropped', async () => {
    let answer: (raw: unknown) => void = () => {};
    const pending = (): TrackingSource => ({
      read: () => new Promise((r) => (answer = r)),
      onChange: () => {},
      incognito: false,
    });
    const start = (_run: unknown, send: (m: ContentMessage) => void) =>
      send({ type: 'gesture', platform: 'youtube', ts: Date.now() });
    whileTracked('youtube', ctx, start, (m) => sent.push(m), pending());
    expect(sent).toEqual([]);
    answer({ disabled: ['youtube'], privateWindows: false });
    await Promise.resolve();
    expect(sent).toEqual([]);

    const again = new ContentContext();
    whileTracked('youtube', again, start, (m) => sent.push(m), pending());
    answer(undefined); // nothing stored yet: the defaults, counting on
    await Promise.resolve();
    expect(sent).toMatchObject([{ type: 'gesture' }]);
    again.abort();
  });

  it('a script stopped while off keeps no listener: a switched-off run is really gone', async () => {
    await publishTracking({ disabled: ['youtube'], privateWindows: false });
    let run: { readonly isInvalid: boolean } | null = null;
    whileTracked(
      'youtube',
      ctx,
      (r) => (run = r),
      () => {},
    );
    await new Promise((r) => setTimeout(r, 10));
    expect(run).not.toBeNull();
    expect((run as unknown as { isInvalid: boolean }).isInvalid).toBe(true);
  });

  it('registers each window listener with the page once; a stopped run’s handlers are gone from it', () => {
    const target = new EventTarget();
    const added = vi.spyOn(target, 'addEventListener');
    const relay = new ListenerRelay(ctx);
    const calls: string[] = [];
    const first = ctx.child();
    relay.host(first).addEventListener(target, 'click', () => calls.push('first'), { capture: true });
    first.abort();
    target.dispatchEvent(new Event('click'));
    const second = ctx.child();
    relay.host(second).addEventListener(target, 'click', () => calls.push('second'), { capture: true });
    target.dispatchEvent(new Event('click'));
    expect(calls).toEqual(['second']);
    expect(added).toHaveBeenCalledTimes(1);
    ctx.abort(); // the script's end removes the one listener
    target.dispatchEvent(new Event('click'));
    expect(calls).toEqual(['second']);
  });

  it('relays address changes the same way, and one handler’s error stops no other', () => {
    const relay = new ListenerRelay(ctx);
    const registered = vi.spyOn(ctx, 'onLocationChange');
    const calls: string[] = [];
    const first = ctx.child();
    relay.host(first).onLocationChange(() => calls.push('first'));
    first.abort();
    const second = ctx.child();
    const host = relay.host(second);
    host.onLocationChange(() => calls.push('second'));
    expect(registered).toHaveBeenCalledTimes(1);
    const moved = registered.mock.calls[0]?.[0] ?? (() => {});
    moved(); // the address changed
    expect(calls).toEqual(['second']);
    const target = new EventTarget();
    vi.spyOn(console, 'debug').mockImplementation(() => {});
    host.addEventListener(target, 'click', () => {
      throw new Error('a detector bug');
    });
    host.addEventListener(target, 'click', () => calls.push('after'));
    target.dispatchEvent(new Event('click'));
    expect(calls).toEqual(['second', 'after']);
  });
});
