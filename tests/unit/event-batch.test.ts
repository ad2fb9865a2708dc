import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyPrepared, applySighting, type Outcome, prepareAll, RollupBuffer, type Sighting } from '@/lib/db/ingest';
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

/** The same sightings, each read and applied on its own in one transaction (no batch reads). */
function oneByOne(sightings: Sighting[]) {
  return db.transaction('rw', db.events, db.daily, db.hours, async () => {
    const rollup = new RollupBuffer();
    const outcomes: Outcome[] = [];
    for (const s of sightings) outcomes.push(await applySighting(db, s, rollup));
    await rollup.flush(db);
    return outcomes;
  });
}

/** As the intake's writer does: everything read at once (prepareAll), then applied with no await. */
function prepared(sightings: Sighting[]) {
  return db.transaction('rw', db.events, db.daily, db.hours, async () => {
    const rollup = new RollupBuffer();
    await prepareAll(db, sightings, rollup);
    const outcomes = sightings.map((s) => applyPrepared(s, rollup));
    await rollup.flush(db);
    return outcomes;
  });
}

const comment = (over: Partial<Sighting> = {}): Sighting => ({
  platform: 'youtube',
  kind: 'comment',
  detail: 'comment',
  slot: 'none',
  op: 'add',
  signal: 'dom',
  ts: T0,
  ...over,
});

const stored = async () =>
  (await db.events.orderBy('id').toArray()).map((e) => [
    e.platform,
    e.kind,
    e.detail,
    e.signal,
    e.ts,
    e.targetKey ?? null,
    e.undoneAt ?? null,
  ]);

describe('sightings read at once, then applied synchronously', () => {
  // A stored history the batch meets: a like to undo later, a comment its request merges into,
  // a comment on another platform, and one far outside the merge window.
  const history = [
    like({ ts: T0 - 5_000 }),
    comment({ ts: T0 - 3_000 }),
    comment({ platform: 'reddit', ts: T0 - 2_000 }),
    comment({ ts: T0 - 60_000 }),
    comment({ ts: T0 + 3 * 3_600_000 - 2_000 }), // three hours on: a second span of the batch
  ];
  const incoming = [
    comment({ signal: 'network', ts: T0 - 2_900 }), // merges into the stored comment
    like({ op: 'undo', ts: T0 }), // undoes the stored like
    comment({ ts: T0 + 1_000 }), // new
    comment({ signal: 'network', ts: T0 + 1_200 }), // merges into the one just added
    comment({ platform: 'reddit', signal: 'network', ts: T0 + 30_000 }), // too late for reddit's: new
    like({ targetKey: 'video-b', ts: T0 + 2_000 }),
    like({ targetKey: 'video-b', detail: 'dislike', ts: T0 + 3_000 }), // replaces it
    comment({ signal: 'network', ts: T0 + 3 * 3_600_000 }), // merges into the comment three hours on
  ];

  it('gives what applying one after another gave: outcomes, events and day totals', async () => {
    await oneByOne(history);
    const expected = await oneByOne(incoming);
    const expectedEvents = await stored();
    const expectedDaily = await db.daily.toArray();
    await db.events.clear();
    await db.daily.clear();
    await db.hours.clear();
    await oneByOne(history);
    expect(await prepared(incoming)).toEqual(expected);
    expect(expected).toEqual(['merged', 'undone', 'added', 'merged', 'added', 'added', 'replaced', 'merged']);
    expect(await stored()).toEqual(expectedEvents);
    expect(await db.daily.toArray()).toEqual(expectedDaily);
  });

  it('writes the changes made to stored events (an undo, a merge) when the batch is flushed', async () => {
    await oneByOne(history);
    await prepared(incoming);
    const events = await db.events.orderBy('id').toArray();
    expect(events[0]?.undoneAt).toBe(T0);
    expect(events[1]?.signal).toBe('dom+network');
  });

  it('refuses to apply a sighting whose events were not read first, instead of counting it twice', async () => {
    await oneByOne(history);
    await expect(
      db.transaction('rw', db.events, db.daily, db.hours, async () => {
        const rollup = new RollupBuffer();
        await prepareAll(db, [comment({ ts: T0 })], rollup);
        applyPrepared(comment({ ts: T0 + 20_000 }), rollup); // outside the span read
      }),
    ).rejects.toThrow(/time span not read/);
    await expect(
      db.transaction('rw', db.events, db.daily, db.hours, async () => {
        applyPrepared(like({ targetKey: 'video-z' }), new RollupBuffer());
      }),
    ).rejects.toThrow(/target not read/);
  });
});

describe('reads asked for twice at once', () => {
  it('a second caller waits for the first read of a target or span instead of finding it empty', async () => {
    await oneByOne([like(), comment({ ts: T0 + 1_000 })]);
    const seen = await db.transaction('r', db.events, async () => {
      const rollup = new RollupBuffer();
      const events = rollup.events;
      const first = events.prefetch(db, [['youtube', 'video-a']]);
      const second = events.prefetch(db, [['youtube', 'video-a']]).then(() => events.onTarget('youtube', 'video-a').length);
      const spanFirst = events.prefetchSpan(db, 'youtube', T0 - 10_000, T0 + 10_000);
      const spanSecond = events
        .prefetchSpan(db, 'youtube', T0 - 5_000, T0 + 5_000)
        .then(() => events.between('youtube', T0 - 5_000, T0 + 5_000).length);
      await Promise.all([first, spanFirst]);
      return { target: await second, span: await spanSecond };
    });
    expect(seen).toEqual({ target: 1, span: 2 });
  });
});
