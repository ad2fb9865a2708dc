// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { runDetector } from '@/lib/content/runtime';
import { closestOf } from '@/lib/detectors/dom';
import stackoverflow from '@/lib/detectors/stackoverflow';
import type { ContentMessage, SightingMessage } from '@/lib/messages';
import { realPages } from '../real-pages';
import { collect, fakeHost, loadPage, tick, trustedClick } from './helpers';

const QUESTION = 'https://stackoverflow.com/questions/1732348/regex-match-open-tags-except-xhtml-self-contained-tags';
const REAL = 'stackoverflow_question_loggedout_2020-12.html';
const real = realPages(REAL);
const toggle = stackoverflow.toggles[0];

/** What Stack Overflow's script does once a vote is accepted: aria-pressed and the selected classes. */
function press(button: HTMLElement, on: boolean) {
  button.setAttribute('aria-pressed', String(on));
  button.classList.toggle('fc-theme-primary', on);
}

function container(doc: Document, postId: string) {
  const c = doc.querySelector(`.js-voting-container[data-post-id="${postId}"]`) as HTMLElement;
  return { c, up: c.querySelector('.js-vote-up-btn') as HTMLElement, down: c.querySelector('.js-vote-down-btn') as HTMLElement };
}

describe('stackoverflow detector', () => {
  let host = fakeHost();
  afterEach(() => {
    host.invalidate();
    host = fakeHost();
  });

  it.skipIf(real.skip)('finds every post of the real 2020 page, its id and no pressed vote', () => {
    const doc = loadPage(real.read(REAL), QUESTION);
    const ups = [...doc.querySelectorAll('.js-vote-up-btn')];
    expect(ups.length).toBeGreaterThan(10);
    for (const up of ups) {
      const scope = closestOf(up.querySelector('svg') as Element, toggle.scope) as Element;
      expect(closestOf(up.querySelector('svg') as Element, toggle.control)).toBe(up);
      expect(toggle.target(scope)).toMatch(/^\d+$/);
      expect(toggle.state(scope)).toBeNull();
    }
    expect(toggle.target(container(doc, '1732348').c)).toBe('1732348');
  });

  it.skipIf(real.skip)('counts an upvote on the question, a downvote on an answer switched and withdrawn', async () => {
    const doc = loadPage(real.read(REAL), QUESTION);
    const sent: ContentMessage[] = [];
    runDetector(stackoverflow, host, collect(sent));
    const q = container(doc, '1732348');
    trustedClick(q.up.querySelector('path') as Element);
    press(q.up, true);
    await tick();
    const a = container(doc, '1732454');
    trustedClick(a.down);
    press(a.down, true);
    await tick();
    trustedClick(a.up);
    press(a.down, false);
    press(a.up, true);
    await tick();
    trustedClick(a.up);
    press(a.up, false);
    await tick();
    expect(
      sent.map((m) => `${(m as SightingMessage).action}:${(m as SightingMessage).op}:${(m as SightingMessage).target}`),
    ).toEqual(['up:add:1732348', 'down:add:1732454', 'up:add:1732454', 'up:undo:1732454']);
  });

  it.skipIf(real.skip)('counts nothing when logged out (the vote is refused) or for untrusted clicks', async () => {
    const doc = loadPage(real.read(REAL), QUESTION);
    const sent: ContentMessage[] = [];
    runDetector(stackoverflow, host, collect(sent));
    const q = container(doc, '1732348');
    q.down.click(); // synthetic: isTrusted is false
    press(q.down, true);
    await tick();
    const a = container(doc, '1732454');
    trustedClick(a.up); // logged out: a sign-up popover, no state change
    await tick(50);
    expect(sent).toEqual([]);
  });

  it('reads the pre-2020 arrows by their classes', async () => {
    const doc = loadPage(
      `<!-- pre-2020 markup --><div class="votecell post-layout--left"><div class="vote"><input type="hidden" name="_id_" value="42">
       <a class="vote-up-off" title="up">up</a><span class="vote-count-post">3</span><a class="vote-down-off">down</a></div></div>`,
      QUESTION,
    );
    const sent: ContentMessage[] = [];
    runDetector(stackoverflow, host, collect(sent));
    const up = doc.querySelector('.vote-up-off') as HTMLElement;
    trustedClick(up);
    up.className = 'vote-up-on';
    await tick();
    expect(sent).toMatchObject([{ action: 'up', op: 'add', target: '42' }]);
  });

  const req = (path: string) => ({ url: new URL(`https://stackoverflow.com${path}`), method: 'POST', body: { fkey: ['x'] } });
  it.each([
    ['/posts/1732348/vote/2', { action: 'up', op: 'add', target: '1732348' }],
    ['/posts/1732454/vote/3', { action: 'down', op: 'add', target: '1732454' }],
    ['/posts/1732454/vote/0', { action: 'up', op: 'undo', target: '1732454' }],
    ['/posts/1732348/vote/21', null], // follow
    ['/posts/1732348/vote/5', null], // favourite (old bookmark)
    ['/flags/posts/1732454/add/PostOther', { action: 'flag', op: 'add', target: '1732454' }],
    ['/flags/posts/1732454/add/AnswerNotAnAnswer', { action: 'flag', op: 'add', target: '1732454' }],
    ['/flags/posts/1732454/retract/PostOther', null],
    ['/flags/posts/1732454/popup', null],
    ['/posts/1732348/comments', null],
  ])('matches POST %s', (path, expected) => {
    expect(stackoverflow.network.map((r) => r.match(req(path))).find(Boolean) ?? null).toEqual(expected);
  });
});
