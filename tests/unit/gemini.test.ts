// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { runDetector } from '@/lib/content/runtime';
import { closestOf } from '@/lib/detectors/dom';
import gemini, { responseId } from '@/lib/detectors/gemini';
import type { ContentMessage } from '@/lib/messages';
import { collect, fakeHost, fixture, loadPage, tick, trustedClick } from './helpers';

const CHAT = 'https://gemini.google.com/app/3f2a9c1d7e5b4a60';
const toggle = gemini.toggles[0];

function thumbs(doc: Document, nth: number) {
  return {
    up: doc.querySelectorAll('thumb-up-button button')[nth] as HTMLElement,
    down: doc.querySelectorAll('thumb-down-button button')[nth] as HTMLElement,
  };
}

/** What Gemini's own script does once it accepts a thumb: press it, release the other one. */
function press(el: HTMLElement, other?: HTMLElement) {
  el.setAttribute('aria-pressed', el.getAttribute('aria-pressed') === 'true' ? 'false' : 'true');
  other?.setAttribute('aria-pressed', 'false');
}

const sightings = (sent: ContentMessage[]) => sent.map((m) => m.type === 'sighting' && `${m.action}:${m.op}:${m.target}`);

describe('gemini detector', () => {
  let host = fakeHost();
  afterEach(() => {
    host.invalidate();
    host = fakeHost();
  });

  for (const file of ['app.html', 'app.fr.html']) {
    it(`finds each answer, its id and its thumbs' state in ${file}`, () => {
      const doc = loadPage(fixture(`gemini/${file}`), CHAT);
      const { up, down } = thumbs(doc, 0);
      const scope = closestOf(up, toggle.scope) as Element;
      expect(scope.tagName.toLowerCase()).toBe('model-response');
      expect(responseId(scope, new URL(CHAT))).toBe('r_5f1c2a9e0b7d4c11');
      expect(closestOf(up.querySelector('mat-icon') as Element, toggle.control)).toBe(up);
      expect(toggle.state(scope)).toBeNull();
      press(up);
      expect(toggle.state(scope)).toBe('up');
      press(down, up);
      expect(toggle.state(scope)).toBe('down');
    });

    it(`counts up on one answer, down then its release on the other, in ${file}`, async () => {
      const doc = loadPage(fixture(`gemini/${file}`), CHAT);
      const sent: ContentMessage[] = [];
      runDetector(gemini, host, collect(sent));
      const a = thumbs(doc, 0);
      const b = thumbs(doc, 1);
      trustedClick(a.up.querySelector('mat-icon') as Element);
      press(a.up);
      await tick();
      trustedClick(b.down);
      press(b.down);
      await tick();
      trustedClick(b.down);
      press(b.down);
      await tick();
      expect(sightings(sent)).toEqual([
        'up:add:r_5f1c2a9e0b7d4c11',
        'down:add:r_8a3e77d2c4f90b65',
        'down:undo:r_8a3e77d2c4f90b65',
      ]);
    });
  }

  it('falls back to the conversation id and the answer position when containers have no id', () => {
    const doc = loadPage(fixture('gemini/app.html'), CHAT);
    for (const el of doc.querySelectorAll('.conversation-container')) el.removeAttribute('id');
    const second = closestOf(thumbs(doc, 1).up, toggle.scope) as Element;
    expect(responseId(second, new URL(CHAT))).toBe('3f2a9c1d7e5b4a60#1');
    expect(responseId(second, new URL('https://gemini.google.com/u/1/app/3f2a9c1d7e5b4a60'))).toBe('3f2a9c1d7e5b4a60#1');
    // A new chat has no id yet: no target rather than one that another chat would share.
    expect(responseId(second, new URL('https://gemini.google.com/app'))).toBeUndefined();
  });

  it('does not depend on label text: the same with every aria-label removed', async () => {
    const doc = loadPage(fixture('gemini/app.fr.html'), CHAT);
    for (const el of doc.querySelectorAll('[aria-label]')) el.removeAttribute('aria-label');
    const sent: ContentMessage[] = [];
    runDetector(gemini, host, collect(sent));
    const { down } = thumbs(doc, 0);
    trustedClick(down);
    press(down);
    await tick();
    expect(sightings(sent)).toEqual(['down:add:r_5f1c2a9e0b7d4c11']);
  });

  it('counts nothing for untrusted clicks, pressed rendering, or a click the page ignores', async () => {
    const doc = loadPage(fixture('gemini/app.html'), CHAT);
    const sent: ContentMessage[] = [];
    runDetector(gemini, host, collect(sent));
    const a = thumbs(doc, 0);
    const b = thumbs(doc, 1);
    a.up.click();
    press(a.up);
    await tick();
    press(b.up);
    await tick();
    trustedClick(b.down);
    await tick(50);
    trustedClick(doc.querySelector('copy-button button') as Element);
    await tick();
    expect(sent).toEqual([]);
  });
});
