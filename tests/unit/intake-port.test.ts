import { describe, expect, it, vi } from 'vitest';
import type { Collector, MessageSender } from '@/lib/background/collector';
import { routePorts } from '@/lib/background/routing';
import { INTAKE_PORT } from '@/lib/messages';

const SENDER: MessageSender = {
  id: 'ext',
  url: 'https://www.youtube.com/watch?v=1',
  tab: { id: 4, url: 'https://www.youtube.com/watch?v=1' },
  frameId: 0,
} as MessageSender;

/** A port as the background is handed it, and what happened to it. */
function port(name: string, sender: MessageSender | null = SENDER) {
  let listener: ((m: unknown) => void) | undefined;
  const p = {
    name,
    sender: sender ?? undefined,
    disconnect: vi.fn(),
    onMessage: {
      addListener: (fn: (m: unknown) => void) => {
        listener = fn;
      },
    },
  };
  return { p, post: (m: unknown) => listener?.(m) };
}

describe('the intake port (routePorts)', () => {
  const receive = vi.fn((_m: unknown, _s: MessageSender) => ({ ok: true as const, stored: Promise.resolve() }));
  const collector = { receive } as unknown as Collector;

  it('hands gestures and health reports to the collector with the port’s sender, and nothing else', () => {
    receive.mockClear();
    const { p, post } = port(INTAKE_PORT);
    routePorts(collector)(p as never);
    const gesture = { type: 'gesture', platform: 'youtube', ts: 1 };
    const health = { type: 'health', platform: 'youtube', ok: true, ts: 2 };
    post(gesture);
    post(health);
    // What needs a receipt is sent, never posted: ignored here.
    post({ type: 'sighting', platform: 'youtube', action: 'like', op: 'add', ts: 3, id: 'x' });
    post('gesture');
    post(null);
    expect(receive.mock.calls).toEqual([
      [gesture, SENDER],
      [health, SENDER],
    ]);
    expect(p.disconnect).not.toHaveBeenCalled();
  });

  it('closes any other port, one without a sender, and one opened by a prerendered page', () => {
    receive.mockClear();
    const other = port('something-else');
    routePorts(collector)(other.p as never);
    other.post({ type: 'gesture', platform: 'youtube', ts: 1 });
    const anonymous = port(INTAKE_PORT, null);
    routePorts(collector)(anonymous.p as never);
    // Opened by a prerendered page: its frame id changes once shown (the content script opens another then).
    const prerendered = port(INTAKE_PORT, { ...SENDER, frameId: 697, documentLifecycle: 'prerender' } as MessageSender);
    routePorts(collector)(prerendered.p as never);
    prerendered.post({ type: 'health', platform: 'youtube', ok: true, ts: 1 });
    expect(other.p.disconnect).toHaveBeenCalled();
    expect(anonymous.p.disconnect).toHaveBeenCalled();
    expect(prerendered.p.disconnect).toHaveBeenCalled();
    expect(receive).not.toHaveBeenCalled();
  });

  it('lets a refused message go quietly (the collector logs it)', () => {
    receive.mockReturnValueOnce({ ok: false, error: 'sender page does not belong to the platform' } as never);
    const { p, post } = port(INTAKE_PORT);
    routePorts(collector)(p as never);
    expect(() => post({ type: 'gesture', platform: 'x', ts: 1 })).not.toThrow();
  });
});
