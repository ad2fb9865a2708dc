// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { unconfirmedNote } from '@/components/HealthPanel';
import { runDetector } from '@/lib/content/runtime';
import chatgpt, { answerId, comparison } from '@/lib/detectors/chatgpt';
import { closestOf } from '@/lib/detectors/dom';
import type { ContentMessage } from '@/lib/messages';
import { realPages } from '../real-pages';
import { withoutTurns } from '../real-trims';
import { collect, fakeHost, fixture, loadPage, tick, trustedClick } from './helpers';

const CONVERSATION = 'https://chatgpt.com/c/67c0a1b2-1234-8000-9000-0123456789ab';
const toggle = chatgpt.toggles[0];
const CAPTURE = 'chatgpt_conversation_2026-02-27.html';
const real = realPages(CAPTURE);
/** The real conversation with turns 5 to 11 removed (the same markup as turns 1 to 4). */
const realConversation = () => withoutTurns(real.read(CAPTURE), 5, 11);

const FILES = [
  // Real capture (2026-02-27): the first answer is message d6c3824e-…, the second 000c2552-….
  {
    file: CAPTURE,
    html: realConversation,
    skip: real.skip,
    first: 'd6c3824e-9c23-4bfe-b8fb-9127dfc0ee9a',
    second: '000c2552-861d-4a46-917c-beb81415a068',
  },
  {
    file: 'conversation.fr.html',
    html: () => fixture('chatgpt/conversation.fr.html'),
    skip: false,
    first: 'bbbb2222-0000-4000-8000-000000000002',
    second: 'dddd4444-0000-4000-8000-000000000004',
  },
];

function thumbs(doc: Document, nth: number) {
  return {
    up: doc.querySelectorAll('[data-testid="good-response-turn-action-button"]')[nth] as HTMLElement,
    down: doc.querySelectorAll('[data-testid="bad-response-turn-action-button"]')[nth] as HTMLElement,
  };
}

/** What ChatGPT's own script does once it accepts a thumb: press it, release the other one. */
function press(el: HTMLElement, other?: HTMLElement) {
  el.setAttribute('aria-pressed', el.getAttribute('aria-pressed') === 'true' ? 'false' : 'true');
  other?.setAttribute('aria-pressed', 'false');
}

function sightings(sent: ContentMessage[]) {
  return sent.map((m) => m.type === 'sighting' && `${m.action}:${m.op}:${m.target}`);
}

describe('chatgpt detector', () => {
  let host = fakeHost();
  afterEach(() => {
    host.invalidate();
    host = fakeHost();
  });

  for (const { file, html, skip, first, second } of FILES) {
    it.skipIf(skip)(`finds each answer's turn, its id and its thumbs' state in ${file}`, () => {
      const doc = loadPage(html(), CONVERSATION);
      const { up, down } = thumbs(doc, 0);
      const turn = closestOf(up, toggle.scope) as Element;
      expect(turn.getAttribute('data-turn')).toBe('assistant');
      expect(closestOf(up.querySelector('svg') as Element, toggle.control)).toBe(up);
      expect(answerId(turn)).toBe(first);
      expect(answerId(closestOf(thumbs(doc, 1).up, toggle.scope) as Element)).toBe(second);
      expect(toggle.state(turn)).toBeNull();
      press(up);
      expect(toggle.state(turn)).toBe('up');
      press(down, up);
      expect(toggle.state(turn)).toBe('down');
    });

    it.skipIf(skip)(`counts a thumb up, a switch to down and its release, each on its own answer, in ${file}`, async () => {
      const doc = loadPage(html(), CONVERSATION);
      const sent: ContentMessage[] = [];
      runDetector(chatgpt, host, collect(sent));
      const a = thumbs(doc, 0);
      const b = thumbs(doc, 1);
      trustedClick(a.up.querySelector('svg') as Element);
      press(a.up);
      await tick();
      trustedClick(b.down);
      press(b.down);
      await tick();
      trustedClick(b.up);
      press(b.up, b.down);
      await tick();
      trustedClick(b.up);
      press(b.up);
      await tick();
      expect(sightings(sent)).toEqual([`up:add:${first}`, `down:add:${second}`, `up:add:${second}`, `up:undo:${second}`]);
    });
  }

  it.skipIf(real.skip)('does not depend on label text: the same with every aria-label and text removed', async () => {
    const doc = loadPage(realConversation(), CONVERSATION);
    for (const el of doc.querySelectorAll('[aria-label]')) el.removeAttribute('aria-label');
    for (const el of doc.querySelectorAll('.sr-only')) el.textContent = '';
    const sent: ContentMessage[] = [];
    runDetector(chatgpt, host, collect(sent));
    const { up } = thumbs(doc, 0);
    trustedClick(up);
    press(up);
    await tick();
    expect(sightings(sent)).toEqual(['up:add:d6c3824e-9c23-4bfe-b8fb-9127dfc0ee9a']);
  });

  it.skipIf(real.skip)('counts nothing for untrusted clicks, pressed rendering, or a click the page ignores', async () => {
    const doc = loadPage(realConversation(), CONVERSATION);
    const sent: ContentMessage[] = [];
    runDetector(chatgpt, host, collect(sent));
    const a = thumbs(doc, 0);
    const b = thumbs(doc, 1);
    a.up.click(); // synthetic: isTrusted is false
    press(a.up);
    await tick();
    press(b.down); // rendered pressed, e.g. an earlier rating loaded with the conversation
    await tick();
    trustedClick(b.up); // a trusted click the page does not act on (signed out, offline)
    await tick(50);
    trustedClick(doc.querySelector('[data-testid="copy-turn-action-button"]') as Element);
    await tick();
    expect(sent).toEqual([]);
  });

  it.each([
    [
      { conversation_id: 'c1', message_id: 'm1', rating: 'thumbsUp', tags: [], text: '' },
      { action: 'up', op: 'add', target: 'm1' },
    ],
    [
      { conversation_id: 'c1', message_id: 'm1', rating: 'thumbsDown' },
      { action: 'down', op: 'add', target: 'm1' },
    ],
    [{ conversation_id: 'c1', message_id: 'm1', rating: 'neutral' }, null],
    [{ conversation_id: 'c1', message_id: 'm1' }, null],
    [undefined, null],
  ])('matches message_feedback with body %j', (body, expected) => {
    const rule = chatgpt.network[0];
    const hit = rule.match({
      url: new URL('https://chatgpt.com/backend-api/conversation/message_feedback'),
      method: 'POST',
      body,
    });
    expect(hit).toEqual(expected);
  });

  it.each([
    'https://chatgpt.com/backend-api/conversation',
    'https://chatgpt.com/backend-api/conversation/67c0a1b2/feedback',
    'https://chatgpt.com/backend-api/lat/r',
    'https://chatgpt.com/backend-api/conversation/message_feedback/extra',
  ])('ignores %s', (address) => {
    const hit = chatgpt.network[0].match({
      url: new URL(address),
      method: 'POST',
      body: { message_id: 'm1', rating: 'thumbsUp' },
    });
    expect(hit).toBeNull();
  });

  it('matches the older chat.openai.com address too', () => {
    const url = new URL('https://chat.openai.com/backend-api/conversation/message_feedback');
    expect(chatgpt.network[0].match({ url, method: 'POST', body: { message_id: 'm2', rating: 'thumbsUp' } })).toEqual({
      action: 'up',
      op: 'add',
      target: 'm2',
    });
  });

  describe('"which response do you prefer" (comparison feedback)', () => {
    const COMPARE = 'https://chatgpt.com/backend-api/conversation/message_comparison_feedback';
    // The shape of the 2023 requests (regeneration prompt and pairwise choice), timings left out.
    const body = (rating: string, extra: object = {}) => ({
      conversation_id: 'c7f0',
      original_message_id: 'eb-e2',
      new_message_id: '7b-4a',
      completion_comparison_rating: rating,
      new_completion_placement: 'left',
      feedback_version: 'comparison_feedback_modal:a:1.0',
      rating: 'none',
      tags: [],
      text: '',
      ...extra,
    });

    it.each(['new', 'original', 'same'])('counts a choice of %s once per pair of answers', (rating) => {
      expect(comparison(new URL(COMPARE), body(rating))).toEqual({ action: 'compare', op: 'add', target: 'compare:eb-e2|7b-4a' });
    });

    it('is its own action, on its own target: it never replaces a thumb on either answer', () => {
      expect(chatgpt.actions.compare).toEqual({ kind: 'ai-feedback', detail: 'compare', slot: 'per-detail' });
      const hit = comparison(new URL(COMPARE), body('new'));
      expect(hit?.target).not.toBe('7b-4a');
    });

    it('falls back to the conversation when the pair is not named', () => {
      const hit = comparison(new URL(COMPARE), {
        conversation_id: 'c9',
        completion_comparison_rating: 'new',
      });
      expect(hit).toEqual({ action: 'compare', op: 'add', target: 'compare:c9' });
      expect(comparison(new URL(COMPARE), { completion_comparison_rating: 'same' })).toEqual({ action: 'compare', op: 'add' });
    });

    it.each([
      [{ conversation_id: 'c1', original_message_id: 'a', new_message_id: 'b' }],
      [{ completion_comparison_rating: '' }],
      [undefined],
    ])('counts nothing without a choice: %j', (b) => {
      expect(comparison(new URL(COMPARE), b)).toBeNull();
    });

    it('is matched by the network rules on both addresses, and only there', () => {
      const find = (address: string) =>
        chatgpt.network.map((r) => r.match({ url: new URL(address), method: 'POST', body: body('new') })).find(Boolean) ?? null;
      expect(find(COMPARE)).toMatchObject({ action: 'compare' });
      expect(find('https://chat.openai.com/backend-api/conversation/message_comparison_feedback')).toMatchObject({
        action: 'compare',
      });
      expect(find(`${COMPARE}/extra`)).toBeNull();
      expect(find('https://chatgpt.com/backend-api/conversation/message_feedback')).toBeNull();
    });

    it('is marked unconfirmed where users see it: no capture shows its request or its markup', () => {
      expect(chatgpt.unconfirmed).toEqual(['compare']);
      const spy = vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((k, subs) => `${k}(${subs})`);
      expect(unconfirmedNote('chatgpt')).toBe('healthUnconfirmed(compare)');
      spy.mockRestore();
      expect(unconfirmedNote('gemini')).toBeNull();
      expect(unconfirmedNote('claude')).toBeNull();
    });
  });
});
