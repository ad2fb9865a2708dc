// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { origin } from '@/lib/content/host';

/** Where a click that started on `el` is seen from the window's capture listener. */
function seenFrom(el: Element): Element | null {
  let seen: Element | null | undefined;
  const listener = (e: Event) => {
    seen = origin(e);
  };
  window.addEventListener('click', listener, true);
  el.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
  window.removeEventListener('click', listener, true);
  if (seen === undefined) throw new Error('the listener did not run');
  return seen;
}

describe('origin (the element a click started on)', () => {
  it('is the target itself in the light DOM', () => {
    document.body.innerHTML = '<article><p><span id="t">text</span></p></article>';
    expect(seenFrom(document.getElementById('t') as Element)?.id).toBe('t');
  });

  it('is the element inside an open shadow root, not its host', () => {
    document.body.innerHTML = '<div id="host"></div>';
    const host = document.getElementById('host') as HTMLElement;
    host.attachShadow({ mode: 'open' }).innerHTML = '<button id="inner">like</button>';
    const inner = host.shadowRoot?.getElementById('inner') as Element;
    expect(seenFrom(inner)).toBe(inner);
  });

  it('is the host when the click was on the host itself', () => {
    document.body.innerHTML = '<div id="host"></div>';
    const host = document.getElementById('host') as HTMLElement;
    host.attachShadow({ mode: 'open' }).innerHTML = '<span>x</span>';
    expect(seenFrom(host)).toBe(host);
  });

  it('is null for an event not started on an element', () => {
    let seen: Element | null | undefined;
    const listener = (e: Event) => {
      seen = origin(e);
    };
    window.addEventListener('custom', listener, true);
    document.dispatchEvent(new Event('custom', { bubbles: true }));
    window.removeEventListener('custom', listener, true);
    expect(seen).toBeNull();
  });
});
