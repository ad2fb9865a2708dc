// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { closestFrom, origin } from '@/lib/content/host';

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

/** The control a click that started on `el` is in, as the window's capture listener finds it. */
function controlOf(el: Element, selectors: readonly string[]): Element | null {
  let seen: Element | null | undefined;
  const listener = (e: Event) => {
    seen = closestFrom(e, selectors);
  };
  window.addEventListener('click', listener, true);
  el.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
  window.removeEventListener('click', listener, true);
  if (seen === undefined) throw new Error('the listener did not run');
  return seen;
}

describe('closestFrom (the control a click is in)', () => {
  it('finds the nearest matching ancestor of a target in the light DOM, and nothing elsewhere', () => {
    document.body.innerHTML =
      '<article><div data-testid="like" id="like"><span id="icon">♥</span></div><p id="text">words</p></article>';
    const selectors = ['[data-testid="like"]', '[data-testid="unlike"]'];
    expect(controlOf(document.getElementById('icon') as Element, selectors)?.id).toBe('like');
    expect(controlOf(document.getElementById('text') as Element, selectors)).toBeNull();
    expect(controlOf(document.getElementById('icon') as Element, [])).toBeNull();
  });

  // happy-dom hands a window listener the element inside a shadow root itself; browsers retarget the
  // event to the shadow root's host (DOM standard; Chromium and Firefox do): the event as they hand it.
  const retargeted = (inner: Element, host: Element) =>
    ({ target: host, composedPath: () => [inner, inner.getRootNode(), host, document.body] }) as unknown as Event;

  it('climbs out of open shadow roots from where the click started', () => {
    // A control inside the shadow tree, and a matching element around the host (Reddit's shreddit markup).
    document.body.innerHTML = '<section class="post"><div id="host"></div></section>';
    const host = document.getElementById('host') as HTMLElement;
    host.attachShadow({ mode: 'open' }).innerHTML =
      '<button upvote id="up"><span id="arrow">↑</span></button><i id="other">x</i>';
    const click = (id: string) => retargeted(host.shadowRoot?.getElementById(id) as Element, host);
    expect(closestFrom(click('arrow'), ['button[upvote]'])?.id).toBe('up');
    expect(closestFrom(click('other'), ['section.post'])?.className).toBe('post');
    expect(closestFrom(click('other'), ['button[upvote]'])).toBeNull();
  });

  it('sees a closed shadow root as its host', () => {
    document.body.innerHTML = '<div class="box"><div id="host"></div></div>';
    const host = document.getElementById('host') as HTMLElement;
    host.attachShadow({ mode: 'closed' }).innerHTML = '<button id="inner">x</button>';
    // The browser's composed path for a listener outside a closed shadow root starts at the host.
    const click = { target: host, composedPath: () => [host, document.body] } as unknown as Event;
    expect(closestFrom(click, ['.box'])?.className).toBe('box');
    expect(closestFrom(click, ['button'])).toBeNull();
  });
});
