import { isPressed, prop, queryFirst, str } from './dom';
import { definePage, endpoints, type NetMatch, withNetwork } from './types';

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

/**
 * "Which response do you prefer?" (two answers side by side) and "Was this response better or
 * worse?" (after a regeneration) post the same comparison feedback; its markup was not found, so
 * only the request counts. The pair of answers compared is the target: a resent choice counts once.
 */
export function comparison(url: URL, body: unknown): NetMatch | null {
  if (!/\/backend-api\/conversation\/message_comparison_feedback$/.test(url.pathname)) return null;
  // completion_comparison_rating: "new" | "original" | "same" (2023); "same" (neither) is a judgement too.
  if (!str(prop(body, 'completion_comparison_rating'))) return null;
  const pair = [str(prop(body, 'original_message_id')), str(prop(body, 'new_message_id'))].filter(Boolean);
  const conversation = str(prop(body, 'conversation_id'));
  const target = pair.length ? `compare:${pair.join('|')}` : conversation && `compare:${conversation}`;
  return { action: 'compare', op: 'add', ...(target ? { target } : {}) };
}

export const page = definePage({
  id: 'chatgpt',
  label: 'ChatGPT',
  matches: ['https://chatgpt.com/*', 'https://chat.openai.com/*'],
  testUrls: ['https://chatgpt.com/', 'https://chatgpt.com/c/'],
  actions: {
    up: { kind: 'ai-feedback', detail: 'up', slot: 'exclusive' },
    down: { kind: 'ai-feedback', detail: 'down', slot: 'exclusive' },
    // Its own target (the pair compared), so it never replaces a thumb on either answer.
    compare: { kind: 'ai-feedback', detail: 'compare', slot: 'per-detail' },
  },
  // The comparison request is known from public code only (see `comparison`), not from a capture.
  unconfirmed: ['compare'],
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
  requests: {},
});

export default /* @__PURE__ */ withNetwork(page, () => [
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
  {
    // POST /backend-api/conversation/message_comparison_feedback, JSON body with
    // completion_comparison_rating, original_message_id, new_message_id, conversation_id:
    // - the web app's API module, deobfuscated (2023, chat.openai.com; idx 49005061164, 49834309498);
    // - a reverse-engineered API write-up with the body of the regeneration prompt (2023-03;
    //   idx 49135349969, 13365817330);
    // - a parser of the user's data export telling the pairwise "which do you prefer" choice
    //   (placement left/right) from the regeneration prompt (placement "not-applicable") (idx 19239301727);
    // - the ChatGPT Android app still names the endpoint (decompiled, 2025-26; idx 58569111702).
    // The chatgpt.com path is assumed to follow message_feedback's move from chat.openai.com.
    urls: endpoints(
      'https://chatgpt.com/backend-api/conversation/message_comparison_feedback',
      'https://chat.openai.com/backend-api/conversation/message_comparison_feedback',
    ),
    match: ({ url, body }) => comparison(url, body),
  },
]);
