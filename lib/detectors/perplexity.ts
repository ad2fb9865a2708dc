import { isPressed, queryFirst } from './dom';
import { THUMB_ACTIONS, thumbsToggle } from './thumbs';
import { defineDetector } from './types';

/*
 * Perplexity's thumbs under an answer carry no test id; what names them without words is their
 * icon, an SVG <use> of the app's sprite (`#pplx-icon-thumb-up`, `#pplx-icon-thumb-down`).
 * Seen in the saved thread (2026-02-27, adamlporter/obsidian-AI-exporter
 * test/fixtures/html/perplexity/chat-simple.html @0d41a20, `xlink:href`) and in the selectors of
 * the Complexity extension for Perplexity (THUMBS_UP_BUTTON, `use[*|href=…]`; idx 65714468774).
 * The sprite's names are Tabler icon names (repeat, copy, dots, git-fork, thumb-up…).
 */
const icon = (name: string) => [
  `button:has(use[*|href^="#pplx-icon-${name}"])`, // xlink:href, namespaced (saved thread 2026-02)
  `button:has(use[href^="#pplx-icon-${name}"])`, // the same with SVG 2's plain href, if the app drops xlink
];
export const UP = icon('thumb-up');
export const DOWN = icon('thumb-down');

/*
 * UNCONFIRMED: what a thumb shows once Perplexity took it is not in any saved page or public code.
 * Read as pressed: the sprite's filled variant of the icon (Tabler's `thumb-up-filled`), or
 * aria-pressed, whichever the app uses. Hand-written in tests/fixtures/perplexity.
 */
const filled = (name: string) => [
  `use[*|href="#pplx-icon-${name}-filled"]`, // Tabler's filled variant, namespaced href
  `use[href="#pplx-icon-${name}-filled"]`, // the same with a plain href
];

function rated(answer: Element, thumb: 'up' | 'down'): boolean {
  return queryFirst(answer, filled(`thumb-${thumb}`)) !== null || isPressed(queryFirst(answer, thumb === 'up' ? UP : DOWN));
}

/** One answer: its tab panel, holding the answer's text (`#markdown-content-<n>`) and its footer. */
const ANSWER = [
  '[role="tabpanel"]:has([id^="markdown-content-"])', // one panel per answer of a thread (saved thread 2026-02)
] as const;

/** The thread (from the address `/search/<slug>`) and the answer's position in it. */
export function answerId(scope: Element, url: URL): string | undefined {
  const thread = /^\/search\/([\w.-]+)/.exec(url.pathname)?.[1];
  const n = /^markdown-content-(\d+)$/.exec(scope.querySelector('[id^="markdown-content-"]')?.id ?? '')?.[1];
  return thread && n ? `${thread}#${n}` : undefined;
}

export default defineDetector({
  id: 'perplexity',
  label: 'Perplexity',
  matches: ['https://www.perplexity.ai/*'],
  testUrls: ['https://www.perplexity.ai/', 'https://www.perplexity.ai/search/'],
  actions: THUMB_ACTIONS,
  // The thumbs are seen in a saved page; the state they show once rated is hand-written (above).
  unconfirmed: ['up', 'down'],
  toggles: [thumbsToggle({ up: UP, down: DOWN, scope: ANSWER, rated, target: answerId })],
  health: {
    // A thread shows the thumbs under each finished answer.
    pages: /^\/search\//,
    controls: [...UP, ...DOWN],
  },
});
