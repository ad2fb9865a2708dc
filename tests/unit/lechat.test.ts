// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { runDetector } from '@/lib/content/runtime';
import { closestOf, queryFirst } from '@/lib/detectors/dom';
import lechat, { answerId, DOWN, UP } from '@/lib/detectors/lechat';
import type { ContentMessage } from '@/lib/messages';
import { collect, fakeHost, fixture, loadPage, tick, trustedClick } from './helpers';

// Hand-written pages (tests/fixtures/lechat: answers as public code reads them, thumbs assumed).
const CHAT = 'https://chat.mistral.ai/chat/0b7c9a52-3e1f-4d2a-b6c8-9f0e1d2c3b4a';
const A1 = '8e3f1c2a-6b7d-4e19-8f20-3a4b5c6d7e01';
const A2 = '8e3f1c2a-6b7d-4e19-8f20-3a4b5c6d7e02';
const toggle = lechat.toggles[0];
const sightings = (sent: ContentMessage[]) => sent.map((m) => m.type === 'sighting' && `${m.action}:${m.op}:${m.target}`);

/** What Le Chat is assumed to do once it takes a thumb: presses it, releases the other one. */
function rate(answer: Element, thumb: 'up' | 'down' | null) {
  for (const [name, sel] of [
    ['up', UP[0]],
    ['down', DOWN[0]],
  ] as const) {
    const b = answer.querySelector(sel) as Element;
    b.setAttribute('aria-pressed', String(name === thumb));
    b.setAttribute('data-state', name === thumb ? 'on' : 'off');
  }
}
const answers = (doc: Document) => [...doc.querySelectorAll('[data-message-author-role="assistant"]')] as [Element, Element];

describe('lechat detector: thumbs by icon, never by label', () => {
  let host = fakeHost();
  afterEach(() => {
    host.invalidate();
    host = fakeHost();
  });

  for (const file of ['chat.html', 'chat.fr.html']) {
    it(`finds each answer's thumbs, its id and no state in ${file}`, () => {
      const doc = loadPage(fixture(`lechat/${file}`), CHAT);
      for (const el of doc.querySelectorAll('[aria-label]')) el.removeAttribute('aria-label');
      const scopes = [...doc.querySelectorAll(UP[0])].map((b) => closestOf(b, toggle.scope) as Element);
      expect(scopes.map((s) => answerId(s))).toEqual([A1, A2]);
      expect(doc.querySelectorAll(DOWN[0])).toHaveLength(2);
      for (const s of scopes) expect(toggle.state(s)).toBeNull();
      expect(queryFirst(doc, lechat.health.controls)).not.toBeNull();
      expect(lechat.health.pages.test(new URL(CHAT).pathname)).toBe(true);
    });

    it(`counts up, a switch to down, its release, and a second answer, in ${file}`, async () => {
      const doc = loadPage(fixture(`lechat/${file}`), CHAT);
      const sent: ContentMessage[] = [];
      runDetector(lechat, host, collect(sent));
      const [a, b] = answers(doc);
      trustedClick(a.querySelector(UP[0]) as Element);
      rate(a, 'up');
      await tick();
      trustedClick(a.querySelector(DOWN[0]) as Element);
      rate(a, 'down');
      await tick();
      trustedClick(a.querySelector(DOWN[0]) as Element);
      rate(a, null);
      await tick();
      trustedClick(b.querySelector(UP[0]) as Element);
      rate(b, 'up');
      await tick();
      // A switch is one add of the new thumb: ingest replaces the exclusive rating of the answer.
      expect(sightings(sent)).toEqual([`up:add:${A1}`, `down:add:${A1}`, `down:undo:${A1}`, `up:add:${A2}`]);
    });
  }

  it('reads the state from aria-pressed or a toggle data-state, in the message or its wrapper', () => {
    const doc = loadPage(fixture('lechat/chat.html'), CHAT);
    const [a] = answers(doc);
    const down = a.querySelector(DOWN[0]) as Element;
    down.setAttribute('data-state', 'on');
    expect(toggle.state(a)).toBe('down');
    down.setAttribute('data-state', 'off');
    (a.querySelector(UP[0]) as Element).setAttribute('aria-pressed', 'true');
    expect(toggle.state(a)).toBe('up');
    // Thumbs beside the message: the wrapper is the scope and the id comes from the message it wraps.
    const wrapper = doc.createElement('div');
    a.replaceWith(wrapper);
    const bar = a.querySelector('.flex.items-center') as Element;
    wrapper.append(a, bar);
    expect(closestOf(bar.querySelector(UP[0]) as Element, toggle.scope)).toBe(wrapper);
    expect(answerId(wrapper)).toBe(A1);
    a.setAttribute('data-message-id', '<x>');
    expect(answerId(wrapper)).toBeUndefined();
  });

  it('counts nothing for an untrusted click, a thumb rendered pressed, or a click the app ignores', async () => {
    const doc = loadPage(fixture('lechat/chat.fr.html'), CHAT);
    const sent: ContentMessage[] = [];
    runDetector(lechat, host, collect(sent));
    const [a, b] = answers(doc);
    (a.querySelector(UP[0]) as HTMLElement).click();
    rate(a, 'up');
    await tick();
    rate(b, 'down');
    await tick();
    trustedClick(b.querySelector(UP[0]) as Element);
    await tick(50);
    trustedClick(doc.querySelector('svg.lucide-copy') as Element);
    await tick();
    expect(sent).toEqual([]);
  });
});
