import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingest, MERGE_WINDOW_MS, type Sighting } from '@/lib/db/ingest';
import { rangeDays, summarize } from '@/lib/db/queries';
import { ClickworkDB, dayKey } from '@/lib/db/schema';

let db: ClickworkDB;
let n = 0;
beforeEach(() => {
  db = new ClickworkDB(`test-${++n}`);
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
const comment = (over: Partial<Sighting> = {}): Sighting => ({
  platform: 'youtube',
  kind: 'comment',
  detail: 'comment',
  slot: 'none',
  op: 'add',
  signal: 'dom',
  ts: T0,
  targetKey: 'video-a',
  ...over,
});

async function active() {
  return (await db.events.toArray()).filter((e) => !e.undoneAt);
}

/** The rollup must always equal a recount of the active events it summarises. */
async function expectRollupConsistent() {
  const recount = new Map<string, { count: number; measuredMs: number; measuredCount: number }>();
  for (const e of await active()) {
    const key = [dayKey(e.ts), e.platform, e.kind, e.detail].join('|');
    const r = recount.get(key) ?? { count: 0, measuredMs: 0, measuredCount: 0 };
    r.count++;
    if (e.durationMs !== undefined) {
      r.measuredMs += e.durationMs;
      r.measuredCount++;
    }
    recount.set(key, r);
  }
  const rows = Object.fromEntries(
    (await db.daily.toArray()).map((r) => [
      [r.day, r.platform, r.kind, r.detail].join('|'),
      { count: r.count, measuredMs: r.measuredMs, measuredCount: r.measuredCount },
    ]),
  );
  expect(rows).toEqual(Object.fromEntries(recount));
}

describe('ingest', () => {
  it('merges the DOM and network sightings of one like into one event', async () => {
    expect(await ingest(db, [like({ signal: 'network', ts: T0 - 50 }), like({ signal: 'dom' })])).toEqual(['added', 'merged']);
    expect(await active()).toMatchObject([{ kind: 'reaction', detail: 'like', signal: 'dom+network' }]);
    await expectRollupConsistent();
  });

  it('nets out like then unlike, whichever signal reports them and in whatever order', async () => {
    await ingest(db, [like(), like({ signal: 'network' })]);
    await ingest(db, [like({ op: 'undo', ts: T0 + 2000 }), like({ op: 'undo', signal: 'network', ts: T0 + 1990 })]);
    expect(await active()).toEqual([]);
    expect(await db.daily.count()).toBe(0);
    // A network "like" that arrives after its undo is the same action, not a new one.
    await ingest(db, [like({ signal: 'network', ts: T0 + 10 })]);
    expect(await active()).toEqual([]);
    await expectRollupConsistent();
  });

  it('replaces a like by a dislike on the same video (one reaction, the last)', async () => {
    await ingest(db, [like(), like({ detail: 'dislike', ts: T0 + 3000 })]);
    expect((await active()).map((e) => e.detail)).toEqual(['dislike']);
    const all = await db.events.toArray();
    expect(all.find((e) => e.detail === 'like')?.undoneAt).toBe(T0 + 3000);
    await expectRollupConsistent();
  });

  it('keeps per-detail states apart: a like and a bookmark on one post are two reactions', async () => {
    const x = { platform: 'x' as const, slot: 'per-detail' as const, targetKey: 'post-1' };
    await ingest(db, [like(x), like({ ...x, detail: 'bookmark' }), like({ ...x, op: 'undo', ts: T0 + 100 })]);
    expect((await active()).map((e) => e.detail)).toEqual(['bookmark']);
    await expectRollupConsistent();
  });

  it('drops a duplicate: liking what is already liked adds nothing', async () => {
    await ingest(db, [like(), like({ ts: T0 + 60_000 }), like({ signal: 'network', ts: T0 + 60_001 })]);
    expect(await db.events.count()).toBe(1);
    await expectRollupConsistent();
  });

  it('counts likes on different targets separately', async () => {
    await ingest(db, [like(), like({ targetKey: 'video-b' }), like({ targetKey: 'video-c', op: 'undo' })]);
    expect(await active()).toHaveLength(2);
    await expectRollupConsistent();
  });

  it("merges a comment's click and request, keeps the network's detail, but counts two comments apart in time", async () => {
    await ingest(db, [comment({ signal: 'network', detail: 'reply', targetKey: undefined, ts: T0 - 300 }), comment()]);
    expect(await active()).toMatchObject([{ detail: 'reply', signal: 'dom+network' }]);
    await ingest(db, [comment({ ts: T0 + MERGE_WINDOW_MS + 5_000 })]);
    expect(await active()).toHaveLength(2);
    await expectRollupConsistent();
  });

  it('nets out an undo whose control named no target: the latest such state of the action, within the window', async () => {
    const bare = (op: 'add' | 'undo', ts: number) => like({ op, ts, targetKey: undefined });
    // Like, unlike, like again two seconds apart each, where the control's target could not be read.
    await ingest(db, [bare('add', T0), bare('undo', T0 + 2_000), bare('add', T0 + 4_000)]);
    expect(await active()).toHaveLength(1);
    await ingest(db, [bare('undo', T0 + 6_000)]);
    expect(await active()).toHaveLength(0);
    // It never takes back a state with a target, nor one older than the window.
    await ingest(db, [like({ ts: T0 + 30_000 }), bare('add', T0 + 40_000), bare('undo', T0 + 40_000 + MERGE_WINDOW_MS + 1)]);
    expect((await active()).map((e) => e.targetKey ?? null)).toEqual(['video-a', null]);
    // Nor one that came after it.
    await ingest(db, [bare('undo', T0 + 38_000)]);
    expect(await active()).toHaveLength(2);
    // Two likes without target, then one unlike seen by both signals: one like stays.
    await ingest(db, [bare('add', T0 + 60_000), bare('add', T0 + 62_000)]);
    await ingest(db, [bare('undo', T0 + 64_000), { ...bare('undo', T0 + 64_300), signal: 'network' }]);
    expect((await active()).filter((e) => e.ts >= T0 + 60_000).map((e) => e.ts)).toEqual([T0 + 60_000]);
    await expectRollupConsistent();
  });

  it('drops a double submit of the same signal within a second', async () => {
    await ingest(db, [comment(), comment({ ts: T0 + 400 })]);
    expect(await active()).toHaveLength(1);
  });

  it('never merges a CAPTCHA checkbox pass with a solved challenge', async () => {
    const cap = (detail: string, ts: number, durationMs?: number): Sighting => ({
      platform: 'recaptcha',
      kind: 'captcha',
      detail,
      slot: 'none',
      op: 'add',
      signal: 'dom',
      ts,
      ...(durationMs ? { durationMs } : {}),
    });
    await ingest(db, [cap('checkbox', T0), cap('challenge', T0 + 2000, 9000)]);
    expect((await active()).map((e) => e.detail).sort()).toEqual(['challenge', 'checkbox']);
    const row = await db.daily.get([dayKey(T0), 'recaptcha', 'captcha', 'challenge'] as never);
    expect(row).toMatchObject({ count: 1, measuredMs: 9000, measuredCount: 1 });
    await expectRollupConsistent();
  });

  it('keeps the rollup equal to its events through a random mix of actions', async () => {
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const batch: Sighting[] = [];
    for (let i = 0; i < 400; i++) {
      const ts = T0 + Math.floor(rand() * 5 * 86_400_000);
      const target = `v${Math.floor(rand() * 20)}`;
      const r = rand();
      if (r < 0.5)
        batch.push(
          like({ ts, targetKey: target, detail: rand() < 0.7 ? 'like' : 'dislike', signal: rand() < 0.5 ? 'dom' : 'network' }),
        );
      else if (r < 0.75) batch.push(like({ ts, targetKey: target, op: 'undo' }));
      else batch.push(comment({ ts, targetKey: target, durationMs: rand() < 0.5 ? Math.floor(rand() * 60_000) : undefined }));
    }
    batch.sort((a, b) => a.ts - b.ts);
    for (let i = 0; i < batch.length; i += 37) await ingest(db, batch.slice(i, i + 37));
    await expectRollupConsistent();
    const days = rangeDays('30d', T0 + 5 * 86_400_000);
    const summary = await summarize(db, days);
    expect(summary.total).toBe((await active()).length);
    expect(summary.total).toBeGreaterThan(50);
  });

  it('writes all of a batch or nothing', async () => {
    await ingest(db, [like()]);
    const bad = { ...comment(), kind: undefined } as unknown as Sighting; // makes the rollup key invalid
    await expect(ingest(db, [like({ targetKey: 'video-z' }), bad])).rejects.toThrow();
    expect(await db.events.count()).toBe(1);
    await expectRollupConsistent();
  });
});

describe('summarize', () => {
  it('totals by day, kind and platform for a range', async () => {
    const day = 86_400_000;
    await ingest(db, [
      like(),
      like({ targetKey: 'b', ts: T0 - day }),
      comment({ ts: T0 - 2 * day }),
      like({ platform: 'x', slot: 'per-detail', targetKey: 'p', ts: T0 - 10 * day }),
    ]);
    const s = await summarize(db, rangeDays('7d', T0));
    expect(s.days).toHaveLength(7);
    expect(s.days.at(-1)).toBe(dayKey(T0));
    expect(s.total).toBe(3);
    expect(s.byPlatform).toEqual([{ platform: 'youtube', count: 3 }]);
    expect(s.byKind).toEqual([
      { kind: 'reaction', count: 2 },
      { kind: 'comment', count: 1 },
    ]);
    expect(s.perDay.at(-1)?.reaction).toBe(1);
    expect(s.perDay.at(-3)?.comment).toBe(1);
    expect((await summarize(db, rangeDays('30d', T0))).total).toBe(4);
    expect((await summarize(db, rangeDays('today', T0))).total).toBe(1);
  });
});
