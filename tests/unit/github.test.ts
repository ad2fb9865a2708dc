// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { runDetector } from '@/lib/content/runtime';
import github from '@/lib/detectors/github';
import type { ContentMessage, SightingMessage } from '@/lib/messages';
import { collect, fakeHost, fixture, loadPage, tick, trustedClick } from './helpers';

const REPO = 'https://github.com/octo-org/octo-repo';
const ISSUE = 'https://github.com/octo-org/octo-repo/issues/1';
const BODY = 'I_kwDOAbCdEf5xYz12';
const COMMENT = 'IC_kwDOAbCdEf5_Aa34';

const summary = (sent: ContentMessage[]) =>
  sent.map((m) => `${(m as SightingMessage).action}:${(m as SightingMessage).op}:${(m as SightingMessage).target}`);

/**
 * What GitHub's script does once a reaction is stored: re-render the comment's summary with the
 * reaction pressed and its button's value turned to "unreact" (or drop it when the count falls to 0).
 */
function renderSummary(comment: Element, reactions: Record<string, { count: number; mine: boolean }>) {
  const box = comment.querySelector('.js-reactions-container .js-comment-reactions-options') as HTMLElement;
  box.innerHTML = Object.entries(reactions)
    .filter(([, r]) => r.count > 0)
    .map(
      ([c, r]) =>
        `<button name="input[content]" value="${c} ${r.mine ? 'unreact' : 'react'}" aria-pressed="${r.mine}" type="submit" class="social-reaction-summary-item js-reaction-group-button${r.mine ? ' user-has-reacted' : ''}"><g-emoji>?</g-emoji><span>${r.count}</span></button>`,
    )
    .join('');
}

describe('github detector', () => {
  let host = fakeHost();
  afterEach(() => {
    host.invalidate();
    host = fakeHost();
  });

  it('counts a star and an unstar of the repository', async () => {
    const doc = loadPage(fixture('github/repo.html'), REPO);
    const sent: ContentMessage[] = [];
    runDetector(github, host, collect(sent));
    const container = doc.querySelector('.starring-container') as HTMLElement;
    trustedClick(doc.querySelector('form[action$="/star"] button svg') as Element);
    container.classList.add('on');
    await tick();
    trustedClick(doc.querySelector('form[action$="/unstar"] button') as Element);
    container.classList.remove('on');
    await tick();
    expect(summary(sent)).toEqual(['star:add:octo-org/octo-repo', 'star:undo:octo-org/octo-repo']);
  });

  it('counts nothing for a repository that renders starred, or an untrusted click', async () => {
    const doc = loadPage(fixture('github/repo.html').replace('starring-container d-flex', 'starring-container on d-flex'), REPO);
    const sent: ContentMessage[] = [];
    runDetector(github, host, collect(sent));
    const container = doc.querySelector('.starring-container') as HTMLElement;
    (doc.querySelector('form[action$="/unstar"] button') as HTMLElement).click();
    container.classList.remove('on');
    await tick();
    expect(sent).toEqual([]);
  });

  for (const file of ['issue.html', 'issue.fr.html']) {
    it(`counts reactions from the picker and the summary, per comment, and their removal (${file})`, async () => {
      const doc = loadPage(fixture(`github/${file}`), ISSUE);
      const sent: ContentMessage[] = [];
      runDetector(github, host, collect(sent));
      const [body, comment] = [...doc.querySelectorAll('.js-comment')] as HTMLElement[];
      if (!body || !comment) throw new Error('fixture has two comments');
      // Thumbs up on the issue body from its header picker.
      trustedClick(body.querySelector('.js-reaction-option-item[value="THUMBS_UP react"] g-emoji') as Element);
      renderSummary(body, { HEART: { count: 2, mine: false }, THUMBS_UP: { count: 1, mine: true } });
      await tick();
      // A heart too, from the summary (the others' hearts were already there).
      trustedClick(body.querySelector('.js-reaction-group-button[value="HEART react"]') as Element);
      renderSummary(body, { HEART: { count: 3, mine: true }, THUMBS_UP: { count: 1, mine: true } });
      await tick();
      // A rocket on the comment.
      trustedClick(comment.querySelector('.js-reaction-option-item[value="ROCKET react"]') as Element);
      renderSummary(comment, { ROCKET: { count: 1, mine: true } });
      await tick();
      // Thumbs up withdrawn from the summary.
      trustedClick(body.querySelector('.js-reaction-group-button[value="THUMBS_UP unreact"]') as Element);
      renderSummary(body, { HEART: { count: 3, mine: true } });
      await tick();
      expect(summary(sent)).toEqual([
        `THUMBS_UP:add:${BODY}`,
        `HEART:add:${BODY}`,
        `ROCKET:add:${COMMENT}`,
        `THUMBS_UP:undo:${BODY}`,
      ]);
      expect(github.actions.THUMBS_UP).toEqual({ kind: 'reaction', detail: 'thumbs-up', slot: 'per-detail' });
    });
  }

  it("counts nothing for others' reactions rendered in the summary", async () => {
    const doc = loadPage(fixture('github/issue.html'), ISSUE);
    const sent: ContentMessage[] = [];
    runDetector(github, host, collect(sent));
    const body = doc.querySelector('.js-comment') as HTMLElement;
    // Someone else's heart arrives by the live socket; no click here.
    renderSummary(body, { HEART: { count: 3, mine: false } });
    await tick();
    expect(sent).toEqual([]);
  });

  const form = (path: string, fields: Record<string, string>) => ({
    url: new URL(`https://github.com${path}`),
    method: 'POST',
    body: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, [v]])),
  });
  const match = (req: { url: URL; method: string; body: unknown }) =>
    github.network.map((r) => r.match(req)).find(Boolean) ?? null;

  it.each([
    [form('/octo-org/octo-repo/star', { context: 'repository' }), { action: 'star', op: 'add', target: 'octo-org/octo-repo' }],
    [form('/octo-org/octo-repo/unstar', { context: 'repository' }), { action: 'star', op: 'undo', target: 'octo-org/octo-repo' }],
    [form('/octo-org/octo-repo/stargazers', {}), null],
    [form('/octo-org/octo-repo/issues/1/star', {}), null],
    [
      form('/octo-org/octo-repo/reactions', { 'input[subjectId]': BODY, 'input[content]': 'THUMBS_UP react' }),
      { action: 'THUMBS_UP', op: 'add', target: BODY },
    ],
    [
      form('/octo-org/octo-repo/reactions', { 'input[subjectId]': COMMENT, 'input[content]': 'EYES unreact' }),
      { action: 'EYES', op: 'undo', target: COMMENT },
    ],
    [form('/octo-org/octo-repo/reactions', { 'input[subjectId]': BODY, 'input[content]': 'PARTY react' }), null],
    [form('/octo-org/octo-repo/reactions', { 'input[subjectId]': BODY }), null],
    [form('/notifications/subscribe', { do: 'subscribed' }), null],
  ])('matches request %#', (req, expected) => {
    expect(match(req)).toEqual(expected);
  });
});
