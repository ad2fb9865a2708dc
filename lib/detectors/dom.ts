import type { Selectors } from './types';

const parses = new Map<string, boolean>();

/**
 * The selectors this engine can parse. An alternative written for another engine (a namespaced
 * attribute such as `use[*|href]`, which browsers read and happy-dom does not; `:has()` in an older
 * browser) is skipped like one that matches nothing, instead of throwing into the page.
 */
export function parsable(selectors: Selectors): string[] {
  return selectors.filter((s) => {
    let ok = parses.get(s);
    if (ok === undefined) {
      try {
        document.createDocumentFragment().querySelector(s);
        ok = true;
      } catch {
        ok = false;
      }
      parses.set(s, ok);
    }
    return ok;
  });
}

/** The first element in `root` matched by the first selector that matches anything. */
export function queryFirst(root: ParentNode, selectors: Selectors): Element | null {
  for (const s of parsable(selectors)) {
    const el = root.querySelector(s);
    if (el) return el;
  }
  return null;
}

/** The parent of an element, stepping out of an open shadow root to its host. */
export function composedParent(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/**
 * The nearest ancestor-or-self of `el` matched by any of the selectors, crossing open shadow
 * roots (Reddit's shreddit elements keep their buttons in one).
 */
export function closestOf(el: Element, selectors: Selectors): Element | null {
  const joined = joinedOf(selectors);
  if (!joined) return null;
  // The engine's own closest() walks each tree; only the step from a shadow root to its host is ours.
  for (let node: Element | null = el; node; ) {
    const hit = node.closest(joined);
    if (hit) return hit;
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return null;
}

/**
 * The nearest ancestor-or-self of `el` matched by any of the selectors within `el`'s own tree (not
 * out of a shadow root): one native closest() call. For an element known to be in the document's
 * tree, such as the target a window listener is handed (lib/content/host.ts closestFrom).
 */
export function closestInTree(el: Element, selectors: Selectors): Element | null {
  const joined = joinedOf(selectors);
  return joined ? el.closest(joined) : null;
}

const joinedCache = new WeakMap<Selectors, string>();

/** The parsable alternatives as one selector list, worked out once per list (clicks call this often). */
function joinedOf(selectors: Selectors): string {
  let joined = joinedCache.get(selectors);
  if (joined === undefined) {
    joined = parsable(selectors).join(',');
    joinedCache.set(selectors, joined);
  }
  return joined;
}

/** Like queryFirst, also looking inside the open shadow root of `root` itself. */
export function queryFirstDeep(root: Element, selectors: Selectors): Element | null {
  return queryFirst(root, selectors) ?? (root.shadowRoot ? queryFirst(root.shadowRoot, selectors) : null);
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

/** A field of a form-encoded request body (the browser hands those over as name → values). */
export function formField(body: unknown, name: string): string | undefined {
  const v = prop(body, name);
  return Array.isArray(v) ? str(v[0]) : str(v);
}

/**
 * Meta's GraphQL (Facebook Comet, Instagram Polaris): the operation's friendly name and its
 * variables, a JSON string inside the form.
 */
export function metaOperation(body: unknown): { name: string; variables: unknown } | null {
  const name = formField(body, 'fb_api_req_friendly_name');
  if (!name) return null;
  let variables: unknown;
  try {
    variables = JSON.parse(formField(body, 'variables') ?? 'null');
  } catch {
    variables = undefined;
  }
  return { name, variables };
}
