// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { runDetector } from '@/lib/content/runtime';
import x, { operationName, tweetId } from '@/lib/detectors/x';
import type { ContentMessage } from '@/lib/messages';
import { realPages } from '../real-pages';
import { inStatusPage, X_ARTICLE } from '../real-trims';
import { collect, fakeHost, fixture, loadPage, tick, trustedClick } from './helpers';

const STATUS = 'https://x.com/TestUser123/status/1981398750557065646';
const ID = '1981398750557065646';
const real = realPages(X_ARTICLE);

/** A hand-written X page as it is, and with X's real article (2025-10) in place of its articles. */
const variants = (file: string) =>
  [
    ['hand-written article', () => fixture(file), false],
    ['real article', () => inStatusPage(fixture(file), real.read(X_ARTICLE)), real.skip],
  ] as const;

/** What X's own script does when it accepts a click: swap the button's test id. */
function swap(el: Element, to: string) {
  el.setAttribute('data-testid', to);
}

describe('x detector', () => {
  let host = fakeHost();
  afterEach(() => {
    host.invalidate();
    host = fakeHost();
  });

  for (const [what, html, skip] of variants('x/timeline.html')) {
    it.skipIf(skip)(`reads the post id of the ${what} from its permalink, even on the home timeline`, () => {
      const doc = loadPage(html(), 'https://x.com/home');
      const article = doc.querySelector('article[data-testid="tweet"]') as Element;
      expect(tweetId(article, new URL('https://x.com/home'))).toBe(ID);
    });

    it.skipIf(skip)(`counts like, repost through the confirm menu, bookmark, and their undo (${what})`, async () => {
      const doc = loadPage(html(), STATUS);
      const sent: ContentMessage[] = [];
      runDetector(x, host, collect(sent));
      const q = (id: string) => doc.querySelector(`[data-testid="${id}"]`) as HTMLElement;

      trustedClick(q('like').querySelector('svg') ?? q('like'));
      swap(q('like'), 'unlike');
      await tick();
      trustedClick(q('retweet')); // opens the menu; nothing yet
      await tick();
      expect(sent).toHaveLength(1);
      swap(q('retweet'), 'unretweet'); // after retweetConfirm
      await tick();
      trustedClick(q('bookmark'));
      swap(q('bookmark'), 'removeBookmark');
      await tick();
      trustedClick(q('unlike'));
      swap(q('unlike'), 'like');
      await tick();

      expect(sent.map((m) => m.type === 'sighting' && `${m.action}:${m.op}:${m.target}`)).toEqual([
        `like:add:${ID}`,
        `repost:add:${ID}`,
        `bookmark:add:${ID}`,
        `like:undo:${ID}`,
      ]);
    });

    it.skipIf(skip)(`does not depend on label text: the same with every aria-label and text removed (${what})`, async () => {
      const doc = loadPage(html(), STATUS);
      for (const el of doc.querySelectorAll('[aria-label]')) el.removeAttribute('aria-label');
      for (const el of doc.querySelectorAll('[data-testid="app-text-transition-container"]')) el.textContent = '';
      const sent: ContentMessage[] = [];
      runDetector(x, host, collect(sent));
      const like = doc.querySelector('[data-testid="like"]') as HTMLElement;
      trustedClick(like);
      swap(like, 'unlike');
      await tick();
      expect(sent).toMatchObject([{ action: 'like', op: 'add', target: ID }]);
    });

    it.skipIf(skip)(`counts a reply once the composer is emptied (${what})`, async () => {
      const doc = loadPage(html(), STATUS);
      const sent: ContentMessage[] = [];
      runDetector(x, host, collect(sent));
      const box = doc.querySelector('[data-testid="tweetTextarea_0"]') as HTMLElement;
      box.textContent = 'Agreed';
      trustedClick(doc.querySelector('[data-testid="tweetButtonInline"] span') as Element);
      box.textContent = '';
      await tick(400);
      expect(sent).toMatchObject([{ action: 'post', op: 'add' }]);
    });
  }

  it('names GraphQL operations whatever the rotating query id', () => {
    expect(operationName(new URL('https://x.com/i/api/graphql/lI07N6Otwv1PhnEgXILM7A/FavoriteTweet'))).toBe('FavoriteTweet');
    expect(operationName(new URL('https://x.com/i/api/graphql/ZYKSe-w7KEslx3JhSIk5LA/UnfavoriteTweet'))).toBe('UnfavoriteTweet');
    expect(operationName(new URL('https://x.com/i/api/1.1/jot/client_event.json'))).toBeUndefined();
  });

  it.each([
    ['FavoriteTweet', { tweet_id: ID }, { action: 'like', op: 'add', target: ID }],
    ['UnfavoriteTweet', { tweet_id: ID }, { action: 'like', op: 'undo', target: ID }],
    ['CreateRetweet', { tweet_id: ID, dark_request: false }, { action: 'repost', op: 'add', target: ID }],
    ['DeleteRetweet', { source_tweet_id: ID, dark_request: false }, { action: 'repost', op: 'undo', target: ID }],
    ['CreateBookmark', { tweet_id: ID }, { action: 'bookmark', op: 'add', target: ID }],
    ['CreateTweet', { tweet_text: 'hi', reply: { in_reply_to_tweet_id: ID } }, { action: 'reply', op: 'add', target: ID }],
    ['CreateTweet', { tweet_text: 'hi' }, { action: 'post', op: 'add' }],
    ['TweetDetail', { focalTweetId: ID }, null],
    ['HomeTimeline', {}, null],
  ])('matches %s', (op, variables, expected) => {
    const req = { url: new URL(`https://x.com/i/api/graphql/q1d2/${op}`), method: 'POST', body: { variables, queryId: 'q1d2' } };
    const hit = x.network.map((r) => r.match(req)).find(Boolean) ?? null;
    if (expected && !('target' in expected)) expect(hit).toEqual({ ...expected, target: undefined });
    else expect(hit).toEqual(expected);
  });
});

describe('x detector on replies', () => {
  let host = fakeHost();
  afterEach(() => {
    host.invalidate();
    host = fakeHost();
  });
  const REPLY = '1981399912345678901';

  for (const [what, html, skip] of variants('x/status-with-reply.html')) {
    it.skipIf(skip)(`counts a like on a reply under its own id, not the focal post (${what})`, async () => {
      const doc = loadPage(html(), STATUS);
      const sent: ContentMessage[] = [];
      runDetector(x, host, collect(sent));
      const [focal, reply] = [...doc.querySelectorAll('article[data-testid="tweet"]')] as HTMLElement[];
      if (!focal || !reply) throw new Error('fixture has two articles');
      expect(tweetId(reply, new URL(STATUS))).toBe(REPLY);
      const like = reply.querySelector('[data-testid="like"]') as HTMLElement;
      trustedClick(like.querySelector('svg') as Element);
      swap(like, 'unlike');
      await tick();
      trustedClick(like);
      swap(like, 'like');
      await tick();
      expect(sent.map((m) => m.type === 'sighting' && `${m.action}:${m.op}:${m.target}`)).toEqual([
        `like:add:${REPLY}`,
        `like:undo:${REPLY}`,
      ]);
      expect(focal.querySelector('[data-testid="like"]')).not.toBeNull();
    });
  }
});
