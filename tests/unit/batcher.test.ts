import { describe, expect, it, vi } from 'vitest';
import { Batcher, isQuotaError } from '@/lib/background/batcher';

describe('Batcher (batching and acknowledgement)', () => {
  it('writes what arrives in one turn as one batch, in order, and settles each item after its write', async () => {
    const writes: number[][] = [];
    const b = new Batcher<number>(async (items) => {
      writes.push(items);
    });
    const acks = [b.add(1), b.add(2), b.add(3)];
    expect(b.busy).toBe(true);
    await Promise.all(acks);
    await b.add(4);
    expect(writes).toEqual([[1, 2, 3], [4]]);
    expect(b.busy).toBe(false);
  });

  it('rejects every item of a failed batch (so that senders retry), reports the problem, and clears it on the next success', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    let fail = true;
    let problems = 0;
    const b = new Batcher<string>(
      async () => {
        if (fail) throw Object.assign(new Error('full'), { name: 'QuotaExceededError' });
      },
      () => problems++,
    );
    await expect(b.add('a')).rejects.toThrow('full');
    expect(b.problem).toMatchObject({ full: true });
    fail = false;
    await b.add('b');
    expect(b.problem).toBeUndefined();
    expect(problems).toBe(2);
  });

  it('idle() waits for a batch being written, not only for the queue', async () => {
    let release = () => {};
    const b = new Batcher<number>(() => new Promise<void>((r) => (release = r)));
    const ack = b.add(1);
    await new Promise((r) => setTimeout(r, 5)); // the batch is being written, the queue is empty
    let idle = false;
    const waiting = b.idle().then(() => (idle = true));
    await new Promise((r) => setTimeout(r, 5));
    expect(idle).toBe(false);
    release();
    await Promise.all([ack, waiting]);
    expect(idle).toBe(true);
  });

  it('recognises a full disk, also wrapped by Dexie, and nothing else', () => {
    expect(isQuotaError({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })).toBe(true);
    expect(isQuotaError(new Error('boom'))).toBe(false);
  });
});
