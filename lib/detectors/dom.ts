import type { Selectors } from './types';

/** The first element in `root` matched by the first selector that matches anything. */
export function queryFirst(root: ParentNode, selectors: Selectors): Element | null {
  for (const s of selectors) {
    const el = root.querySelector(s);
    if (el) return el;
  }
  return null;
}

/** The nearest ancestor-or-self of `el` matched by any of the selectors (the closest one wins). */
export function closestOf(el: Element, selectors: Selectors): Element | null {
  let best: Element | null = null;
  for (const s of selectors) {
    const found = el.closest(s);
    if (found && (!best || best.contains(found))) best = found;
  }
  return best;
}

export function isPressed(el: Element | null): boolean {
  return el?.getAttribute('aria-pressed') === 'true';
}

/** A JSON object's property, or undefined when the value is not an object. */
export function prop(v: unknown, key: string): unknown {
  return v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}
