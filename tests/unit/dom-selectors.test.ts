// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { closestOf, queryFirst } from '@/lib/detectors/dom';

// A selector the engine cannot parse (happy-dom has no namespaced attributes, `*|href`; an older
// browser has no `:has()`) is skipped like one that matches nothing: the other alternatives still
// work and no exception reaches the page.
describe('selector alternatives an engine cannot parse', () => {
  const unparsable = 'use[*|href="#icon"]';

  it('are skipped by queryFirst and closestOf, which use the others', () => {
    document.body.innerHTML = '<div class="bar"><button id="b"><svg><use href="#icon"></use></svg></button></div>';
    expect(() => document.querySelector(unparsable)).toThrow();
    const button = document.getElementById('b') as Element;
    expect(queryFirst(document, [unparsable, 'button:has(use[href="#icon"])'])).toBe(button);
    expect(
      closestOf(button.querySelector('use') as Element, [`button:has(${unparsable})`, 'button:has(use[href="#icon"])']),
    ).toBe(button);
    expect(closestOf(button, [unparsable])).toBeNull();
    expect(queryFirst(document, [unparsable])).toBeNull();
  });
});
