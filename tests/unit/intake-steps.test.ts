import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CAPTCHA_MIN_GAP_MS, CAPTCHA_PENDING_TTL_MS, captchaStep } from '@/lib/background/captcha';
import { confirmOrPark, confirmParked, pruneParked } from '@/lib/background/confirmations';
import { TargetHasher } from '@/lib/background/targets';
import { applySighting, MERGE_WINDOW_MS, RollupBuffer, type Sighting } from '@/lib/db/ingest';
import { ClickworkDB } from '@/lib/db/schema';

/** The intake's smaller jobs: CAPTCHA steps, request confirmations, target hashing. */

let db: ClickworkDB;
let n = 0;
beforeEach(() => {
  db = new ClickworkDB(`steps-${++n}`);
});
afterEach(async () => {
  await db.delete();
});

const T = 1_800_000_000_000;
const inTx = <R>(fn: (rollup: RollupBuffer) => Promise<R>) =>
  db.transaction('rw', [db.events, db.daily, db.hours, db.pending, db.parked], async () => {
    const rollup = new RollupBuffer();
    const r = await fn(rollup);
    await rollup.flush(db);
    return r;
  });
const captcha = (
  phase: 'shown' | 'round' | 'passed',
  ts: number,
  widget = 'site',
  tab = 4,
  platform: 'hcaptcha' | 'turnstile' = 'hcaptcha',
) => inTx(() => captchaStep(db, { type: 'captcha', platform, phase, widget, ts }, tab, 'shop.example'));

describe('captchaStep', () => {
  it('measures a challenge from shown to passed with its rounds, and forgets an abandoned one', async () => {
    expect(await captcha('shown', T)).toBeNull();
    await captcha('round', T + 1_000);
    expect(await captcha('passed', T + 3_000)).toMatchObject({
      detail: 'challenge',
      durationMs: 3_000,
      rounds: 1,
      host: 'shop.example',
    });
    expect(await db.pending.get('4|hcaptcha|site')).toBeUndefined();
    await db.pending.clear(); // the tab's last pass, which the next test is about
    await captcha('shown', T);
    expect(await captcha('passed', T + CAPTCHA_PENDING_TTL_MS + 1)).toMatchObject({ detail: 'checkbox' });
  });

  it('counts one pass per tab in CAPTCHA_MIN_GAP_MS, whichever widget and provider (a widget hidden under a page’s buttons)', async () => {
    expect(await captcha('passed', T)).toMatchObject({ detail: 'checkbox' });
    expect(await captcha('passed', T + 2_000)).toBeNull();
    expect(await captcha('passed', T + 4_000, 'another-widget')).toBeNull();
    expect(await captcha('passed', T + 4_000, 'site', 4, 'turnstile')).toBeNull(); // stacked providers
    // A widget whose id is made to look like the tab's own record changes nothing.
    for (const widget of ['passed', 'last-pass', '4']) {
      await captcha('shown', T + 5_000, widget);
      expect(await captcha('passed', T + 6_000, widget)).toBeNull();
    }
    expect(await captcha('passed', T - 1_000)).toBeNull(); // a message of another frame, arriving late
    expect(await captcha('passed', T + 4_000, 'site', 5)).toMatchObject({ detail: 'checkbox' }); // another tab
    expect(await captcha('passed', T + CAPTCHA_MIN_GAP_MS - 1)).toBeNull();
    expect(await captcha('passed', T + CAPTCHA_MIN_GAP_MS)).toMatchObject({ detail: 'checkbox' });
    // The practice page's CAPTCHA, the extension's own, may be passed again at once (a classroom demo).
    const practice = (ts: number) =>
      inTx(() => captchaStep(db, { type: 'captcha', platform: 'practice', phase: 'passed', widget: 'p', ts }, 4));
    expect(await practice(T)).toMatchObject({ detail: 'checkbox' });
    expect(await practice(T + 1_000)).toMatchObject({ detail: 'checkbox' });
  });
});

describe('confirmations', () => {
  const like = (over: Partial<Sighting> = {}): Sighting => ({
    platform: 'youtube',
    kind: 'reaction',
    detail: 'like',
    slot: 'exclusive',
    op: 'add',
    signal: 'network',
    ts: T,
    targetKey: 'k1',
    ...over,
  });

  it('parks a request that comes before its click, and merges it into the click’s event when that comes', async () => {
    await inTx((r) => confirmOrPark(db, like(), r));
    expect(await db.events.count()).toBe(0);
    expect(await db.parked.count()).toBe(1);
    await inTx(async (r) => {
      await applySighting(db, like({ signal: 'dom', ts: T + 300 }), r);
      await confirmParked(db, like({ signal: 'dom', ts: T + 300 }), r);
    });
    expect(await db.events.toArray()).toMatchObject([{ signal: 'dom+network' }]);
    expect(await db.parked.count()).toBe(0);
    expect(await db.daily.toArray()).toMatchObject([{ count: 1 }]);
  });

  it('merges at once when the click came first, never parks another target’s, and prunes the unconfirmed', async () => {
    await inTx((r) => applySighting(db, like({ signal: 'dom' }), r));
    await inTx((r) => confirmOrPark(db, like({ ts: T + 100 }), r));
    expect(await db.events.toArray()).toMatchObject([{ signal: 'dom+network' }]);
    await inTx((r) => confirmOrPark(db, like({ targetKey: 'k2' }), r));
    expect(await db.events.count()).toBe(1);
    await pruneParked(db, T + 2 * MERGE_WINDOW_MS + 1);
    expect(await db.parked.count()).toBe(0);
  });
});

describe('TargetHasher', () => {
  it('gives one salted key per platform and target, never the raw id, the same across restarts', async () => {
    const a = await new TargetHasher(db).key('youtube', 'dQw4w9WgXcQ');
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(await new TargetHasher(db).key('youtube', 'dQw4w9WgXcQ')).toBe(a);
    expect(await new TargetHasher(db).key('x', 'dQw4w9WgXcQ')).not.toBe(a);
    const other = new ClickworkDB(`steps-other-${n}`);
    expect(await new TargetHasher(other).key('youtube', 'dQw4w9WgXcQ')).not.toBe(a); // another salt
    await other.delete();
  });
});
