import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { deliver, RETRY_DELAYS_MS } from '@/lib/content/entry';
import type { ContentMessage } from '@/lib/messages';

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

  it('sends nothing once the extension context is gone, and sends gestures once without an id', async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined);
    deliver(ctx(true), like);
    expect(send).not.toHaveBeenCalled();
    deliver(ctx(), { type: 'gesture', platform: 'youtube', ts: 1 });
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0]?.[0]).not.toHaveProperty('id');
  });
});
