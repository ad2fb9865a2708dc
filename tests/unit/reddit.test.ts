// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { runDetector } from '@/lib/content/runtime';
import reddit from '@/lib/detectors/reddit';
import type { ContentMessage, SightingMessage } from '@/lib/messages';
import { collect, fakeHost, fixture, loadPage, tick, trustedClick } from './helpers';

const POST = 'https://www.reddit.com/r/test/comments/1abcde/a_test_post/';
const OLD = 'https://old.reddit.com/r/test/comments/1abcde/a_test_post/';

/** Chromium turns declarative shadow roots into real ones while parsing; happy-dom does not. */
function attachDeclarativeShadowRoots(doc: Document) {
  for (const t of [...doc.querySelectorAll<HTMLTemplateElement>('template[shadowrootmode]')]) {
    const host = t.parentElement as HTMLElement;
    host.attachShadow({ mode: 'open' }).innerHTML = t.innerHTML;
    t.remove();
  }
}

function loadShreddit(file: string) {
  const doc = loadPage(fixture(`reddit/${file}`), POST);
  attachDeclarativeShadowRoots(doc);
  const post = doc.querySelector('shreddit-post') as HTMLElement;
  const row = doc.querySelector('shreddit-comment-action-row') as HTMLElement;
  const btn = (host: HTMLElement, which: 'upvote' | 'downvote') =>
    host.shadowRoot?.querySelector(`button[${which}]`) as HTMLElement;
  return { doc, post, row, btn };
}

/** What Reddit's own script does when a vote is accepted: set aria-pressed on one arrow, clear the other. */
function vote(up: HTMLElement, down: HTMLElement, which: 'up' | 'down' | 'none') {
  up.setAttribute('aria-pressed', String(which === 'up'));
  down.setAttribute('aria-pressed', String(which === 'down'));
}

const summary = (sent: ContentMessage[]) =>
  sent.map((m) => {
    const s = m as SightingMessage;
    return `${s.action}:${s.op}:${s.target}`;
  });

describe('reddit detector', () => {
  let host = fakeHost();
  afterEach(() => {
    host.invalidate();
    host = fakeHost();
  });

  for (const file of ['shreddit-post.html', 'shreddit-post.fr.html']) {
    it(`counts post and comment votes inside shadow roots, a switch and an undo (${file})`, async () => {
      const { post, row, btn } = loadShreddit(file);
      const sent: ContentMessage[] = [];
      runDetector(reddit, host, collect(sent));
      const [pu, pd, cu, cd] = [btn(post, 'upvote'), btn(post, 'downvote'), btn(row, 'upvote'), btn(row, 'downvote')];
      trustedClick(pu.querySelector('svg') as Element);
      vote(pu, pd, 'up');
      await tick();
      trustedClick(pd);
      vote(pu, pd, 'down');
      await tick();
      trustedClick(pd);
      vote(pu, pd, 'none');
      await tick();
      trustedClick(cu);
      vote(cu, cd, 'up');
      await tick();
      expect(summary(sent)).toEqual(['up:add:t3_1abcde', 'down:add:t3_1abcde', 'down:undo:t3_1abcde', 'up:add:t1_def456']);
    });
  }

  it('counts nothing for a vote that renders pressed, an untrusted click, or a click the site ignores', async () => {
    const { post, btn } = loadShreddit('shreddit-post.html');
    const sent: ContentMessage[] = [];
    runDetector(reddit, host, collect(sent));
    const [pu, pd] = [btn(post, 'upvote'), btn(post, 'downvote')];
    vote(pu, pd, 'up'); // rendered already voted, no click
    await tick();
    pd.click(); // synthetic
    vote(pu, pd, 'down');
    await tick();
    trustedClick(pd); // logged out: Reddit opens a sign-in dialog, the state stays
    await tick(50);
    expect(sent).toEqual([]);
  });

  it('counts a shreddit comment once the composer is emptied, on the post', async () => {
    const { doc } = loadShreddit('shreddit-post.html');
    const sent: ContentMessage[] = [];
    runDetector(reddit, host, collect(sent));
    const box = doc.querySelector('shreddit-composer [contenteditable]') as HTMLElement;
    box.textContent = 'Nice';
    trustedClick(doc.querySelector('shreddit-composer button[slot="submit-button"]') as Element);
    box.innerHTML = '<p><br></p>';
    await tick(400);
    expect(sent).toMatchObject([{ action: 'comment', op: 'add', target: 't3_1abcde' }]);
  });

  it('counts old.reddit arrows by their classes, each thing for itself', async () => {
    const doc = loadPage(fixture('reddit/old-comments.html'), OLD);
    const sent: ContentMessage[] = [];
    runDetector(reddit, host, collect(sent));
    const arrows = (id: string) => {
      const mid = doc.querySelector(`.thing[data-fullname="${id}"] > .midcol`) as HTMLElement;
      return { mid, up: mid.querySelector('.arrow.up') as HTMLElement, down: mid.querySelector('.arrow.down') as HTMLElement };
    };
    const link = arrows('t3_1abcde');
    trustedClick(link.up);
    link.up.className = 'arrow upmod login-required access-required';
    link.mid.className = 'midcol likes';
    await tick();
    const comment = arrows('t1_def456');
    trustedClick(comment.down);
    comment.down.className = 'arrow downmod login-required access-required';
    await tick();
    trustedClick(comment.down);
    comment.down.className = 'arrow down login-required access-required';
    await tick();
    expect(summary(sent)).toEqual(['up:add:t3_1abcde', 'down:add:t1_def456', 'down:undo:t1_def456']);
  });

  it('counts an old.reddit comment with its parent as target', async () => {
    const doc = loadPage(fixture('reddit/old-comments.html'), OLD);
    const sent: ContentMessage[] = [];
    runDetector(reddit, host, collect(sent));
    const text = doc.querySelector('form.usertext textarea') as HTMLTextAreaElement;
    text.value = 'Agreed';
    trustedClick(doc.querySelector('form.usertext button.save') as Element);
    text.value = '';
    await tick(400);
    expect(sent).toMatchObject([{ action: 'comment', op: 'add', target: 't3_1abcde' }]);
  });

  const gql = (operation: string, input: Record<string, unknown>) => ({
    url: new URL('https://www.reddit.com/svc/shreddit/graphql'),
    method: 'POST',
    body: { operation, variables: { input }, csrf_token: 'x' },
  });
  const form = (path: string, fields: Record<string, string>, host = 'old.reddit.com') => ({
    url: new URL(`https://${host}${path}`),
    method: 'POST',
    body: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, [v]])),
  });
  const match = (req: { url: URL; method: string; body: unknown }) =>
    reddit.network.map((r) => r.match(req)).find(Boolean) ?? null;

  it.each([
    [gql('UpdatePostVoteState', { postId: 't3_1abcde', voteState: 'UP' }), { action: 'up', op: 'add', target: 't3_1abcde' }],
    [gql('UpdatePostVoteState', { postId: 't3_1abcde', voteState: 'DOWN' }), { action: 'down', op: 'add', target: 't3_1abcde' }],
    [gql('UpdatePostVoteState', { postId: 't3_1abcde', voteState: 'NONE' }), { action: 'up', op: 'undo', target: 't3_1abcde' }],
    [
      gql('UpdateCommentVoteState', { commentId: 't1_def456', voteState: 'UP' }),
      { action: 'up', op: 'add', target: 't1_def456' },
    ],
    [gql('UpdatePostVoteState', { postId: 't3_1abcde', voteState: 'UPVOTE' }), null],
    [gql('UpdatePostSaveState', { postId: 't3_1abcde', saveState: 'SAVED' }), null],
    [gql('PostFeed', {}), null],
    [
      { url: new URL('https://www.reddit.com/svc/shreddit/t3_1abcde/create-comment?cujTrackingId=1'), method: 'POST', body: {} },
      { action: 'comment', op: 'add', target: 't3_1abcde' },
    ],
    [{ url: new URL('https://www.reddit.com/svc/shreddit/events'), method: 'POST', body: {} }, null],
    [form('/api/vote', { id: 't1_def456', dir: '1', uh: 'x' }), { action: 'up', op: 'add', target: 't1_def456' }],
    [form('/api/vote', { id: 't3_1abcde', dir: '-1' }), { action: 'down', op: 'add', target: 't3_1abcde' }],
    [form('/api/vote', { id: 't3_1abcde', dir: '0' }), { action: 'up', op: 'undo', target: 't3_1abcde' }],
    [form('/api/vote', { id: 't3_1abcde', dir: '2' }), null],
    [form('/api/comment', { thing_id: 't3_1abcde', text: 'hi' }), { action: 'comment', op: 'add', target: 't3_1abcde' }],
    [form('/api/report', { thing_id: 't1_def456', reason: 'spam' }), { action: 'report', op: 'add', target: 't1_def456' }],
    [form('/api/vote', { id: 't3_1abcde', dir: '1' }, 'www.reddit.com'), { action: 'up', op: 'add', target: 't3_1abcde' }],
    [form('/api/info', { id: 't3_1abcde' }), null],
  ])('matches request %#', (req, expected) => {
    expect(match(req)).toEqual(expected);
  });
});
