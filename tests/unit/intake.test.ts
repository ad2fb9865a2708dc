import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Collector, type MessageSender } from '@/lib/background/collector';
import { networkFilters, type RequestDetails } from '@/lib/background/network';
import { ClickworkDB } from '@/lib/db/schema';
import { saveTracking } from '@/lib/db/tracking';
import { DETECTORS } from '@/lib/detectors/registry';
import { matchesAny } from '@/lib/match-pattern';

/** Durable intake (item 3), off means off (item 4) and narrow filters (item 9) of issue 12. */

const EXT = 'abcdefghijklmnop';
const FB_PAGE = 'https://www.facebook.com/';
let db: ClickworkDB;
let n = 0;
beforeEach(() => {
  db = new ClickworkDB(`intake-${++n}`);
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  vi.spyOn(console, 'debug').mockImplementation(() => {});
});
afterEach(async () => {
  await db.delete();
});

const sender = (url = FB_PAGE, incognito = false): MessageSender =>
  ({ id: EXT, url, frameId: 0, documentId: 'doc-1', tab: { id: 3, url, incognito } }) as MessageSender;

/** A request whose body counts how often it is read. */
function watchedPost(url: string, text: string, from = FB_PAGE) {
  const reads = { count: 0 };
  const bytes = new TextEncoder().encode(text).buffer as ArrayBuffer;
  const details = {
    url,
    method: 'POST',
    tabId: 3,
    frameId: 0,
    documentId: 'doc-1',
    initiator: new URL(from).origin,
    timeStamp: Date.now(),
    requestBody: {
      get raw() {
        reads.count++;
        return [{ bytes }];
      },
    },
  } as RequestDetails;
  return { details, reads };
}

const like = (i: number) =>
  new URLSearchParams({
    fb_api_req_friendly_name: 'CometUFIFeedbackReactMutation',
    variables: JSON.stringify({ input: { feedback_id: `f${i}`, feedback_reaction_id: '1635855486666999' } }),
  }).toString();
const gesture = (c: Collector, s = sender()) => c.receive({ type: 'gesture', platform: 'facebook', ts: Date.now() }, s);

describe('durable intake', () => {
  it('stores a request-only action within 150 ms of the request when its gesture is known', async () => {
    const c = new Collector(db, EXT);
    // A worker already running: the database open and the salt made.
    await (c.receive({ type: 'health', platform: 'facebook', ok: true, ts: Date.now() }, sender()) as { stored: Promise<void> })
      .stored;
    gesture(c);
    await c.flush();
    c.seeRequest(watchedPost('https://www.facebook.com/api/graphql/', like(1)).details, DETECTORS);
    await new Promise((r) => setTimeout(r, 150));
    // The worker may be stopped from here on: what is stored is safe.
    expect(await db.events.count()).toBe(1);
  });

  it('keeps gestures across a worker restart: a request seen by the next worker still counts', async () => {
    const before = new Collector(db, EXT);
    gesture(before);
    await before.flush();
    const after = new Collector(db, EXT); // the stopped worker's memory is gone
    after.seeRequest(watchedPost('https://www.facebook.com/api/graphql/', like(2)).details, DETECTORS);
    await after.flush();
    expect(await db.events.toArray()).toMatchObject([{ platform: 'facebook', detail: 'like', signal: 'network' }]);
  });

  it('keeps a request waiting for its click’s confirmation across a worker restart', async () => {
    const YT = 'https://www.youtube.com/watch?v=v1';
    const yt = { ...sender(YT), documentId: 'yt-doc' } as MessageSender;
    const before = new Collector(db, EXT);
    before.receive({ type: 'gesture', platform: 'youtube', ts: Date.now() }, yt);
    const { details } = watchedPost(
      'https://www.youtube.com/youtubei/v1/like/like',
      JSON.stringify({ target: { videoId: 'v1' } }),
      YT,
    );
    before.seeRequest({ ...details, documentId: 'yt-doc' } as RequestDetails, DETECTORS);
    await before.flush();
    const after = new Collector(db, EXT);
    after.receive({ type: 'sighting', platform: 'youtube', action: 'like', op: 'add', target: 'v1', ts: Date.now() }, yt);
    await after.flush();
    expect(await db.events.toArray()).toMatchObject([{ detail: 'like', signal: 'dom+network' }]);
  });
});

describe('off means off', () => {
  it.each([
    ['switched off', { disabled: ['facebook'] as 'facebook'[], privateWindows: false }, false],
    ['paused', { disabled: [], privateWindows: false, pausedUntil: Date.now() + 3_600_000 }, false],
    ['in a private window not allowed', { disabled: [], privateWindows: false }, true],
  ])('%s: writes nothing (no health row, no gesture) and decodes no request body', async (_what, settings, incognito) => {
    await saveTracking(db, settings);
    const c = new Collector(db, EXT);
    await c.refreshTracking();
    const s = sender(FB_PAGE, incognito);
    c.receive({ type: 'health', platform: 'facebook', ok: true, ts: Date.now() }, s);
    gesture(c, s);
    const { details, reads } = watchedPost('https://www.facebook.com/api/graphql/', like(3));
    c.seeRequest(details, DETECTORS);
    await c.flush();
    expect(await db.health.count()).toBe(0);
    expect(await db.events.count()).toBe(0);
    expect(reads.count).toBe(0);
    const tables = db.tables.filter((t) => !['meta', 'seen'].includes(t.name));
    for (const t of tables) expect(await t.count(), t.name).toBe(0);
  });
});

describe('narrow request filters', () => {
  const filters = networkFilters(DETECTORS);

  it('match only the endpoints counted, over https', () => {
    for (const url of [
      'https://chatgpt.com/backend-api/conversation', // the prompt itself
      'https://chatgpt.com/backend-api/files',
      'https://www.youtube.com/youtubei/v1/next',
      'https://www.youtube.com/youtubei/v1/player',
      'https://x.com/i/api/graphql/abc/SearchTimeline',
      'https://x.com/i/api/graphql/abc/CreateDM',
      'https://www.reddit.com/api/submit',
      'https://www.reddit.com/svc/shreddit/events',
      'https://stackoverflow.com/posts/1/edit-submit/2',
      'https://www.instagram.com/api/v1/web/search/topsearch/',
      'https://www.linkedin.com/voyager/api/messaging/conversations',
      'https://www.tiktok.com/api/comment/list/',
      'https://api-partner.spotify.com/pathfinder/v1/search',
      'https://api.graphql.imdb.com/anything/else',
      'http://www.youtube.com/youtubei/v1/like/like',
      'http://www.facebook.com/api/graphql/',
    ]) {
      expect(matchesAny(filters, url), url).toBe(false);
    }
  });

  it('still match every endpoint the platforms use for the actions counted', () => {
    for (const url of [
      'https://chatgpt.com/backend-api/conversation/message_feedback',
      'https://www.youtube.com/youtubei/v1/like/like?prettyPrint=false',
      'https://www.youtube.com/youtubei/v1/like/removelike?prettyPrint=false',
      'https://www.youtube.com/youtubei/v1/comment/create_comment?prettyPrint=false',
      'https://www.youtube.com/youtubei/v1/comment/create_comment_reply',
      'https://www.youtube.com/youtubei/v1/comment/perform_comment_action?prettyPrint=false',
      'https://www.youtube.com/youtubei/v1/flag/flag?prettyPrint=false',
      'https://x.com/i/api/graphql/lI07N6Otwv1PhnEgXILM7A/FavoriteTweet',
      'https://x.com/i/api/graphql/abc/CreateTweet',
      'https://www.reddit.com/svc/shreddit/graphql',
      'https://www.reddit.com/svc/shreddit/t3_abc/create-comment',
      'https://old.reddit.com/api/vote',
      'https://www.reddit.com/api/comment',
      'https://github.com/wxt-dev/wxt/star',
      'https://github.com/wxt-dev/wxt/reactions',
      'https://stackoverflow.com/posts/123/vote/2',
      'https://stackoverflow.com/flags/posts/123/add/PostOther',
      'https://www.facebook.com/api/graphql/',
      'https://www.instagram.com/graphql/query',
      'https://www.instagram.com/api/v1/web/likes/123/like/',
      'https://www.linkedin.com/flagship-web/rsc-action/actions/server-request?sduiid=com.linkedin.sdui.reactions.create',
      'https://www.linkedin.com/voyager/api/voyagerSocialDashReactions?threadUrn=x',
      'https://www.tiktok.com/api/commit/item/digg/?aid=1988',
      'https://api-partner.spotify.com/pathfinder/v2/query',
      'https://api.graphql.imdb.com/',
    ]) {
      expect(matchesAny(filters, url), url).toBe(true);
    }
  });

  it('never decodes the body of a request to an endpoint not counted (a ChatGPT prompt)', async () => {
    const c = new Collector(db, EXT);
    const chat = { ...sender('https://chatgpt.com/c/1') } as MessageSender;
    c.receive({ type: 'gesture', platform: 'chatgpt', ts: Date.now() }, chat);
    const { details, reads } = watchedPost(
      'https://chatgpt.com/backend-api/conversation',
      JSON.stringify({ messages: [{ content: 'my private prompt' }] }),
      'https://chatgpt.com/c/1',
    );
    c.seeRequest(details, DETECTORS);
    await c.flush();
    expect(reads.count).toBe(0);
  });
});
