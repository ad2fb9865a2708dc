import { isPressed, queryFirst } from './dom';
import { THUMB_ACTIONS, thumbsToggle } from './thumbs';
import { defineDetector } from './types';

/*
 * Mistral's Le Chat (chat.mistral.ai): a thumb up or down under an answer is a judgement of the
 * model's answer (`ai-feedback`), one per answer, switch and release like the other assistants.
 *
 * Seen in public code, never in a saved page:
 * - each message is `[data-message-author-role][data-message-id]`, the answers having the role
 *   `assistant`, their text in `.markdown-container-style` ("Mistral AI Chat Exporter" userscript,
 *   beak2825/greasyfork_archives js_greasyfork/555673.js @494afb6, 2025);
 * - the app's requests are tRPC calls under `/api/trpc/<router>.<procedure>?batch=1`
 *   (`message.newChat`, `file.uploadFile`, `message.transcribeFromSignedUrl` in unofficial clients,
 *   2025–2026); none of them names a feedback procedure, so no request rule is written.
 * UNCONFIRMED (searched: public clients, exporters, userscripts and issue trackers, 2026-12): the thumbs
 * themselves. They are assumed to carry Lucide's icons (`svg.lucide-thumbs-up` / `-down`, the class
 * lucide-react writes on every icon), and their rated state to show as `aria-pressed="true"` or a Radix
 * toggle's `data-state="on"`. Hand-written in tests/fixtures/lechat.
 */
export const UP = [
  'button:has(svg.lucide-thumbs-up)', // assumed: Lucide's thumbs-up icon (no public markup found)
] as const;
export const DOWN = [
  'button:has(svg.lucide-thumbs-down)', // assumed alike
] as const;

/** One answer: the message itself, or its wrapper if the action bar sits beside it (both assumed). */
const ANSWER_MESSAGE = '[data-message-author-role="assistant"][data-message-id]';
const ANSWER = [
  ANSWER_MESSAGE, // the answer (Mistral AI Chat Exporter userscript, 2025)
  `:has(> ${ANSWER_MESSAGE})`, // its parent, if the thumbs are not inside the message (assumed)
] as const;

/** The state a thumb shows once Le Chat took it (assumed, see above). */
function rated(answer: Element, thumb: 'up' | 'down'): boolean {
  const button = queryFirst(answer, thumb === 'up' ? UP : DOWN);
  return isPressed(button) || button?.getAttribute('data-state') === 'on';
}

/** The answer's message id (a UUID in the exporter's reading), from the message or the one it wraps. */
export function answerId(scope: Element): string | undefined {
  const message = scope.matches(ANSWER_MESSAGE) ? scope : scope.querySelector(`:scope > ${ANSWER_MESSAGE}`);
  const id = message?.getAttribute('data-message-id') ?? '';
  return /^[\w-]{6,80}$/.test(id) ? id : undefined;
}

export default defineDetector({
  id: 'lechat',
  label: 'Le Chat',
  matches: ['https://chat.mistral.ai/*'],
  testUrls: ['https://chat.mistral.ai/chat', 'https://chat.mistral.ai/chat/'],
  actions: THUMB_ACTIONS,
  // The answers are seen in public code; the thumbs and their rated state are hand-written (above).
  unconfirmed: ['up', 'down'],
  toggles: [thumbsToggle({ up: UP, down: DOWN, scope: ANSWER, rated, target: (scope) => answerId(scope) })],
  health: {
    // An opened conversation (`/chat/<id>`) shows the thumbs under its finished answers.
    pages: /^\/chat\//,
    controls: [...UP, ...DOWN],
  },
});
