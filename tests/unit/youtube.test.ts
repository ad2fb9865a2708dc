// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { LOCATION_POLL_MS } from '@/lib/content/context';
import { GESTURE_INTERVAL_MS, runDetector } from '@/lib/content/runtime';
import { closestOf } from '@/lib/detectors/dom';
import youtube, { commentAction, commentId, videoId } from '@/lib/detectors/youtube';
import type { ContentMessage } from '@/lib/messages';
import { realPages } from '../real-pages';
import { collect, fakeHost, fixture, loadPage, tick, trustedClick } from './helpers';

const WATCH = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ';
const toggle = youtube.toggles[0];
const CAPTURE = 'youtube_watch_ssr_loggedout_2024-06.html';
const real = realPages(CAPTURE);

function likeButtons(doc: Document) {
  return {
    like: doc.querySelector('like-button-view-model button') as HTMLElement,
    dislike: doc.querySelector('dislike-button-view-model button') as HTMLElement,
  };
}

/** What YouTube's own script does when a click is accepted: flip aria-pressed. */
function press(el: HTMLElement, other?: HTMLElement) {
  el.setAttribute('aria-pressed', el.getAttribute('aria-pressed') === 'true' ? 'false' : 'true');
  other?.setAttribute('aria-pressed', 'false');
}

describe('youtube detector', () => {
  let host = fakeHost();
  afterEach(() => {
    host.invalidate();
    host = fakeHost();
  });

  it('reads video ids from watch, Shorts and live addresses', () => {
    expect(videoId(new URL(WATCH))).toBe('dQw4w9WgXcQ');
    expect(videoId(new URL('https://www.youtube.com/shorts/abcDEF12345'))).toBe('abcDEF12345');
    expect(videoId(new URL('https://www.youtube.com/live/abcDEF12345?si=x'))).toBe('abcDEF12345');
    expect(videoId(new URL('https://www.youtube.com/feed/subscriptions'))).toBeUndefined();
  });

  for (const file of ['watch-rendered.html', 'watch-rendered.fr.html']) {
    it(`finds the like control, its scope and its state in ${file}`, () => {
      const doc = loadPage(fixture(`youtube/${file}`), WATCH);
      const { like, dislike } = likeButtons(doc);
      const scope = closestOf(like, toggle.scope) as Element;
      expect(scope.tagName.toLowerCase()).toBe('segmented-like-dislike-button-view-model');
      expect(closestOf(like.querySelector('svg') as Element, toggle.control)).toBe(like);
      expect(toggle.state(scope)).toBeNull();
      press(like);
      expect(toggle.state(scope)).toBe('like');
      press(dislike, like);
      expect(toggle.state(scope)).toBe('dislike');
    });

    it(`counts a like, a switch to dislike and an undo in ${file}`, async () => {
      const doc = loadPage(fixture(`youtube/${file}`), WATCH);
      const sent: ContentMessage[] = [];
      runDetector(youtube, host, collect(sent));
      const { like, dislike } = likeButtons(doc);
      trustedClick(like);
      press(like);
      await tick();
      trustedClick(dislike);
      press(dislike, like);
      await tick();
      trustedClick(dislike);
      press(dislike);
      await tick();
      expect(sent.map((m) => m.type === 'sighting' && [m.action, m.op, m.target])).toEqual([
        ['like', 'add', 'dQw4w9WgXcQ'],
        ['dislike', 'add', 'dQw4w9WgXcQ'],
        ['dislike', 'undo', 'dQw4w9WgXcQ'],
      ]);
    });
  }

  it('keeps watching a clicked like when the page only rewrites its address; stops when it shows another video', async () => {
    {
      const doc = loadPage(fixture('youtube/watch-rendered.html'), WATCH);
      const sent: ContentMessage[] = [];
      runDetector(youtube, host, collect(sent));
      const { like } = likeButtons(doc);
      trustedClick(like);
      history.replaceState(null, '', `${WATCH}&t=42s`); // the same video: a page trying to end the watch
      await tick(LOCATION_POLL_MS + 200);
      press(like);
      await tick();
      expect(sent.map((m) => m.type === 'sighting' && [m.action, m.op, m.target])).toEqual([['like', 'add', 'dQw4w9WgXcQ']]);
      trustedClick(like);
      history.pushState(null, '', 'https://www.youtube.com/watch?v=aaaaaaaaaaa'); // the next video, same button
      await tick(LOCATION_POLL_MS + 200);
      press(like);
      await tick();
      expect(sent).toHaveLength(1);
    }
  });

  it('counts nothing for untrusted clicks, pressed rendering, or a click the platform ignores', async () => {
    const doc = loadPage(fixture('youtube/watch-rendered.html'), WATCH);
    const sent: ContentMessage[] = [];
    runDetector(youtube, host, collect(sent));
    const { like, dislike } = likeButtons(doc);
    like.click(); // synthetic: isTrusted is false
    press(like);
    await tick();
    press(like); // renders unpressed again, with no click at all
    await tick();
    trustedClick(dislike); // a click YouTube does not act on (signed out): no state change
    await tick(50);
    expect(sent).toEqual([]);
  });

  it('counts a submitted comment once the box is emptied, not an empty submit', async () => {
    const doc = loadPage(fixture('youtube/watch-rendered.html'), WATCH);
    const sent: ContentMessage[] = [];
    runDetector(youtube, host, collect(sent));
    const box = doc.querySelector('#contenteditable-root') as HTMLElement;
    const submit = doc.querySelector('#submit-button button') as HTMLElement;
    trustedClick(submit); // empty composer: nothing to submit
    box.textContent = 'Great song';
    trustedClick(submit);
    await tick(100);
    expect(sent).toEqual([]); // not yet accepted
    box.textContent = '';
    await tick(400);
    expect(sent).toMatchObject([{ type: 'sighting', platform: 'youtube', action: 'comment', op: 'add', target: 'dQw4w9WgXcQ' }]);
  });

  it('vouches for the requests that follow with gesture messages for trusted input only, one per action', async () => {
    const doc = loadPage(fixture('youtube/watch-rendered.html'), WATCH);
    const sent: ContentMessage[] = [];
    runDetector(youtube, host, (m) => sent.push(m));
    const gestures = () => sent.filter((m) => m.type === 'gesture');
    const key = (target: Element, k: string, repeat = false) => {
      const e = new KeyboardEvent('keydown', { key: k, bubbles: true, repeat });
      Object.defineProperty(e, 'isTrusted', { value: true });
      target.dispatchEvent(e);
    };
    const { like } = likeButtons(doc);
    like.click(); // untrusted
    key(doc.querySelector('#contenteditable-root') as Element, 'a'); // typing
    key(doc.body, 'Control'); // a modifier alone
    await tick();
    expect(gestures()).toEqual([]);
    // Enter on the button and the click the browser makes of it: one action, one gesture.
    key(like, 'Enter');
    trustedClick(like);
    await tick(GESTURE_INTERVAL_MS + 20);
    expect(gestures()).toHaveLength(1);
    expect(gestures()[0]).not.toHaveProperty('clicks');
    // A key held down (auto-repeat) is one gesture, not one per repeat.
    for (let i = 0; i < 30; i++) key(doc.body, 'l', i > 0);
    await tick(GESTURE_INTERVAL_MS + 20);
    expect(gestures()).toHaveLength(2);
    expect(gestures()[1]).not.toHaveProperty('clicks');
  });

  it.skipIf(real.skip)('matches the InnerTube endpoints named in the real watch page, and only those', () => {
    const html = real.read(CAPTURE);
    const apiUrls = [...new Set([...html.matchAll(/"apiUrl":"(\/youtubei\/v1\/[a-z_/]+)"/g)].map((m) => m[1] as string))];
    expect(apiUrls.length).toBeGreaterThan(10);
    const videoIdInPage = /"likeEndpoint":\{"status":"LIKE","target":\{"videoId":"([\w-]+)"/.exec(html)?.[1];
    expect(videoIdInPage).toBeTruthy();
    const results = Object.fromEntries(
      apiUrls.map((path) => {
        const req = {
          url: new URL(`https://www.youtube.com${path}?prettyPrint=false`),
          method: 'POST',
          body: { target: { videoId: videoIdInPage } },
        };
        const hit = youtube.network.map((r) => r.match(req)).find(Boolean) ?? null;
        return [path, hit];
      }),
    );
    expect(results['/youtubei/v1/like/like']).toEqual({ action: 'like', op: 'add', target: videoIdInPage });
    expect(results['/youtubei/v1/like/dislike']).toEqual({ action: 'dislike', op: 'add', target: videoIdInPage });
    expect(results['/youtubei/v1/like/removelike']).toEqual({ action: 'like', op: 'undo', target: videoIdInPage });
    const others = Object.entries(results).filter(([path]) => !path.startsWith('/youtubei/v1/like/'));
    expect(others.length).toBeGreaterThan(5);
    expect(others.filter(([, hit]) => hit !== null)).toEqual([]);
  });

  it('matches comment creation by endpoint name', () => {
    const match = (path: string) =>
      youtube.network
        .map((r) => r.match({ url: new URL(`https://www.youtube.com${path}`), method: 'POST', body: {} }))
        .find(Boolean);
    expect(match('/youtubei/v1/comment/create_comment')).toEqual({ action: 'comment', op: 'add' });
    expect(match('/youtubei/v1/comment/create_comment_reply')).toEqual({ action: 'reply', op: 'add' });
    expect(match('/youtubei/v1/comment/perform_comment_action')).toBeUndefined();
  });

  it.skipIf(real.skip)('counts nothing while the real server-rendered page loads', async () => {
    const sent: ContentMessage[] = [];
    loadPage(real.read(CAPTURE).replace(/<(script|iframe)[\s\S]*?<\/\1>/g, ''), WATCH);
    runDetector(youtube, host, collect(sent));
    await tick(20);
    expect(sent).toEqual([]);
  });
});

const COMMENT_ID = 'UgzA1b2C3d4E5f6G7h8i9AaABAg';

/**
 * A perform_comment_action token as YouTube's clients build it (LuanRT/YouTube.js's
 * PeformCommentActionParams): field 1 the type, 2 a constant, 3 the comment id, 5 the video id,
 * 23 the channel id; base64, then URI-encoded.
 */
function token(type: number, comment = COMMENT_ID, video = 'dQw4w9WgXcQ'): string {
  const str = (field: number, v: string) => {
    const bytes = [...new TextEncoder().encode(v)];
    const key = field < 16 ? [(field << 3) | 2] : [(((field << 3) | 2) & 0x7f) | 0x80, field >> 4];
    return [...key, bytes.length, ...bytes];
  };
  const raw = [0x08, type, 0x10, 2, ...str(3, comment), ...str(5, video), ...str(23, ' ')];
  return encodeURIComponent(btoa(String.fromCharCode(...raw)));
}

describe('youtube comment likes and reports', () => {
  let host = fakeHost();
  afterEach(() => {
    host.invalidate();
    host = fakeHost();
  });

  function commentButtons(doc: Document) {
    return {
      like: doc.querySelector('ytd-comment-engagement-bar #like-button button') as HTMLElement,
      dislike: doc.querySelector('ytd-comment-engagement-bar #dislike-button button') as HTMLElement,
    };
  }

  it('reads the comment id from its permalink', () => {
    const doc = loadPage(fixture('youtube/watch-comments.html'), WATCH);
    expect(commentId(doc.querySelector('ytd-comment-engagement-bar') as Element)).toBe(COMMENT_ID);
  });

  it('counts a comment like, a switch to dislike and an undo, on the comment, not the video', async () => {
    const doc = loadPage(fixture('youtube/watch-comments.html'), WATCH);
    const sent: ContentMessage[] = [];
    runDetector(youtube, host, collect(sent));
    const { like, dislike } = commentButtons(doc);
    trustedClick(like);
    press(like);
    await tick();
    trustedClick(dislike);
    press(dislike, like);
    await tick();
    trustedClick(dislike);
    press(dislike);
    await tick();
    expect(sent.map((m) => m.type === 'sighting' && [m.action, m.op, m.target])).toEqual([
      ['commentLike', 'add', COMMENT_ID],
      ['commentDislike', 'add', COMMENT_ID],
      ['commentDislike', 'undo', COMMENT_ID],
    ]);
    expect(youtube.actions.commentLike).toEqual({ kind: 'reaction', detail: 'like', slot: 'exclusive' });
  });

  it('reports nothing when a comment element the app reuses shows the next video’s comment (redrawn after the address changed)', async () => {
    const doc = loadPage(fixture('youtube/watch-comments.html'), WATCH);
    const sent: ContentMessage[] = [];
    runDetector(youtube, host, collect(sent));
    const { like } = commentButtons(doc);
    trustedClick(like);
    press(like);
    await tick();
    expect(sent).toHaveLength(1);
    // The next video: the address changes first (Chromium tells of it inside pushState), the app redraws after.
    history.pushState(null, '', 'https://www.youtube.com/watch?v=aaaaaaaaaaa');
    await tick(LOCATION_POLL_MS + 200);
    const link = doc.querySelector('#published-time-text a[href*="lc="]') as HTMLAnchorElement;
    link.setAttribute('href', '/watch?v=aaaaaaaaaaa&lc=UgzNEXTCOMMENT');
    press(like); // the next comment is not liked: not an undo of the person's like
    await tick();
    expect(sent.map((m) => m.type === 'sighting' && [m.action, m.op])).toEqual([['commentLike', 'add']]);
  });

  it('counts nothing for a comment that renders liked', async () => {
    const doc = loadPage(fixture('youtube/watch-comments.html'), WATCH);
    const sent: ContentMessage[] = [];
    runDetector(youtube, host, collect(sent));
    const { like } = commentButtons(doc);
    press(like);
    await tick();
    expect(sent).toEqual([]);
  });

  it('decodes the type and comment id of a comment action token', () => {
    expect(commentAction(token(5))).toEqual({ type: 5, commentId: COMMENT_ID });
    expect(commentAction(token(4, 'UgzReply.9abcDEF'))).toEqual({ type: 4, commentId: 'UgzReply.9abcDEF' });
    expect(commentAction('%%%not-base64')).toBeNull();
    expect(commentAction(btoa('\x0f\xff'))).toBeNull();
  });

  const match = (path: string, body: unknown) =>
    youtube.network
      .map((r) => r.match({ url: new URL(`https://www.youtube.com${path}?prettyPrint=false`), method: 'POST', body }))
      .find(Boolean) ?? null;

  it.each([
    [{ actions: [token(5)] }, { action: 'commentLike', op: 'add', target: COMMENT_ID }],
    [{ actions: [token(4)] }, { action: 'commentDislike', op: 'add', target: COMMENT_ID }],
    [{ actions: [token(6)] }, null], // another type (undo, delete): left to the DOM signal
    [{ actions: [token(22)] }, null], // translate
    [{ actions: ['garbage'] }, null],
    [{}, null],
  ])('matches perform_comment_action %#', (body, expected) => {
    expect(match('/youtubei/v1/comment/perform_comment_action', body)).toEqual(expected);
  });

  it('counts a report at its final submit only', () => {
    expect(match('/youtubei/v1/flag/flag', { action: 'opaque' })).toEqual({ action: 'report', op: 'add' });
    expect(match('/youtubei/v1/flag/get_form', { params: 'opaque' })).toBeNull();
  });
});
