// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { runDetector } from '@/lib/content/runtime';
import { queryFirst } from '@/lib/detectors/dom';
import tiktok, { matchApi, videoId } from '@/lib/detectors/tiktok';
import type { ContentMessage } from '@/lib/messages';
import { collect, fakeHost, fixture, loadPage, tick, trustedClick } from './helpers';

const VIDEO = 'https://www.tiktok.com/@clickwork/video/7300000000000000001';
const ID = '7300000000000000001';
const REAL = 'https://www.tiktok.com/@merveilleux123/video/7135383664971582725';

const editor = (doc: Document) => doc.querySelector('[data-e2e="comment-input"] [contenteditable="true"]') as HTMLElement;

describe('tiktok detector', () => {
  let host = fakeHost();
  afterEach(() => {
    host.invalidate();
    host = fakeHost();
  });

  it('reads the video id of video and photo pages, and nothing elsewhere', () => {
    expect(videoId(new URL(REAL))).toBe('7135383664971582725');
    expect(videoId(new URL('https://www.tiktok.com/@a.b/photo/7300000000000000002?lang=fr'))).toBe('7300000000000000002');
    expect(videoId(new URL('https://www.tiktok.com/foryou'))).toBeUndefined();
  });

  it('finds its controls in the real 2022 capture: the health-check like icon and the comment bar', () => {
    const doc = loadPage(fixture('tiktok/video-loggedin-rendered-2022-08.real.html'), REAL);
    expect(tiktok.health.pages.test(new URL(REAL).pathname)).toBe(true);
    expect(queryFirst(doc, tiktok.health.controls)).not.toBeNull();
    const submit = tiktok.submits[0];
    const post = queryFirst(doc, submit.control) as Element;
    expect(post).not.toBeNull();
    expect(submit.composer(post)?.querySelector('[data-e2e="comment-input"]')).not.toBeNull();
  });

  it('counts nothing on the real page when Post is clicked with no editor text', async () => {
    const doc = loadPage(fixture('tiktok/video-loggedin-rendered-2022-08.real.html'), REAL);
    const sent: ContentMessage[] = [];
    runDetector(tiktok, host, collect(sent));
    trustedClick(doc.querySelector('[data-e2e="comment-post"]') as Element);
    trustedClick(doc.querySelector('[data-e2e="like-icon"]') as Element);
    await tick(400);
    expect(sent).toEqual([]);
  });

  it.each([
    ['tiktok/video.html', VIDEO],
    ['tiktok/video.fr.html', `${VIDEO}?lang=fr`],
  ])('counts a comment once the editor empties (%s), with the video as target', async (file, url) => {
    const doc = loadPage(fixture(file), url);
    const sent: ContentMessage[] = [];
    runDetector(tiktok, host, collect(sent));
    editor(doc).textContent = 'So good';
    trustedClick(doc.querySelector('[data-e2e="comment-post"]') as Element);
    await tick(300);
    expect(sent).toEqual([]); // still holding the text: not taken yet
    editor(doc).textContent = '';
    await tick(400);
    expect(sent).toMatchObject([{ type: 'sighting', platform: 'tiktok', action: 'comment', op: 'add', target: ID }]);
  });

  it.each([
    ['tiktok/video.html', VIDEO],
    ['tiktok/video.fr.html', `${VIDEO}?lang=fr`],
  ])('counts a like and its undo from aria-pressed after a trusted click (%s)', async (file, url) => {
    const doc = loadPage(fixture(file), url);
    const sent: ContentMessage[] = [];
    runDetector(tiktok, host, collect(sent));
    const button = doc.querySelector('button[aria-pressed]') as HTMLElement;
    trustedClick(doc.querySelector('[data-e2e="like-icon"] svg') as Element);
    button.setAttribute('aria-pressed', 'true');
    await tick();
    trustedClick(doc.querySelector('[data-e2e="like-icon"]') as Element);
    button.setAttribute('aria-pressed', 'false');
    await tick();
    expect(sent.map((m) => m.type === 'sighting' && `${m.action}:${m.op}:${m.target}`)).toEqual([
      `like:add:${ID}`,
      `like:undo:${ID}`,
    ]);
  });

  it('counts no like for a button that renders pressed, a click the platform ignores, or off a video page', async () => {
    const pressed = fixture('tiktok/video.html').replace('aria-pressed="false"', 'aria-pressed="true"');
    let doc = loadPage(pressed, VIDEO);
    const sent: ContentMessage[] = [];
    runDetector(tiktok, host, collect(sent));
    await tick(50);
    trustedClick(doc.querySelector('[data-e2e="like-icon"]') as Element); // signed out: the login sheet opens, nothing flips
    await tick(50);
    host.invalidate();
    host = fakeHost();
    doc = loadPage(fixture('tiktok/video.html'), 'https://www.tiktok.com/foryou');
    runDetector(tiktok, host, collect(sent));
    trustedClick(doc.querySelector('[data-e2e="like-icon"]') as Element);
    (doc.querySelector('button[aria-pressed]') as Element).setAttribute('aria-pressed', 'true');
    await tick(50);
    expect(sent).toEqual([]);
  });

  it('ignores a script-made click and a click on an empty editor', async () => {
    const doc = loadPage(fixture('tiktok/video.html'), VIDEO);
    const sent: ContentMessage[] = [];
    runDetector(tiktok, host, collect(sent));
    trustedClick(doc.querySelector('[data-e2e="comment-post"]') as Element);
    editor(doc).textContent = 'typed';
    (doc.querySelector('[data-e2e="comment-post"]') as HTMLElement).click();
    editor(doc).textContent = '';
    await tick(400);
    expect(sent).toEqual([]);
  });

  const req = (path: string, body?: unknown) => ({ url: new URL(`https://www.tiktok.com${path}`), method: 'POST', body });
  it.each([
    ['/api/commit/item/digg/?aid=1988&aweme_id=7300000000000000001&type=1', { action: 'like', op: 'add', target: ID }],
    ['/api/commit/item/digg/?aid=1988&aweme_id=7300000000000000001&type=0', { action: 'like', op: 'undo', target: ID }],
    ['/api/item/collect/?aid=1988&aweme_id=7300000000000000001&action=1', { action: 'favorite', op: 'add', target: ID }],
    ['/api/item/collect/?aid=1988&aweme_id=7300000000000000001&action=0', { action: 'favorite', op: 'undo', target: ID }],
    ['/api/comment/publish/?aid=1988&aweme_id=7300000000000000001&text=hi', { action: 'comment', op: 'add', target: ID }],
    ['/tiktok/v1/upvote/publish?aid=1988&item_id=7300000000000000001', { action: 'repost', op: 'add', target: ID }],
    ['/tiktok/v1/upvote/delete?aid=1988&item_id=7300000000000000001', { action: 'repost', op: 'undo', target: ID }],
    ['/api/commit/item/digg/?aid=1988&aweme_id=7300000000000000001', null],
    ['/api/item/collect/?aid=1988&aweme_id=7300000000000000001&action=2', null],
    ['/api/comment/list/?aid=1988&aweme_id=7300000000000000001', null],
    ['/api/commit/follow/user/?aid=1988&user_id=1&type=1', null],
    ['/tiktok/v1/upvote/item/list?user_id=1', null],
  ])('matches %s', (path, expected) => {
    expect(matchApi(req(path))).toEqual(expected);
  });

  it('reads the video from a form body when the query string lacks it (upvote delete)', () => {
    expect(matchApi(req('/tiktok/v1/upvote/delete', { aweme_id: [ID] }))).toEqual({ action: 'repost', op: 'undo', target: ID });
  });

  it('listens only to its own endpoints', () => {
    const urls = tiktok.network.flatMap((r) => r.urls);
    expect(urls.every((u) => u.startsWith('https://www.tiktok.com/'))).toBe(true);
  });
});
