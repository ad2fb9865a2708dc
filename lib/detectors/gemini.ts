import { isPressed, queryFirst, str } from './dom';
import { defineDetector } from './types';

// Thumbs under an answer: Angular custom elements wrapping a button whose state is aria-pressed.
const UP = [
  'thumb-up-button button[aria-pressed]', // message-actions of a model response (2024 onwards)
] as const;
const DOWN = [
  'thumb-down-button button[aria-pressed]', // message-actions of a model response (2024 onwards)
] as const;

const RESPONSE = [
  'model-response', // the answer element (2024 onwards)
  '.conversation-container', // one prompt and its answer, if the answer element is renamed
] as const;

/**
 * A stable id of the answer: its exchange container's own id where Gemini gives one, otherwise the
 * conversation id from the address and the answer's position in it.
 */
export function responseId(scope: Element, url: URL): string | undefined {
  const own = str(scope.closest('.conversation-container[id]')?.id);
  if (own) return own;
  const conversation = /^\/(?:u\/\d+\/)?app\/([\w-]+)/.exec(url.pathname)?.[1];
  if (!conversation) return undefined;
  const kind = RESPONSE.find((s) => scope.matches(s)) ?? RESPONSE[0];
  const all = [...(scope.ownerDocument?.querySelectorAll(kind) ?? [])];
  return `${conversation}#${all.indexOf(scope)}`;
}

export default defineDetector({
  id: 'gemini',
  label: 'Gemini',
  matches: ['https://gemini.google.com/*'],
  testUrls: ['https://gemini.google.com/app', 'https://gemini.google.com/app/'],
  actions: {
    up: { kind: 'ai-feedback', detail: 'up', slot: 'exclusive' },
    down: { kind: 'ai-feedback', detail: 'down', slot: 'exclusive' },
  },
  toggles: [
    {
      actions: ['up', 'down'],
      control: [...UP, ...DOWN],
      scope: RESPONSE,
      state(scope) {
        if (isPressed(queryFirst(scope, UP))) return 'up';
        if (isPressed(queryFirst(scope, DOWN))) return 'down';
        return null;
      },
      target: responseId,
    },
  ],
  health: {
    // An opened conversation shows the thumbs under each answer.
    pages: /^\/(?:u\/\d+\/)?app\//,
    controls: [...UP, ...DOWN],
  },
});
