import { isPressed, queryFirst } from './dom';
import { THUMB_ACTIONS, thumbsToggle } from './thumbs';
import { defineDetector } from './types';

/*
 * Microsoft Copilot (copilot.microsoft.com). What is seen in public code, never in a saved page:
 * - the thumbs carry a test id containing `-thumbs-up-` (`-thumbs-down-` assumed alike): a
 *   SeleniumBase example waits for `button[data-testid*="-thumbs-up-"]` under a finished answer
 *   (seleniumbase/SeleniumBase examples/cdp_mode/raw_copilot.py @1116fad; idx 43283977566);
 * - answers are `[data-content="ai-message"]`, a person's messages `[data-content="user-message"]`,
 *   in several exporters, one of them "relevés sur le vrai Copilot grand public" (idx 59796378800,
 *   10607818625, 2795899129).
 * UNCONFIRMED: the pressed state (aria-pressed, assumed), the thumb-down test id and where the
 * toolbar sits (in the answer or beside it). No feedback request is known: Copilot talks over a
 * WebSocket (`/c/api/chat`), which the extension cannot read anyway.
 */
const UP = [
  'button[data-testid*="-thumbs-up-"]', // under a finished answer (SeleniumBase example, 2025)
] as const;
const DOWN = [
  'button[data-testid*="-thumbs-down-"]', // assumed to mirror the thumb up's test id
] as const;

const ANSWER = [
  '[data-content="ai-message"]', // the answer itself, if its toolbar is inside it
  ':has(> [data-content="ai-message"])', // the answer's wrapper, if the toolbar is beside it
] as const;

/** The conversation (from the address `/chats/<id>`, assumed) and the answer's position among its answers. */
export function answerId(scope: Element, url: URL): string | undefined {
  const chat = /^\/chats\/([\w-]+)/.exec(url.pathname)?.[1];
  if (!chat) return undefined;
  const answer = scope.matches('[data-content="ai-message"]')
    ? scope
    : scope.querySelector(':scope > [data-content="ai-message"]');
  const all = [...(scope.ownerDocument?.querySelectorAll('[data-content="ai-message"]') ?? [])];
  const n = answer ? all.indexOf(answer) : -1;
  return n < 0 ? undefined : `${chat}#${n}`;
}

export default defineDetector({
  id: 'copilot',
  label: 'Copilot',
  matches: ['https://copilot.microsoft.com/*'],
  testUrls: ['https://copilot.microsoft.com/', 'https://copilot.microsoft.com/chats/'],
  actions: THUMB_ACTIONS,
  // Only public code and hand-written markup (above): no saved page of Copilot.
  unconfirmed: ['up', 'down'],
  toggles: [
    thumbsToggle({
      up: UP,
      down: DOWN,
      scope: ANSWER,
      rated: (answer, thumb) => isPressed(queryFirst(answer, thumb === 'up' ? UP : DOWN)),
      target: answerId,
    }),
  ],
  health: {
    // An opened conversation shows the thumbs under its finished answers.
    pages: /^\/chats\//,
    controls: [...UP, ...DOWN],
  },
});
