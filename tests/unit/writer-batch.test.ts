import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_BATCH } from '@/lib/background/batcher';
import { TargetHasher } from '@/lib/background/targets';
import { type Item, writeBatch } from '@/lib/background/writer';
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
    expect(await db.seen.count()).toBe(MAX_BATCH);
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
