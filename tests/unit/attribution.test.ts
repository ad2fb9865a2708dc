import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Collector, type MessageSender } from '@/lib/background/collector';
import type { RequestDetails } from '@/lib/background/network';
import { ClickworkDB } from '@/lib/db/schema';
import { DETECTORS } from '@/lib/detectors/registry';

/**
 * Attribution (issue 12, item 1): a request counts only from a top-level document of its own
 * platform, after a trusted gesture on that platform's page in that tab, frame and document, at
 * most once per gesture and action, and only where no DOM control reports the action.
 */

const EXT = 'abcdefghijklmnop';
let db: ClickworkDB;
let collector: Collector;
let n = 0;
beforeEach(() => {
  db = new ClickworkDB(`attribution-${++n}`);
  collector = new Collector(db, EXT);
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  vi.spyOn(console, 'debug').mockImplementation(() => {});
});
afterEach(async () => {
  await db.delete();
});

interface Where {
  tab?: number;
  frame?: number;
  doc?: string;
}

/** A content script's sender, as Chrome reports it (frameId, documentId). */
function pageSender(url: string, { tab = 3, frame = 0, doc = 'doc-1' }: Where = {}, top = url): MessageSender {
  return { id: EXT, url, frameId: frame, documentId: doc, tab: { id: tab, url: top } } as MessageSender;
}

const encode = (text: string) => ({ raw: [{ bytes: new TextEncoder().encode(text).buffer as ArrayBuffer }] });

/** A POST the page at `from` sent, as Chrome's webRequest reports it. */
function post(url: string, body: unknown, from: string, { tab = 3, frame = 0, doc = 'doc-1' }: Where = {}): RequestDetails {
  return {
    url,
    method: 'POST',
    tabId: tab,
    frameId: frame,
    documentId: doc,
    initiator: new URL(from).origin,
    timeStamp: Date.now(),
    requestBody: typeof body === 'string' ? encode(body) : encode(JSON.stringify(body)),
  } as RequestDetails;
}

const gesture = (platform: string, sender: MessageSender) =>
  collector.receive({ type: 'gesture', platform, ts: Date.now() }, sender);
const YT_PAGE = 'https://www.youtube.com/watch?v=v1';
const FB_PAGE = 'https://www.facebook.com/';
const REDDIT_PAGE = 'https://www.reddit.com/r/test/comments/abc/x/';
const ytLike = (videoId: string) =>
  ['https://www.youtube.com/youtubei/v1/like/like?prettyPrint=false', { target: { videoId } }] as const;
const fbForm = (name: string, input: Record<string, unknown>) =>
  new URLSearchParams({ fb_api_req_friendly_name: name, variables: JSON.stringify({ input }) }).toString();
const fbReact = (i: number) =>
  fbForm('CometUFIFeedbackReactMutation', { feedback_id: `feedback-${i}`, feedback_reaction_id: '1635855486666999' });

const active = async () => (await db.events.toArray()).filter((e) => !e.undoneAt);

describe('attribution of platform requests', () => {
  it('a volley after one click on text stores only one network-only action per action, and nothing a DOM control reports', async () => {
    gesture('youtube', pageSender(YT_PAGE));
    for (let i = 0; i < 50; i++) {
      collector.seeRequest(post(...ytLike(`video-${i}`), YT_PAGE), DETECTORS);
      collector.seeRequest(
        post('https://www.youtube.com/youtubei/v1/comment/create_comment', { commentText: `spam ${i}` }, YT_PAGE),
        DETECTORS,
      );
      collector.seeRequest(post('https://www.youtube.com/youtubei/v1/flag/flag', { params: `p${i}` }, YT_PAGE), DETECTORS);
    }
    await collector.flush();
    // Likes and comments have DOM controls: their requests alone prove nothing. Reporting is seen
    // only by its request: one per gesture.
    expect((await active()).map((e) => `${e.kind}/${e.detail}/${e.signal}`)).toEqual(['report/report/network']);
  });

  it('on a network-only platform, one gesture lets through at most one action of each kind of control', async () => {
    gesture('facebook', pageSender(FB_PAGE));
    for (let i = 0; i < 100; i++) {
      collector.seeRequest(post('https://www.facebook.com/api/graphql/', fbReact(i), FB_PAGE), DETECTORS);
      collector.seeRequest(
        post(
          'https://www.facebook.com/api/graphql/',
          fbForm('useCometUFICreateCommentMutation', { feedback_id: `c${i}` }),
          FB_PAGE,
        ),
        DETECTORS,
      );
    }
    await collector.flush();
    expect((await active()).map((e) => e.detail).sort()).toEqual(['comment', 'like']);
    // The next real click vouches for one more.
    gesture('facebook', pageSender(FB_PAGE));
    collector.seeRequest(post('https://www.facebook.com/api/graphql/', fbReact(500), FB_PAGE), DETECTORS);
    collector.seeRequest(post('https://www.facebook.com/api/graphql/', fbReact(501), FB_PAGE), DETECTORS);
    await collector.flush();
    expect((await active()).filter((e) => e.detail === 'like')).toHaveLength(2);
  });

  it('a request’s action whose write failed (a full disk) is tried again, and stored once', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    gesture('facebook', pageSender(FB_PAGE));
    await collector.flush();
    const full = Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
    // New events are written together at the end of a batch (lib/db/event-batch.ts): the first try fails.
    const write = vi.spyOn(db.events, 'bulkAdd').mockRejectedValueOnce(full);
    collector.seeRequest(post('https://www.facebook.com/api/graphql/', fbReact(1), FB_PAGE), DETECTORS);
    await vi.waitFor(() => expect(collector.storageProblem).toMatchObject({ full: true }), { timeout: 2_000, interval: 10 });
    expect(await db.events.count()).toBe(0);
    // Nothing can send a request again: the background tries it again itself; flush waits for it.
    await collector.flush();
    expect(write).toHaveBeenCalledTimes(2);
    expect((await active()).map((e) => `${e.detail}/${e.signal}`)).toEqual(['like/network']);
    expect(collector.storageProblem).toBeUndefined();
  });

  it('a request’s undo that comes while its add waits for a new try is stored after it', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    // A request-only toggle: a reaction on Facebook, then taking it back.
    gesture('facebook', pageSender(FB_PAGE));
    await collector.flush();
    const full = Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
    const write = vi.spyOn(db.events, 'bulkAdd').mockRejectedValueOnce(full);
    collector.seeRequest(post('https://www.facebook.com/api/graphql/', fbReact(7), FB_PAGE), DETECTORS);
    await vi.waitFor(() => expect(collector.storageProblem).toMatchObject({ full: true }), { timeout: 2_000, interval: 10 });
    // Space is back before the add's new try; the undo comes now.
    await new Promise((r) => setTimeout(r, 200));
    gesture('facebook', pageSender(FB_PAGE, { doc: 'doc-1' }));
    await new Promise((r) => setTimeout(r, 20));
    collector.seeRequest(
      post(
        'https://www.facebook.com/api/graphql/',
        fbForm('CometUFIFeedbackReactMutation', { feedback_id: 'feedback-7', feedback_reaction_id: '0' }),
        FB_PAGE,
      ),
      DETECTORS,
    );
    await collector.flush();
    expect(write.mock.calls.length).toBeGreaterThanOrEqual(2);
    // The add, then its undo: nothing left counted.
    expect(await active()).toEqual([]);
    expect(await db.events.count()).toBe(1);
  });

  it('a request’s action refused for another reason than a full disk is not tried again', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    gesture('facebook', pageSender(FB_PAGE));
    await collector.flush();
    const write = vi.spyOn(db.events, 'bulkAdd').mockRejectedValueOnce(new Error('something else'));
    collector.seeRequest(post('https://www.facebook.com/api/graphql/', fbReact(2), FB_PAGE), DETECTORS);
    await collector.flush();
    await new Promise((r) => setTimeout(r, 700)); // past the first new try's time
    expect(write).toHaveBeenCalledTimes(1);
    expect(await db.events.count()).toBe(0);
  });

  it('a gesture message standing for two clicks (two playlists ticked within 150 ms) lets two actions through, not three', async () => {
    const ytSave = (playlistId: string) =>
      post(
        'https://www.youtube.com/youtubei/v1/browse/edit_playlist?prettyPrint=false',
        { playlistId, actions: [{ action: 'ACTION_ADD_VIDEO', addedVideoId: 'v1' }] },
        YT_PAGE,
      );
    collector.receive({ type: 'gesture', platform: 'youtube', ts: Date.now(), clicks: 2 }, pageSender(YT_PAGE));
    for (const list of ['WL', 'PLa', 'PLb', 'PLc']) collector.seeRequest(ytSave(list), DETECTORS);
    await collector.flush();
    expect((await active()).map((e) => `${e.kind}/${e.detail}`)).toEqual(['tag/playlist', 'tag/playlist']);
  });

  it('refuses a gesture message that claims one click, more than four, or a count that is not a whole number', () => {
    for (const clicks of [1, 5, 2.5, '2', null, 0, -3]) {
      const receipt = collector.receive(
        { type: 'gesture', platform: 'youtube', ts: Date.now(), clicks } as never,
        pageSender(YT_PAGE),
      );
      expect(receipt).toMatchObject({ ok: false, error: expect.stringContaining('clicks') });
    }
  });

  it('a frame of another platform (a YouTube embed inside Reddit) stores nothing', async () => {
    gesture('reddit', pageSender(REDDIT_PAGE));
    const embed = 'https://www.youtube.com/embed/v1';
    for (let i = 0; i < 5; i++) {
      collector.seeRequest(post(...ytLike(`v${i}`), embed, { frame: 7, doc: 'embed-doc' }), DETECTORS);
      collector.seeRequest(
        post('https://www.youtube.com/youtubei/v1/flag/flag', {}, embed, { frame: 7, doc: 'embed-doc' }),
        DETECTORS,
      );
    }
    // Nor does the Reddit page itself posting to YouTube's API.
    collector.seeRequest(post('https://www.youtube.com/youtubei/v1/flag/flag', {}, REDDIT_PAGE), DETECTORS);
    await collector.flush();
    expect(await db.events.count()).toBe(0);
  });

  it('a same-tab navigation to another supported site, or another page of the same one, stores nothing', async () => {
    gesture('reddit', pageSender(REDDIT_PAGE, { doc: 'reddit-doc' }));
    collector.seeRequest(post('https://www.youtube.com/youtubei/v1/flag/flag', {}, YT_PAGE, { doc: 'yt-doc' }), DETECTORS);
    collector.seeRequest(post('https://www.facebook.com/api/graphql/', fbReact(1), FB_PAGE, { doc: 'fb-doc' }), DETECTORS);
    await collector.flush();
    expect(await db.events.count()).toBe(0);
    // A gesture on one Facebook page does not vouch for the next page loaded in the tab.
    gesture('facebook', pageSender(FB_PAGE, { doc: 'fb-doc-1' }));
    collector.seeRequest(post('https://www.facebook.com/api/graphql/', fbReact(2), FB_PAGE, { doc: 'fb-doc-2' }), DETECTORS);
    await collector.flush();
    expect(await db.events.count()).toBe(0);
  });

  it('Firefox: without document ids, a request from another site’s document or a frame stores nothing', async () => {
    const firefox = (url: string, body: string, documentUrl: string, frameId = 0): RequestDetails =>
      ({
        url,
        method: 'POST',
        tabId: 3,
        frameId,
        documentUrl,
        originUrl: documentUrl,
        timeStamp: Date.now(),
        requestBody: encode(body),
      }) as RequestDetails;
    const sender = { id: EXT, url: FB_PAGE, frameId: 0, tab: { id: 3, url: FB_PAGE } } as MessageSender;
    gesture('facebook', sender);
    collector.seeRequest(firefox('https://www.facebook.com/api/graphql/', fbReact(1), 'https://evil.example/'), DETECTORS);
    collector.seeRequest(firefox('https://www.facebook.com/api/graphql/', fbReact(2), FB_PAGE, 4), DETECTORS);
    await collector.flush();
    expect(await db.events.count()).toBe(0);
    collector.seeRequest(firefox('https://www.facebook.com/api/graphql/', fbReact(3), FB_PAGE), DETECTORS);
    await collector.flush();
    expect(await active()).toMatchObject([{ platform: 'facebook', detail: 'like', signal: 'network', host: 'www.facebook.com' }]);
  });

  it('where a DOM control reports the action, its request alone stores nothing, and confirms the click when it comes', async () => {
    gesture('youtube', pageSender(YT_PAGE));
    collector.seeRequest(post(...ytLike('v1'), YT_PAGE), DETECTORS);
    await collector.flush();
    expect(await db.events.count()).toBe(0);
    collector.receive(
      { type: 'sighting', platform: 'youtube', action: 'like', op: 'add', target: 'v1', ts: Date.now() },
      pageSender(YT_PAGE),
    );
    await collector.flush();
    expect(await active()).toMatchObject([{ detail: 'like', signal: 'dom+network' }]);
  });
});
