// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { runDetector } from '@/lib/content/runtime';
import claude, { DOWN, feedback, UP } from '@/lib/detectors/claude';
import { queryFirst } from '@/lib/detectors/dom';
import { DETECTORS } from '@/lib/detectors/registry';
import type { ContentMessage } from '@/lib/messages';
import { capture, collect, fakeHost, fixture, loadPage, matchAny, tick, trustedClick } from './helpers';

const CHAT = 'https://claude.ai/chat/5b2f0c8e-1d2a-4f63-9a7e-0c1d2e3f4a5b';
const REAL = 'claude_conversation_loggedin_2026-02.html';
const real = capture(REAL);
const PAGES: [string, string | undefined][] = [
  [`the saved conversation (${REAL})`, real],
  ['the French fixture', fixture('claude/conversation.fr.html')],
];
const ORG = 'f3a1c2d4-0000-4000-8000-00000000000a';
const MSG = '019c8a7e-3b1f-7c2a-9d4e-5f6a7b8c9d0e';
const feedbackUrl = (msg = MSG) =>
  new URL(`https://claude.ai/api/organizations/${ORG}/chat_conversations/5b2f0c8e/chat_messages/${msg}/chat_feedback`);

if (!real) console.warn(`[claude.test] ${REAL} not found in ../shared/fixtures/captures: its checks are skipped`);

describe('claude detector: controls by position, never by label', () => {
  for (const [name, html] of PAGES) {
    it.skipIf(!html)(`finds each answer's thumbs, and none on a person's message, in ${name}`, () => {
      const doc = loadPage(html as string, CHAT);
      for (const el of doc.querySelectorAll('[aria-label]')) el.removeAttribute('aria-label');
      const answers = doc.querySelectorAll('[data-is-streaming="false"]').length;
      expect(answers).toBeGreaterThan(1);
      for (const [selectors, icon] of [
        [UP, 'M9.56055'],
        [DOWN, 'M12.6699'],
      ] as const) {
        for (const s of selectors) {
          const found = [...doc.querySelectorAll(s)];
          expect(found, s).toHaveLength(answers);
          for (const b of found) expect(b.querySelector('path')?.getAttribute('d')?.startsWith(icon), s).toBe(true);
        }
      }
      expect(queryFirst(doc, claude.health.controls)).not.toBeNull();
      expect(claude.health.pages.test(new URL(CHAT).pathname)).toBe(true);
    });
  }

  it('counts nothing from the page itself: a click only vouches for the request that follows', async () => {
    loadPage(fixture('claude/conversation.fr.html'), CHAT);
    const sent: ContentMessage[] = [];
    const all: ContentMessage[] = [];
    const host = fakeHost();
    runDetector(claude, host, (m) => {
      all.push(m);
      collect(sent)(m);
    });
    trustedClick(document.querySelector(UP[0]) as Element);
    await tick();
    expect(sent).toEqual([]);
    expect(all.filter((m) => m.type === 'gesture')).toHaveLength(1);
    host.invalidate();
  });
});

describe('claude detector: the feedback request', () => {
  it.each([
    [
      { type: 'upvote', reason: '' },
      { action: 'up', op: 'add', target: MSG },
    ],
    [
      { type: 'flag/bug', reason: 'wrong' },
      { action: 'down', op: 'add', target: MSG },
    ],
    [{ type: 'flag/facts' }, { action: 'down', op: 'add', target: MSG }],
    [{ type: 'flag' }, { action: 'down', op: 'add', target: MSG }],
    [{ type: 'chat_ended' }, null],
    [{ type: 'sc/false_positive' }, null],
    [{ reason: 'no type' }, null],
    [undefined, null],
  ])('reads body %j', (body, expected) => {
    expect(feedback(feedbackUrl(), body)).toEqual(expected);
  });

  it.each([
    `https://claude.ai/api/organizations/${ORG}/chat_conversations/c1/chat_messages/${MSG}/chat_feedback/extra`,
    `https://claude.ai/api/organizations/${ORG}/chat_conversations/c1/completion`,
    `https://claude.ai/api/organizations/${ORG}/chat_conversations/c1/chat_messages/${MSG}/flags`,
    `https://claude.ai/api/organizations/${ORG}/app_feedback`,
  ])('ignores %s', (address) => {
    expect(feedback(new URL(address), { type: 'upvote' })).toBeNull();
  });

  it('is read from POST, PUT (a changed rating) and PATCH, never from GET', () => {
    const details = (method: string, type: string) => ({
      url: feedbackUrl().href,
      method,
      tabId: 4,
      timeStamp: Date.now(),
      requestBody: { raw: [{ bytes: new TextEncoder().encode(JSON.stringify({ type, reason: '' })).buffer }] },
    });
    expect(matchAny(DETECTORS, details('POST', 'upvote'))).toMatchObject({
      detector: { id: 'claude' },
      match: { action: 'up' },
    });
    expect(matchAny(DETECTORS, details('PUT', 'flag/harmful'))).toMatchObject({ match: { action: 'down', target: MSG } });
    expect(matchAny(DETECTORS, details('PATCH', 'upvote'))).toMatchObject({ match: { action: 'up' } });
    expect(matchAny(DETECTORS, details('GET', 'upvote'))).toBeNull();
    expect(matchAny(DETECTORS, details('DELETE', 'upvote'))).toBeNull();
  });

  it('leaves other platforms on POST only', () => {
    const put = {
      url: 'https://chatgpt.com/backend-api/conversation/message_feedback',
      method: 'PUT',
      tabId: 4,
      timeStamp: Date.now(),
      requestBody: { raw: [{ bytes: new TextEncoder().encode('{"message_id":"m","rating":"thumbsUp"}').buffer }] },
    };
    expect(matchAny(DETECTORS, put)).toBeNull();
    expect(matchAny(DETECTORS, { ...put, method: 'POST' })).toMatchObject({ detector: { id: 'chatgpt' } });
  });
});
