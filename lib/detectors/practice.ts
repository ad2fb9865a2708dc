import { queryFirst } from './dom';
import { defineDetector, type ToggleControl } from './types';

/** The practice CAPTCHA's box, a toggle button (entrypoints/practice). */
const CAPTCHA_BOX = ['[data-practice="captcha"] [data-testid="p-captcha"]'] as const;

/**
 * The practice page's own widgets (entrypoints/practice): one of every kind of click-work, counted by
 * the same runtime as real platforms, under the `practice` platform, kept apart from real data.
 * Not in the registry: it runs in an extension page, not as a content script, and needs no host.
 * Each widget shows its state in `data-state`, as a platform shows it in aria-pressed or a test id.
 */

const ACTIONS = {
  like: { kind: 'reaction', detail: 'like', slot: 'exclusive' },
  up: { kind: 'vote', detail: 'up', slot: 'exclusive' },
  down: { kind: 'vote', detail: 'down', slot: 'exclusive' },
  stars: { kind: 'rating', detail: 'stars', slot: 'exclusive' },
  review: { kind: 'review', detail: 'review', slot: 'none' },
  comment: { kind: 'comment', detail: 'comment', slot: 'none' },
  share: { kind: 'share', detail: 'share', slot: 'exclusive' },
  label: { kind: 'tag', detail: 'label', slot: 'exclusive' },
  challenge: { kind: 'captcha', detail: 'challenge', slot: 'none' },
  report: { kind: 'report', detail: 'report', slot: 'exclusive' },
  'thumbs-up': { kind: 'ai-feedback', detail: 'up', slot: 'exclusive' },
  'thumbs-down': { kind: 'ai-feedback', detail: 'down', slot: 'exclusive' },
  compare: { kind: 'ai-feedback', detail: 'compare', slot: 'exclusive' },
} as const;

/** A widget whose `data-state` names the action that is on ("like"), or is empty. */
function widget(name: string, watchMs?: number): ToggleControl {
  return {
    // The practice page has no requests: every action is reported by its widget.
    actions: Object.keys(ACTIONS),
    control: [`[data-practice="${name}"] button`, `[data-practice="${name}"] [role="button"]`],
    scope: [`[data-practice="${name}"]`],
    state: (scope) => scope.getAttribute('data-state') || null,
    target: (scope) => scope.getAttribute('data-target') ?? name,
    watchMs,
  };
}

export default defineDetector({
  id: 'practice',
  label: 'Practice',
  matches: [],
  testUrls: [],
  actions: ACTIONS,
  toggles: [
    widget('reaction'),
    widget('vote'),
    widget('rating'),
    widget('share', 15_000),
    widget('tag'),
    widget('report', 60_000),
    widget('ai-feedback'),
    widget('compare'),
  ],
  submits: [
    {
      action: 'review',
      control: ['[data-practice="review"] button[type="submit"]'],
      composer: (button) => button.closest('[data-practice="review"]'),
      field: ['textarea'],
      target: () => undefined,
    },
    {
      action: 'comment',
      control: ['[data-practice="comment"] button[type="submit"]'],
      composer: (button) => button.closest('[data-practice="comment"]'),
      field: ['textarea'],
      target: () => undefined,
    },
  ],
  // Timed as real CAPTCHAs are (lib/content/captcha-watch.ts, lib/background/captcha.ts): from the
  // puzzle shown to passed, with each Verify a round; the page holds both the box and the puzzle.
  captcha: {
    frameRole: (url) => (url.pathname === '/practice.html' ? 'page' : null),
    widget: () => 'practice',
    checkbox: CAPTCHA_BOX,
    isPassed: (doc) => queryFirst(doc, CAPTCHA_BOX)?.getAttribute('aria-pressed') === 'true',
    isChallengeShown: (doc) => doc.querySelector('[data-practice="captcha"] [role="dialog"]') !== null,
    verify: ['[data-practice="captcha"] [data-verify]'],
  },
  health: { pages: /^\/practice\.html/, controls: ['[data-practice]'] },
});
