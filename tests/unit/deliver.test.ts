import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { deliver, RETRY_DELAYS_MS } from '@/lib/content/entry';
import { type ContentMessage, INTAKE_PORT } from '@/lib/messages';

const ctx = (invalid = false) => ({
  isInvalid: invalid,
  setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms) as unknown as number,
});
const like: ContentMessage = { type: 'sighting', platform: 'youtube', action: 'like', op: 'add', target: 'v1', ts: 1 };

describe('deliver', () => {
  afterEach(() => {
    vi.useRealTimers();
    fakeBrowser.reset();
  });

  it('resends an unconfirmed sighting with the same id until the background confirms it', async () => {
    vi.useFakeTimers();
    const send = vi
      .spyOn(fakeBrowser.runtime, 'sendMessage')
      .mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'))
      .mockResolvedValueOnce({ ok: false, retry: true } as never)
      .mockResolvedValueOnce({ ok: true } as never);
    deliver(ctx(), like);
    await vi.advanceTimersByTimeAsync(RETRY_DELAYS_MS.reduce((a, b) => a + b, 0));
    expect(send).toHaveBeenCalledTimes(3);
    const ids = send.mock.calls.map((c) => (c[0] as unknown as { id: string }).id);
    expect(new Set(ids).size).toBe(1);
    expect(ids[0]).toMatch(/^[0-9a-f]{24}$/);
  });

  it('gives up after the last delay, and never resends a refused message', async () => {
    vi.useFakeTimers();
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(new Error('gone'));
    deliver(ctx(), like);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(send).toHaveBeenCalledTimes(RETRY_DELAYS_MS.length + 1);
    send.mockReset().mockResolvedValue({ ok: false, error: 'unknown action for platform' } as never);
    deliver(ctx(), like);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('sends nothing once the extension context is gone', async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined);
    deliver(ctx(true), like);
    expect(send).not.toHaveBeenCalled();
  });
});

/** A port as the browser hands it to a content script: what was posted, and its disconnection. */
function fakePort(failing = false) {
  const posted: unknown[] = [];
  let disconnected: (() => void) | undefined;
  return {
    posted,
    disconnect: () => disconnected?.(),
    port: {
      name: '',
      postMessage: (m: unknown) => {
        if (failing) throw new Error('Attempting to use a disconnected port object');
        posted.push(m);
      },
      onDisconnect: {
        addListener: (fn: () => void) => {
          disconnected = fn;
        },
      },
    },
  };
}

describe('deliver: what needs no answer', () => {
  const gesture: ContentMessage = { type: 'gesture', platform: 'youtube', ts: 1 };
  const health: ContentMessage = { type: 'health', platform: 'youtube', ok: true, ts: 2 };
  let ports: ReturnType<typeof fakePort>[] = [];
  const connect = (...made: ReturnType<typeof fakePort>[]) =>
    vi.spyOn(fakeBrowser.runtime, 'connect').mockImplementation(((info: { name: string }) => {
      const next = made.shift() ?? fakePort();
      next.port.name = info.name;
      ports.push(next);
      return next.port;
    }) as never);
  afterEach(() => {
    for (const p of ports) p.disconnect(); // the module's port forgotten for the next test
    ports = [];
    vi.restoreAllMocks();
  });

  it('posts gestures and health reports once, without an id, on one intake port: no sendMessage', () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    const opened = connect();
    deliver(ctx(), gesture);
    deliver(ctx(), health);
    deliver(ctx(true), gesture); // the extension context is gone
    expect(send).not.toHaveBeenCalled();
    expect(opened).toHaveBeenCalledTimes(1);
    expect(opened.mock.calls[0]?.[0]).toEqual({ name: INTAKE_PORT });
    expect(ports[0]?.posted).toEqual([gesture, health]);
  });

  it('opens a new port once the background let the last one go (an idle service worker stopped)', () => {
    const opened = connect();
    deliver(ctx(), gesture);
    ports[0]?.disconnect();
    deliver(ctx(), health);
    expect(opened).toHaveBeenCalledTimes(2);
    expect(ports.map((p) => p.posted)).toEqual([[gesture], [health]]);
  });

  it('posts on a new port when the open one turns out disconnected, and gives up quietly when the extension is gone', () => {
    const opened = connect(fakePort(true));
    deliver(ctx(), gesture);
    expect(opened).toHaveBeenCalledTimes(2);
    expect(ports[1]?.posted).toEqual([gesture]);
    ports[1]?.disconnect();
    opened.mockImplementation(() => {
      throw new Error('Extension context invalidated.');
    });
    expect(() => deliver(ctx(), gesture)).not.toThrow();
  });
});
