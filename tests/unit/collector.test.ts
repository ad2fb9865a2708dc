import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Collector, type MessageSender } from '@/lib/background/collector';
import { networkFilters, parseBody } from '@/lib/background/network';
import { ClickworkDB } from '@/lib/db/schema';
import { DETECTORS } from '@/lib/detectors/registry';
import { parseMessage } from '@/lib/messages';

const EXT = 'abcdefghijklmnop';
const YT: MessageSender = {
  id: EXT,
  url: 'https://www.youtube.com/watch?v=v1',
  frameId: 0,
  tab: { id: 3, url: 'https://www.youtube.com/watch?v=v1' },
};
const ANCHOR_URL = 'https://www.google.com/recaptcha/api2/anchor?k=KEY&size=normal';
const FRAME = (url: string): MessageSender => ({ id: EXT, url, tab: { id: 9, url: 'https://shop.example/checkout' } });

let db: ClickworkDB;
let collector: Collector;
let n = 0;
let changed = 0;
beforeEach(() => {
  db = new ClickworkDB(`collector-${++n}`);
  changed = 0;
  collector = new Collector(db, EXT, () => changed++);
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(async () => {
  await db.delete();
});

const now = () => Date.now();
const sighting = (over: Record<string, unknown> = {}) => ({
  type: 'sighting',
  platform: 'youtube',
  action: 'like',
  op: 'add',
  target: 'v1',
  ts: now(),
  ...over,
});
const jsonBody = (v: unknown) => ({ raw: [{ bytes: new TextEncoder().encode(JSON.stringify(v)).buffer as ArrayBuffer }] });

describe('message validation', () => {
  it.each([
    [null, 'not an object'],
    [[], 'not an object'],
    ['like', 'not an object'],
    [{ type: 'sighting', platform: 'myspace', action: 'like', op: 'add', ts: Date.now() }, 'unknown platform'],
    [{ type: 'sighting', platform: 'youtube', action: 'like', op: 'add' }, 'ts must be a number'],
    [{ type: 'sighting', platform: 'youtube', action: 'like', op: 'add', ts: 0 }, 'ts is too far from now'],
    [{ type: 'sighting', platform: 'youtube', action: 'like', op: 'redo', ts: Date.now() }, 'op must be add or undo'],
    [
      { type: 'sighting', platform: 'youtube', action: 'x'.repeat(500), op: 'add', ts: Date.now() },
      'action must be a short string',
    ],
    [
      { type: 'sighting', platform: 'youtube', action: 'like', op: 'add', ts: Date.now(), target: 42 },
      'target must be a short string',
    ],
    [
      { type: 'sighting', platform: 'youtube', action: 'like', op: 'add', ts: Date.now(), durationMs: -1 },
      'durationMs out of range',
    ],
    [{ type: 'captcha', platform: 'recaptcha', phase: 'won', widget: 'k', ts: Date.now() }, 'unknown captcha phase'],
    [{ type: 'delete-all', platform: 'youtube', ts: Date.now() }, 'unknown message type'],
  ])('refuses %j', (raw, error) => {
    expect(parseMessage(raw)).toEqual({ ok: false, error });
  });

  it.each([
    { clicks: 2, from: Date.now() + 1_000 }, // after the last click
    { clicks: 2, from: Date.now() - 20_000 }, // a span longer than 10 s
    { clicks: 2, from: 'earlier' },
    { from: Date.now() - 100 }, // a first click's time for a message that stands for one
  ])('refuses a gesture message with %j', (over) => {
    expect(parseMessage({ type: 'gesture', platform: 'youtube', ts: Date.now(), ...over })).toEqual({
      ok: false,
      error: 'from must come with clicks, at most 10000 ms before ts',
    });
  });

  it('keeps only known fields of a valid message', () => {
    const ts = Date.now();
    expect(parseMessage({ type: 'gesture', platform: 'youtube', ts, clicks: 3, from: ts - 900 })).toEqual({
      ok: true,
      value: { type: 'gesture', platform: 'youtube', ts, clicks: 3, from: ts - 900 },
    });
    const r = parseMessage({ ...sighting(), html: '<b>page content</b>', url: 'https://x' });
    expect(r.ok && Object.keys(r.value).sort()).toEqual(['action', 'op', 'platform', 'target', 'ts', 'type']);
  });
});

describe('collector', () => {
  it('stores a valid sighting with a hashed target and the page host', async () => {
    expect(collector.receive(sighting(), YT)).toMatchObject({ ok: true });
    await collector.flush();
    const [ev] = await db.events.toArray();
    expect(ev).toMatchObject({ platform: 'youtube', kind: 'reaction', detail: 'like', signal: 'dom', host: 'www.youtube.com' });
    expect(ev?.targetKey).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.stringify(ev)).not.toContain('v1"');
    expect(changed).toBe(1);
  });

  it('refuses, logs and never stores malformed or misplaced messages', async () => {
    const refusals = [
      collector.receive({ garbage: true }, YT),
      collector.receive(sighting({ action: 'subscribe' }), YT),
      collector.receive(sighting(), { ...YT, id: 'another-extension' }),
      collector.receive(sighting(), { ...YT, url: 'https://evil.example/' }), // a YouTube message from another site
      collector.receive(sighting({ platform: 'x' }), YT), // an X message from a YouTube page
      collector.receive({ type: 'captcha', platform: 'youtube', phase: 'passed', widget: 'k', ts: now() }, YT),
    ];
    expect(refusals.every((r) => !r.ok)).toBe(true);
    await collector.flush();
    expect(await db.events.count()).toBe(0);
    expect(collector.refused).toHaveLength(6);
    expect(console.warn).toHaveBeenCalledTimes(6);
  });

  it('takes practice actions only from the extension’s own practice page', async () => {
    const like = { type: 'sighting', platform: 'practice', action: 'like', op: 'add', target: 'reaction', ts: now() };
    const from = (url: string): MessageSender => ({ id: EXT, url, tab: { id: 7, url } });
    expect(collector.receive(like, from('https://www.youtube.com/practice.html')).ok).toBe(false);
    expect(collector.receive(like, from(`chrome-extension://${EXT}/popup.html`)).ok).toBe(false);
    expect(collector.receive(like, { ...from(`chrome-extension://${EXT}/practice.html`), id: 'other' }).ok).toBe(false);
    const ok = collector.receive(like, from(`chrome-extension://${EXT}/practice.html`));
    expect(ok.ok).toBe(true);
    await collector.flush();
    expect(await db.events.toArray()).toMatchObject([{ platform: 'practice', kind: 'reaction', detail: 'like' }]);
  });

  it('takes practice actions from the welcome page’s practice widget too, and from no other extension page', async () => {
    const vote = { type: 'sighting', platform: 'practice', action: 'up', op: 'add', target: 'vote', ts: now() };
    const from = (url: string): MessageSender => ({ id: EXT, url, tab: { id: 8, url } });
    expect(collector.receive(vote, from(`chrome-extension://${EXT}/options.html`)).ok).toBe(false);
    expect(collector.receive(vote, from('https://www.youtube.com/welcome.html')).ok).toBe(false);
    expect(collector.receive(vote, from(`chrome-extension://${EXT}/welcome.html`)).ok).toBe(true);
    await collector.flush();
    expect(await db.events.toArray()).toMatchObject([{ platform: 'practice', kind: 'vote', detail: 'up' }]);
  });

  it('merges a DOM sighting with the platform request for the same video', async () => {
    collector.receive({ type: 'gesture', platform: 'youtube', ts: now() }, YT);
    const seen = collector.seeRequest(
      {
        url: 'https://www.youtube.com/youtubei/v1/like/like?prettyPrint=false',
        method: 'POST',
        tabId: 3,
        frameId: 0,
        timeStamp: now(),
        initiator: 'https://www.youtube.com',
        requestBody: jsonBody({ context: { client: {} }, target: { videoId: 'v1' } }),
      },
      DETECTORS,
    );
    expect(seen).toBe(true);
    collector.receive(sighting(), YT);
    await collector.flush();
    expect(await db.events.toArray()).toMatchObject([{ signal: 'dom+network', detail: 'like' }]);
  });

  it('ignores a platform request with no trusted gesture shortly before it in the same tab', async () => {
    // A report: seen only by its request (a like's request would only confirm its button).
    const request = (tabId: number, timeStamp: number) => ({
      url: 'https://www.youtube.com/youtubei/v1/flag/flag',
      method: 'POST',
      tabId,
      frameId: 0,
      initiator: 'https://www.youtube.com',
      timeStamp,
      requestBody: jsonBody({ params: 'p' }),
    });
    collector.receive({ type: 'gesture', platform: 'youtube', ts: now() - 60_000 }, YT); // tab 3, long ago
    collector.receive({ type: 'gesture', platform: 'youtube', ts: now() }, { ...YT, tab: { id: 4, url: YT.url } }); // another tab
    expect(collector.seeRequest(request(3, now()), DETECTORS)).toBe(true); // recognised...
    expect(collector.seeRequest(request(5, now()), DETECTORS)).toBe(true);
    await collector.flush();
    expect(await db.events.count()).toBe(0); // ...but not stored
    // The gesture's message may come a moment after the request it caused.
    expect(collector.seeRequest(request(3, now()), DETECTORS)).toBe(true);
    collector.receive({ type: 'gesture', platform: 'youtube', ts: now() }, YT);
    await collector.flush();
    expect(await db.events.count()).toBe(1);
  });

  it('ignores GET requests, other endpoints, and requests the extension itself sends', () => {
    const base = {
      method: 'POST',
      tabId: 3,
      frameId: 0,
      initiator: 'https://www.youtube.com',
      timeStamp: now(),
      requestBody: jsonBody({ target: { videoId: 'v1' } }),
    };
    expect(
      collector.seeRequest({ ...base, method: 'GET', url: 'https://www.youtube.com/youtubei/v1/like/like' }, DETECTORS),
    ).toBe(false);
    expect(collector.seeRequest({ ...base, url: 'https://www.youtube.com/youtubei/v1/next' }, DETECTORS)).toBe(false);
    expect(
      collector.seeRequest(
        { ...base, url: 'https://www.youtube.com/youtubei/v1/like/like', initiator: `chrome-extension://${EXT}` },
        DETECTORS,
      ),
    ).toBe(false);
  });

  it('times a reCAPTCHA challenge from shown to passed, with its rounds, across frames', async () => {
    const t = now();
    const bframe = FRAME('https://www.google.com/recaptcha/api2/bframe?k=KEY');
    collector.receive({ type: 'captcha', platform: 'recaptcha', phase: 'shown', widget: 'KEY', ts: t }, bframe);
    collector.receive({ type: 'captcha', platform: 'recaptcha', phase: 'round', widget: 'KEY', ts: t + 4000 }, bframe);
    collector.receive({ type: 'captcha', platform: 'recaptcha', phase: 'round', widget: 'KEY', ts: t + 8000 }, bframe);
    collector.receive(
      { type: 'captcha', platform: 'recaptcha', phase: 'passed', widget: 'KEY', ts: t + 8500 },
      FRAME(ANCHOR_URL),
    );
    await collector.flush();
    expect(await db.events.toArray()).toMatchObject([
      { platform: 'recaptcha', kind: 'captcha', detail: 'challenge', durationMs: 8500, rounds: 2, host: 'shop.example' },
    ]);
    // The widget's steps are gone; what stays is the tab's last pass (one per 30 s and provider).
    expect((await db.pending.toArray()).map((p) => p.key)).toEqual([expect.stringMatching(/^last-pass\|/)]);
  });

  it('counts a pass with no challenge as a checkbox, unmeasured', async () => {
    collector.receive({ type: 'captcha', platform: 'recaptcha', phase: 'passed', widget: 'KEY', ts: now() }, FRAME(ANCHOR_URL));
    await collector.flush();
    const [ev] = await db.events.toArray();
    expect(ev).toMatchObject({ detail: 'checkbox' });
    expect(ev?.durationMs).toBeUndefined();
  });

  it('confirms a message once stored, and drops a resend of it (exactly once)', async () => {
    const message = sighting({ id: 'msg-0001-aaaa', target: 'v9' });
    const first = collector.receive(message, YT);
    expect(first.ok).toBe(true);
    await (first as { stored: Promise<void> }).stored;
    expect(await db.events.count()).toBe(1);
    // The confirmation was lost (the worker stopped): the content script sends it again.
    const again = collector.receive(message, YT);
    await (again as { stored: Promise<void> }).stored;
    expect(await db.events.count()).toBe(1);
    expect(await db.seen.get('msg-0001-aaaa')).toBeDefined();
    // A like of another video with another id still counts.
    await (collector.receive(sighting({ id: 'msg-0002-bbbb', target: 'v10' }), YT) as { stored: Promise<void> }).stored;
    expect(await db.events.count()).toBe(2);
  });

  it('does not confirm a batch that could not be written, so that it is sent again', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const full = Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
    // New events are written together at the end of the batch (lib/db/event-batch.ts).
    const write = vi.spyOn(db.events, 'bulkAdd').mockRejectedValueOnce(full);
    const r = collector.receive(sighting({ id: 'msg-0003-cccc' }), YT) as { stored: Promise<void> };
    await expect(r.stored).rejects.toThrow('The quota has been exceeded.');
    expect(await db.seen.count()).toBe(0); // rolled back with the rest of the batch
    // The popup asks for this and says that storage is full.
    expect(collector.storageProblem).toMatchObject({ full: true });
    expect(changed).toBeGreaterThan(0);
    write.mockRestore();
    await (collector.receive(sighting({ id: 'msg-0003-cccc' }), YT) as { stored: Promise<void> }).stored;
    expect(await db.events.count()).toBe(1);
    expect(collector.storageProblem).toBeUndefined(); // cleared by the next successful write
  });

  it('recovers when even the first write (the salt for target keys) failed for a full disk', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const full = Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
    const put = vi.spyOn(db.meta, 'put').mockRejectedValueOnce(full);
    const r = collector.receive(sighting({ id: 'msg-0004-dddd', target: 'v4' }), YT) as { stored: Promise<void> };
    await expect(r.stored).rejects.toThrow();
    expect(await db.events.count()).toBe(0);
    put.mockRestore();
    // Space is back: the resend is stored, with a salt made now.
    await (collector.receive(sighting({ id: 'msg-0004-dddd', target: 'v4' }), YT) as { stored: Promise<void> }).stored;
    expect(await db.events.count()).toBe(1);
    expect(typeof (await db.meta.get('salt'))?.value).toBe('string');
  });

  it('stores a burst of 2,000 sightings from many targets without losing one', async () => {
    const t = now();
    const receipts = [];
    for (let i = 0; i < 2000; i++) receipts.push(collector.receive(sighting({ target: `video-${i}`, ts: t + i }), YT));
    await collector.flush();
    expect(await db.events.count()).toBe(2000);
    // Each stored in its batch's own transaction, and said so: no receipt refused (a refused one is sent again).
    const outcomes = await Promise.allSettled(receipts.map((r) => (r as { stored: Promise<void> }).stored));
    expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
  });
});

describe('network helpers', () => {
  it('parses JSON and form bodies, and refuses unreadable ones', () => {
    expect(parseBody(jsonBody({ a: 1 }))).toEqual({ a: 1 });
    expect(parseBody({ formData: { id: ['t3_x'], dir: ['1'] } })).toEqual({ id: ['t3_x'], dir: ['1'] });
    const form = new TextEncoder().encode('id=t1_abc&dir=-1').buffer as ArrayBuffer;
    expect(parseBody({ raw: [{ bytes: form }] })).toEqual({ id: ['t1_abc'], dir: ['-1'] });
    expect(parseBody({ raw: [{ bytes: new Uint8Array([0xff, 0xfe, 0x00]).buffer as ArrayBuffer }] })).toBeUndefined();
    expect(parseBody(null)).toBeUndefined();
  });

  it('derives one filter list from the registry', () => {
    expect(networkFilters(DETECTORS)).toContain('https://x.com/i/api/graphql/*/FavoriteTweet');
    expect(networkFilters(DETECTORS)).toContain('https://www.youtube.com/youtubei/v1/like/like?*');
  });
});

describe('isQuotaError', () => {
  it('recognises a full disk, also wrapped by Dexie, and nothing else', async () => {
    const { isQuotaError } = await import('@/lib/background/collector');
    expect(isQuotaError({ name: 'QuotaExceededError' })).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })).toBe(true);
    expect(isQuotaError(new Error('boom'))).toBe(false);
    expect(isQuotaError(undefined)).toBe(false);
  });
});
