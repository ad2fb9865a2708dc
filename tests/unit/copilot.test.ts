// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { runDetector } from '@/lib/content/runtime';
import copilot, { answerId } from '@/lib/detectors/copilot';
import { closestOf, queryFirst } from '@/lib/detectors/dom';
import type { ContentMessage } from '@/lib/messages';
import { collect, fakeHost, fixture, loadPage, tick, trustedClick } from './helpers';

// Hand-written pages only (no saved page of Copilot): see the fixtures' comments.
const CHAT = 'https://copilot.microsoft.com/chats/qQ1eEuU2zZbB3hjC4xRXu';
const toggle = copilot.toggles[0];

function thumbs(doc: Document, nth: number) {
  return {
    up: doc.querySelectorAll('button[data-testid*="-thumbs-up-"]')[nth] as HTMLElement,
    down: doc.querySelectorAll('button[data-testid*="-thumbs-down-"]')[nth] as HTMLElement,
  };
}
/** What Copilot's script is assumed to do once it takes a thumb: press it, release the other. */
function press(el: HTMLElement, other?: HTMLElement) {
  el.setAttribute('aria-pressed', el.getAttribute('aria-pressed') === 'true' ? 'false' : 'true');
  other?.setAttribute('aria-pressed', 'false');
}
const sightings = (sent: ContentMessage[]) => sent.map((m) => m.type === 'sighting' && `${m.action}:${m.op}:${m.target}`);

describe('copilot detector (unconfirmed: hand-written markup after public code)', () => {
  let host = fakeHost();
  afterEach(() => {
    host.invalidate();
    host = fakeHost();
  });

  for (const file of ['chat.html', 'chat.fr.html']) {
    it(`finds each answer, its id and its thumbs' state in ${file}`, () => {
      const doc = loadPage(fixture(`copilot/${file}`), CHAT);
      for (const el of doc.querySelectorAll('[aria-label]')) el.removeAttribute('aria-label');
      const { up, down } = thumbs(doc, 1);
      const scope = closestOf(up, toggle.scope) as Element;
      expect(answerId(scope, new URL(CHAT))).toBe('qQ1eEuU2zZbB3hjC4xRXu#1');
      expect(toggle.state(scope)).toBeNull();
      press(up);
      expect(toggle.state(scope)).toBe('up');
      press(down, up);
      expect(toggle.state(scope)).toBe('down');
      expect(queryFirst(doc, copilot.health.controls)).not.toBeNull();
      expect(copilot.health.pages.test(new URL(CHAT).pathname)).toBe(true);
    });

    it(`counts up on one answer, down then its release on the other, in ${file}`, async () => {
      const doc = loadPage(fixture(`copilot/${file}`), CHAT);
      const sent: ContentMessage[] = [];
      runDetector(copilot, host, collect(sent));
      const a = thumbs(doc, 0);
      const b = thumbs(doc, 1);
      trustedClick(a.up);
      press(a.up);
      await tick();
      trustedClick(b.down);
      press(b.down);
      await tick();
      trustedClick(b.down);
      press(b.down);
      await tick();
      expect(sightings(sent)).toEqual([
        'up:add:qQ1eEuU2zZbB3hjC4xRXu#0',
        'down:add:qQ1eEuU2zZbB3hjC4xRXu#1',
        'down:undo:qQ1eEuU2zZbB3hjC4xRXu#1',
      ]);
    });
  }

  it('finds the answer when the toolbar sits inside it, and has no target outside a conversation', () => {
    const doc = loadPage(fixture('copilot/chat.html'), CHAT);
    const answer = doc.querySelectorAll('[data-content="ai-message"]')[1] as Element;
    const toolbar = answer.nextElementSibling as Element;
    answer.append(toolbar);
    const scope = closestOf(thumbs(doc, 1).up, toggle.scope) as Element;
    expect(scope).toBe(answer);
    expect(answerId(scope, new URL(CHAT))).toBe('qQ1eEuU2zZbB3hjC4xRXu#1');
    expect(answerId(scope, new URL('https://copilot.microsoft.com/'))).toBeUndefined();
  });

  it('counts nothing for untrusted clicks, pressed rendering, or a click the page ignores', async () => {
    const doc = loadPage(fixture('copilot/chat.html'), CHAT);
    const sent: ContentMessage[] = [];
    runDetector(copilot, host, collect(sent));
    const a = thumbs(doc, 0);
    const b = thumbs(doc, 1);
    a.up.click();
    press(a.up);
    await tick();
    press(b.up);
    await tick();
    trustedClick(b.down);
    await tick(50);
    trustedClick(doc.querySelector('button[data-testid$="-copy-button"]') as Element);
    await tick();
    expect(sent).toEqual([]);
  });
});
