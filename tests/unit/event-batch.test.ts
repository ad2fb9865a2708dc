import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applySighting, RollupBuffer, type Sighting } from '@/lib/db/ingest';
import { ClickworkDB } from '@/lib/db/schema';

/**
 * One transaction's events (lib/db/event-batch.ts): what the intake's batches read at once and
 * write together must give what one sighting after another gave, stored events included.
 */
let db: ClickworkDB;
let n = 0;
beforeEach(() => {
  db = new ClickworkDB(`event-batch-${++n}`);
});
afterEach(async () => {
  await db.delete();
});

const T0 = new Date(2026, 10, 20, 15, 0, 0).getTime();
const like = (over: Partial<Sighting> = {}): Sighting => ({
  platform: 'youtube',
  kind: 'reaction',
  detail: 'like',
  slot: 'exclusive',
  op: 'add',
  signal: 'dom',
  ts: T0,
  targetKey: 'video-a',
  ...over,
});

/** Applies the sightings in one transaction, the batch's targets read first (as writer.ts does). */
function batch(sightings: Sighting[]) {
  return db.transaction('rw', db.events, db.daily, db.hours, async () => {
    const rollup = new RollupBuffer();
    await rollup.events.prefetch(
      db,
      sightings.map((s) => [s.platform, s.targetKey as string]),
    );
    const outcomes = [];
    for (const s of sightings) outcomes.push(await applySighting(db, s, rollup));
    await rollup.flush(db);
    return outcomes;
  });
}

describe('a batch of sightings in one transaction', () => {
  it('sees its own new events: a like, its request, its undo and a dislike on the same video', async () => {
    const outcomes = await batch([
      like(),
      like({ signal: 'network', ts: T0 + 100 }),
      like({ op: 'undo', ts: T0 + 2_000 }),
      like({ detail: 'dislike', ts: T0 + 3_000 }),
      like({ targetKey: 'video-b', ts: T0 + 4_000 }),
    ]);
    expect(outcomes).toEqual(['added', 'merged', 'undone', 'added', 'added']);
    const events = await db.events.orderBy('id').toArray();
    expect(events.map((e) => [e.detail, e.signal, e.targetKey, e.undoneAt ?? null])).toEqual([
      ['like', 'dom+network', 'video-a', T0 + 2_000],
      ['dislike', 'dom', 'video-a', null],
      ['like', 'dom', 'video-b', null],
    ]);
    const daily = await db.daily.toArray();
    expect(Object.fromEntries(daily.map((d) => [d.detail, d.count]))).toEqual({ dislike: 1, like: 1 });
  });

  it('replaces a stored state and a new one alike, and writes each change once', async () => {
    await batch([like()]);
    const outcomes = await batch([
      like({ detail: 'dislike', ts: T0 + 1_000 }),
      like({ ts: T0 + 2_000 }),
      like({ ts: T0 + 2_500 }),
    ]);
    expect(outcomes).toEqual(['replaced', 'replaced', 'merged']);
    const events = await db.events.orderBy('id').toArray();
    expect(events.map((e) => [e.detail, e.undoneAt ?? null])).toEqual([
      ['like', T0 + 1_000],
      ['dislike', T0 + 2_000],
      ['like', null],
    ]);
    const daily = await db.daily.toArray();
    expect(Object.fromEntries(daily.map((d) => [d.detail, d.count]))).toEqual({ like: 1 });
  });
});
