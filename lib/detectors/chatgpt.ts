import { isPressed, prop, queryFirst, str } from './dom';
import { defineDetector, endpoints } from './types';

// Thumbs under an answer; their state is aria-pressed, never their labels.
const UP = [
  'button[data-testid="good-response-turn-action-button"]', // turn action bar (2024 onwards, seen 2026-02)
] as const;
const DOWN = [
  'button[data-testid="bad-response-turn-action-button"]', // turn action bar (2024 onwards, seen 2026-02)
] as const;

const TURN = [
  'article[data-testid^="conversation-turn-"]', // one article per turn (2023 onwards)
  'article[data-turn="assistant"]', // the same article if its test id is ever dropped (data-turn seen 2026-02)
] as const;

/**
 * The id of the answer a turn shows: its last assistant message (a turn that used tools holds
 * several), which is the id the feedback request names.
 */
export function answerId(turn: Element): string | undefined {
  const messages = turn.querySelectorAll('[data-message-author-role="assistant"][data-message-id]');
  return str(messages[messages.length - 1]?.getAttribute('data-message-id'));
}

const RATINGS: Record<string, 'up' | 'down'> = { thumbsUp: 'up', thumbsDown: 'down' };

export default defineDetector({
  id: 'chatgpt',
  label: 'ChatGPT',
  matches: ['*://chatgpt.com/*', '*://chat.openai.com/*'],
  testUrls: ['https://chatgpt.com/', 'https://chatgpt.com/c/'],
  actions: {
    up: { kind: 'ai-feedback', detail: 'up', slot: 'exclusive' },
    down: { kind: 'ai-feedback', detail: 'down', slot: 'exclusive' },
  },
  toggles: [
    {
      actions: ['up', 'down'],
      control: [...UP, ...DOWN],
      scope: TURN,
      state(turn) {
        if (isPressed(queryFirst(turn, UP))) return 'up';
        if (isPressed(queryFirst(turn, DOWN))) return 'down';
        return null;
      },
      target: (turn) => answerId(turn),
    },
  ],
  health: {
    // A saved conversation always shows the thumbs under its answers.
    pages: /^\/(?:g\/[\w-]+\/)?c\//,
    controls: [...UP, ...DOWN],
  },
  network: [
    {
      // The feedback endpoint, named the same since 2022 (chat.openai.com, then chatgpt.com in 2024).
      // Only this endpoint: the conversation endpoints next to it carry the prompts.
      urls: endpoints(
        'https://chatgpt.com/backend-api/conversation/message_feedback',
        'https://chat.openai.com/backend-api/conversation/message_feedback',
      ),
      match({ url, body }) {
        if (!/\/backend-api\/conversation\/message_feedback$/.test(url.pathname)) return null;
        const rating = str(prop(body, 'rating'));
        const action = rating ? RATINGS[rating] : undefined;
        if (!action) return null;
        return { action, op: 'add', target: str(prop(body, 'message_id')) };
      },
    },
  ],
});
