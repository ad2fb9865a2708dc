import { describe, expect, it } from 'vitest';
import { ReadAhead } from '@/lib/research/read-ahead';

/** A read that ends when the test says so; the reads started are recorded in order. */
function reads() {
  const started: string[] = [];
  const finish = new Map<string, (v: string) => void>();
  const read = (f: { name: string; size: number }) =>
    new Promise<string>((resolve) => {
      started.push(f.name);
      finish.set(f.name, (v) => resolve(v));
    });
  return { started, finish: (name: string) => finish.get(name)?.(`read ${name}`), read };
}
const file = (name: string, size = 1) => ({ name, size });

describe('ReadAhead: a few files read at once, results in order', () => {
  it('starts at most `files` reads and hands the results back in the order given, whatever order they end in', async () => {
    const r = reads();
    const ahead = new ReadAhead(r.read, { files: 2, bytes: 100 });
    const queue = [file('a'), file('b'), file('c')];
    ahead.fill(queue);
    expect(r.started).toEqual(['a', 'b']);
    r.finish('b');
    r.finish('a');
    expect(await ahead.next()).toBe('read a');
    ahead.fill(queue);
    expect(r.started).toEqual(['a', 'b', 'c']);
    expect(await ahead.next()).toBe('read b');
    r.finish('c');
    expect(await ahead.next()).toBe('read c');
    expect(await ahead.next()).toBeUndefined();
    expect(ahead.pending).toBe(0);
  });

  it('keeps the bytes in flight under the budget, but always reads one file, however large', async () => {
    const r = reads();
    const ahead = new ReadAhead(r.read, { files: 10, bytes: 100 });
    const queue = [file('big', 150), file('x', 60), file('y', 40), file('z', 1)];
    ahead.fill(queue);
    expect(r.started).toEqual(['big']);
    r.finish('big');
    expect(await ahead.next()).toBe('read big');
    ahead.fill(queue);
    // 60 + 40 fit the 100 bytes; z would make 101.
    expect(r.started).toEqual(['big', 'x', 'y']);
    r.finish('x');
    expect(await ahead.next()).toBe('read x');
    ahead.fill(queue);
    expect(r.started).toEqual(['big', 'x', 'y', 'z']);
    expect(ahead.started).toBe(4);
  });

  it('reads files added to the queue after it began', async () => {
    const r = reads();
    const ahead = new ReadAhead(r.read, { files: 4, bytes: 100 });
    const queue = [file('a')];
    ahead.fill(queue);
    queue.push(file('b'));
    ahead.fill(queue);
    expect(r.started).toEqual(['a', 'b']);
    expect(ahead.pending).toBe(2);
  });
});
