import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_BATCH } from '@/lib/background/batcher';
import { TargetHasher } from '@/lib/background/targets';
import { type Item, PRUNE_DELAY_MS, PRUNE_EVERY_MS, Pruner, type WriterState, writeBatch } from '@/lib/background/writer';
import { ClickworkDB } from '@/lib/db/schema';

let db: ClickworkDB;
let n = 0;
beforeEach(() => {
  db = new ClickworkDB(`writer-batch-${++n}`);
});
afterEach(async () => {
  await db.delete();
});

const T = 1_800_000_000_000;
const like = (i: number, extra: Partial<Item> = {}): Item =>
  ({
    id: `msg-${i}-xxxxxxxx`,
    kind: 'sighting',
    rawTarget: `video-${i}`,
    sighting: { platform: 'youtube', kind: 'reaction', detail: 'like', slot: 'exclusive', op: 'add', signal: 'dom', ts: T + i },
    ...extra,
  }) as Item;

describe('writeBatch with a full batch', () => {
  it('keeps its transaction through MAX_BATCH sightings whose events were read at once (no PrematureCommitError)', async () => {
    expect(MAX_BATCH).toBeGreaterThanOrEqual(64);
    const batch = Array.from({ length: MAX_BATCH }, (_, i) => like(i));
    await writeBatch(db, new TargetHasher(db), batch, { last: Date.now() });
    expect(await db.events.count()).toBe(MAX_BATCH);
    // The batch's message ids in one row.
    const [row, ...more] = await db.seen.toArray();
    expect(more).toEqual([]);
    expect(row?.ids).toHaveLength(MAX_BATCH);
    expect((await db.daily.toArray()).reduce((s, r) => s + r.count, 0)).toBe(MAX_BATCH);
  });

  it('also when parked requests make every DOM sighting look for one to confirm', async () => {
    await db.parked.add({ platform: 'x', kind: 'share', detail: 'repost', slot: 'exclusive', ts: T });
    const batch = Array.from({ length: MAX_BATCH }, (_, i) => like(i));
    await writeBatch(db, new TargetHasher(db), batch, { last: Date.now() });
    expect(await db.events.count()).toBe(MAX_BATCH);
  });

  it('also when resends already stored sit exactly where the keep-alive reads were (every 4th item)', async () => {
    const hasher = new TargetHasher(db);
    // Stored once: the items that a count by position would have kept alive on.
    const resent = Array.from({ length: MAX_BATCH / 4 }, (_, k) => like(4 * k + 3));
    await writeBatch(db, hasher, resent, { last: Date.now() });
    const batch = Array.from({ length: MAX_BATCH }, (_, i) => like(i));
    await writeBatch(db, hasher, batch, { last: Date.now() });
    expect(await db.events.count()).toBe(MAX_BATCH);
    expect((await db.daily.toArray()).reduce((s, r) => s + r.count, 0)).toBe(MAX_BATCH);
  });
});

describe('exactly once across batches', () => {
  const likes = (from: number, n: number) => Array.from({ length: n }, (_, i) => like(from + i));
  const total = async () => (await db.daily.toArray()).reduce((s, r) => s + r.count, 0);

  it('drops resends with the state kept between batches, and after a restart (the rows read again)', async () => {
    const hasher = new TargetHasher(db);
    const state: WriterState = { last: Date.now() };
    await writeBatch(db, hasher, likes(0, 10), state);
    expect(state.seen?.size).toBe(10);
    // Five resent among five new, and a message twice in one batch.
    await writeBatch(db, hasher, [...likes(5, 10), like(14)], state);
    expect(await db.events.count()).toBe(15);
    // The worker restarted: a new state reads the stored ids.
    const restarted: WriterState = { last: Date.now() };
    await writeBatch(db, hasher, likes(0, 20), restarted);
    expect(await db.events.count()).toBe(20);
    expect(await total()).toBe(20);
    expect(restarted.seen?.size).toBe(20);
  });

  it('honours the one-id rows written before batches had one row', async () => {
    await db.seen.bulkPut([
      { id: 'msg-1-xxxxxxxx', at: Date.now() },
      { id: 'msg-2-xxxxxxxx', at: Date.now() },
    ]);
    await writeBatch(db, new TargetHasher(db), likes(0, 4), { last: Date.now() });
    expect(await db.events.count()).toBe(2); // msg-0 and msg-3
  });

  it('records nothing of a batch that failed: its resend is stored', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const hasher = new TargetHasher(db);
    const state: WriterState = { last: Date.now() };
    await writeBatch(db, hasher, likes(0, 2), state);
    const write = vi.spyOn(db.events, 'bulkAdd').mockRejectedValueOnce(new Error('disk full'));
    await expect(writeBatch(db, hasher, likes(2, 3), state)).rejects.toThrow('disk full');
    write.mockRestore();
    expect(state.seen?.size).toBe(2);
    await writeBatch(db, hasher, likes(2, 3), state);
    expect(await db.events.count()).toBe(5);
  });

  it('forgets ids past their time when it prunes, in the table and in its copy', async () => {
    const hasher = new TargetHasher(db);
    const day = 24 * 3_600_000;
    await db.seen.put({ id: 'old', at: Date.now() - day - 60_000, ids: ['old', 'msg-0-xxxxxxxx'] });
    // A CAPTCHA challenge abandoned a day ago, and one shown a minute ago.
    await db.pending.bulkPut([
      { key: '1|hcaptcha|w', shownAt: Date.now() - day, rounds: 0, updatedAt: Date.now() - day },
      { key: '2|hcaptcha|w', shownAt: Date.now() - 60_000, rounds: 1, updatedAt: Date.now() - 60_000 },
    ]);
    const state: WriterState = { last: 0 };
    await writeBatch(db, hasher, [like(1)], state);
    // The write itself prunes nothing (a woken worker's first write is its click's).
    expect(await db.seen.get('old')).toBeDefined();
    expect(state.seen?.has('msg-0-xxxxxxxx')).toBe(true);
    await new Pruner(db, state).now();
    expect(await db.seen.get('old')).toBeUndefined();
    expect((await db.pending.toArray()).map((p) => p.key)).toEqual(['2|hcaptcha|w']);
    expect(state.seen?.has('msg-0-xxxxxxxx')).toBe(false);
    expect(state.seen?.has('msg-1-xxxxxxxx')).toBe(true);
    expect(state.last).toBeGreaterThan(0);
    // msg-0 was stored more than a day ago: no longer remembered, as before batches had one row.
    await writeBatch(db, hasher, [like(0)], state);
    expect(await db.events.count()).toBe(2);
  });

  it('reads no message ids for a batch that carries none (a request and its gesture)', async () => {
    await db.seen.put({ id: 'msg-9-xxxxxxxx', at: Date.now() });
    const state: WriterState = { last: 0 };
    const { id: _, ...request } = like(1);
    await writeBatch(db, new TargetHasher(db), [request as Item], state);
    expect(state.seen).toBeUndefined();
    expect(await db.events.count()).toBe(1);
    // The next batch with an id reads them all.
    await writeBatch(db, new TargetHasher(db), [like(9), like(2)], state);
    expect(await db.events.count()).toBe(2);
    expect(state.seen?.size).toBe(2);
  });

  it('prunes PRUNE_DELAY_MS after a write at the earliest, then at most every PRUNE_EVERY_MS', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
    try {
      const state: WriterState = { last: 0 };
      const pruner = new Pruner(db, state);
      const now = vi.spyOn(pruner, 'now').mockResolvedValue(undefined);
      pruner.soon();
      pruner.soon(); // one planned at a time
      vi.advanceTimersByTime(PRUNE_DELAY_MS - 1);
      expect(now).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1);
      expect(now).toHaveBeenCalledTimes(1);
      state.last = Date.now();
      pruner.soon();
      vi.advanceTimersByTime(PRUNE_EVERY_MS - 1);
      expect(now).toHaveBeenCalledTimes(1);
      vi.advanceTimersByTime(1);
      expect(now).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
