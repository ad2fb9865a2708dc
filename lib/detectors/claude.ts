import { prop, str } from './dom';
import { definePage, endpoints, type NetMatch, withNetwork } from './types';

/*
 * Claude's thumbs carry no test id and no pressed state; only English labels name them ("Give
 * positive feedback"). So what counts is the feedback request the app sends once the user rated an
 * answer; the buttons below serve the self-check (and tell the runtime where the user's click was).
 * Positions in the answer's action bar, seen in the saved conversation (2026-02-27,
 * adamlporter/obsidian-AI-exporter test/fixtures/html/claude/chat-simple.html @0d41a20):
 * [copy (data-testid="action-bar-copy")] [thumb up] [thumb down] [retry menu (aria-haspopup)].
 * A person's own message has [retry] [edit] [copy] and nothing after the copy button.
 */
const AFTER_COPY = 'div:has(> button[data-testid="action-bar-copy"])';
export const UP = [
  `${AFTER_COPY} + div > button:not([aria-haspopup])`, // second button of an answer's action bar (2026-02)
  'button:has(path[d^="M9.56055 2C11.1381"])', // the thumb-up icon's outline (2026-02), if the order changes
] as const;
export const DOWN = [
  `${AFTER_COPY} + div + div > button:not([aria-haspopup])`, // third button of an answer's action bar (2026-02)
  'button:has(path[d^="M12.6699 3C14.2586"])', // the thumb-down icon's outline (2026-02)
] as const;

const FEEDBACK_PATH = /^\/api\/organizations\/[\w-]+\/chat_conversations\/[\w-]+\/chat_messages\/([\w-]+)\/chat_feedback$/;

/**
 * The feedback request: `{type, reason}` posted to the rated message. "upvote" is the thumb up;
 * the thumb down opens a list of reasons, each a "flag/…" type (bug, harmful, refusal, facts, …).
 * "chat_ended" and "sc/false_positive" are not ratings of an answer.
 */
export function feedback(url: URL, body: unknown): NetMatch | null {
  const message = FEEDBACK_PATH.exec(url.pathname)?.[1];
  const type = str(prop(body, 'type'));
  if (!message || !type) return null;
  if (type === 'upvote') return { action: 'up', op: 'add', target: message };
  if (type === 'flag' || type.startsWith('flag/')) return { action: 'down', op: 'add', target: message };
  return null;
}

export const page = definePage({
  id: 'claude',
  label: 'Claude',
  matches: ['https://claude.ai/*'],
  testUrls: ['https://claude.ai/new', 'https://claude.ai/chat/'],
  actions: {
    up: { kind: 'ai-feedback', detail: 'up', slot: 'exclusive' },
    down: { kind: 'ai-feedback', detail: 'down', slot: 'exclusive' },
  },
  health: {
    // An opened conversation shows the thumbs under each answer.
    pages: /^\/chat\//,
    controls: [...UP, ...DOWN],
  },
  requests: {},
});

export default /* @__PURE__ */ withNetwork(page, () => [
  {
    // /api/organizations/<org>/chat_conversations/<chat>/chat_messages/<message>/chat_feedback:
    // - POST {type, reason} in the unofficial client Explosion-Scratch/claude-unofficial-api
    //   index.js, Message.sendFeedback (2023; idx 3551530010);
    // - the claude.ai web bundle (index-DcrCrePJ.js) analysed 2026-03-22: thumb up sends "upvote",
    //   thumb down a "flag/…" reason, POST, or PUT when the message already has feedback (idx 53913035517);
    // - the Android app v1.260430.10 (decompiled 2026-05-10): POST and PATCH on the same path
    //   (idx 57005862157, 56863717617).
    // Only the feedback endpoint: the conversation endpoints beside it carry the prompts.
    urls: endpoints('https://claude.ai/api/organizations/*/chat_feedback'),
    methods: ['POST', 'PUT', 'PATCH'],
    match: ({ url, body }) => feedback(url, body),
  },
]);
