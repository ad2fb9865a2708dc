// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { runDetector } from '@/lib/content/runtime';
import { queryFirst } from '@/lib/detectors/dom';
import instagram, { matchGraphql, matchRest } from '@/lib/detectors/instagram';
import type { ContentMessage } from '@/lib/messages';
import { realPages } from '../real-pages';
import { firstPosts } from '../real-trims';
import { collect, fakeHost, fixture, loadPage, tick, trustedClick } from './helpers';

const HOME = 'https://www.instagram.com/';
const POST = 'https://www.instagram.com/p/DH_ux4pSlV0/';
const MEDIA = '3600000000000000001';
const CAPTURE = 'instagram_home_feed_loggedin_2025-04.html';
const real = realPages(CAPTURE);
/** The real feed's first two posts, their markup unchanged, in a bare document. */
const realFeed = () => firstPosts(real.read(CAPTURE), 2);

/** What Instagram does once the box holds text: a Post button appears beside the text area. */
function typeComment(form: Element, text: string): HTMLElement {
  (form.querySelector('textarea') as HTMLTextAreaElement).value = text;
  const post = document.createElement('div');
  post.setAttribute('role', 'button');
  post.setAttribute('tabindex', '0');
  post.textContent = 'Post';
  form.querySelector('textarea')?.after(post);
  return post;
}

describe('instagram detector', () => {
  let host = fakeHost();
  afterEach(() => {
    host.invalidate();
    host = fakeHost();
  });

  it.skipIf(real.skip)('finds the comment box of each post in the real 2025 feed capture', () => {
    const doc = loadPage(realFeed(), HOME);
    expect(doc.querySelectorAll('article')).toHaveLength(2);
    for (const article of doc.querySelectorAll('article')) {
      const emoji = article.querySelector('form [role="button"]') as Element;
      expect(emoji.matches(instagram.submits[0].control.join(','))).toBe(true);
      expect(queryFirst(instagram.submits[0].composer(emoji) as Element, instagram.submits[0].field)?.tagName).toBe('TEXTAREA');
    }
    expect(queryFirst(doc, instagram.health.controls)).not.toBeNull();
  });

  for (const [file, html, url, skip] of [
    [CAPTURE, realFeed, HOME, real.skip],
    ['instagram/post.fr.html', () => fixture('instagram/post.fr.html'), `${POST}?hl=fr`, false],
  ] as const) {
    it.skipIf(skip)(`counts a comment once its box empties (${file}), and nothing for the emoji button alone`, async () => {
      const doc = loadPage(html(), url);
      const sent: ContentMessage[] = [];
      runDetector(instagram, host, collect(sent));
      const form = doc.querySelector('form[method="POST"]') as Element;
      trustedClick(form.querySelector('[role="button"] svg') as Element); // emoji, empty box
      await tick(300);
      expect(sent).toEqual([]);
      const post = typeComment(form, 'Beautiful');
      trustedClick(post);
      (form.querySelector('textarea') as HTMLTextAreaElement).value = '';
      post.remove();
      await tick(400);
      expect(sent).toMatchObject([{ type: 'sighting', platform: 'instagram', action: 'comment', op: 'add' }]);
      expect(sent[0]).not.toHaveProperty('target');
    });
  }

  it('does not count a comment the platform did not take (the box keeps its text)', async () => {
    const doc = loadPage(fixture('instagram/post.fr.html'), POST);
    const sent: ContentMessage[] = [];
    runDetector(instagram, host, collect(sent));
    trustedClick(typeComment(doc.querySelector('form') as Element, 'Bravo'));
    await tick(600);
    expect(sent).toEqual([]);
  });

  const form = (name: string, variables: unknown) => ({
    url: new URL('https://www.instagram.com/graphql/query'),
    method: 'POST',
    body: { fb_api_req_friendly_name: [name], variables: [JSON.stringify(variables)], doc_id: ['9000000000000001'] },
  });
  it.each([
    ['usePolarisLikeMediaLikeMutation', { media_id: MEDIA }, { action: 'like', op: 'add', target: MEDIA }],
    ['usePolarisLikeMediaUnlikeMutation', { media_id: MEDIA }, { action: 'like', op: 'undo', target: MEDIA }],
    ['usePolarisLikeMediaXIGLikeMutation', { media_id: MEDIA, actor_id: '1' }, { action: 'like', op: 'add', target: MEDIA }],
    ['usePolarisLikeMediaXIGUnlikeMutation', { media_id: MEDIA }, { action: 'like', op: 'undo', target: MEDIA }],
    ['usePolarisCreateMediaRepostMutation', { input: { media_id: MEDIA } }, { action: 'repost', op: 'add', target: MEDIA }],
    ['usePolarisDeleteMediaRepostMutation', { input: { media_id: MEDIA } }, { action: 'repost', op: 'undo', target: MEDIA }],
    [
      'PolarisPostCommentInputRevampedMutation',
      { request_data: { comment_text: 'x' }, media_id: MEDIA },
      { action: 'comment', op: 'add', target: MEDIA },
    ],
    ['usePolarisCommentSubmitMutation', { media_id: MEDIA }, { action: 'comment', op: 'add', target: MEDIA }],
    ['PolarisPostRootQuery', { shortcode: 'DH_ux4pSlV0' }, null],
    ['usePolarisStoriesV4LikeMutationLikeMutation', { media_id: MEDIA }, null],
    ['PolarisAPIReelSeenMutation', { reelMediaId: MEDIA }, null],
  ])('matches %s', (name, variables, expected) => {
    expect(matchGraphql(form(name, variables))).toEqual(expected);
  });

  it('ignores bodies without a friendly name or with unreadable variables', () => {
    expect(matchGraphql({ url: new URL('https://www.instagram.com/api/graphql'), method: 'POST', body: undefined })).toBeNull();
    const broken = form('usePolarisLikeMediaLikeMutation', {});
    broken.body.variables = ['{not json'];
    expect(matchGraphql(broken)).toEqual({ action: 'like', op: 'add', target: undefined });
  });

  it.each([
    [`/api/v1/web/save/${MEDIA}/save/`, { action: 'save', op: 'add', target: MEDIA }],
    [`/api/v1/web/save/${MEDIA}/unsave/`, { action: 'save', op: 'undo', target: MEDIA }],
    [`/api/v1/web/likes/${MEDIA}/like/`, { action: 'like', op: 'add', target: MEDIA }],
    [`/api/v1/web/likes/${MEDIA}/unlike/`, { action: 'like', op: 'undo', target: MEDIA }],
    [`/api/v1/web/comments/${MEDIA}/add/`, { action: 'comment', op: 'add', target: MEDIA }],
    [`/api/v1/web/comments/${MEDIA}/delete/1/`, null],
    ['/api/v1/web/friendships/1/follow/', null],
    [`/api/v1/web/save/${MEDIA}/like/`, null],
  ])('matches REST %s', (path, expected) => {
    expect(matchRest({ url: new URL(`https://www.instagram.com${path}`), method: 'POST', body: undefined })).toEqual(expected);
  });
});
