import { prop, str } from './dom';
import { graphqlReactionRule, toolbarToggle } from './github-toolbar';
import { type ActionSpec, definePage, type ToggleControl, withNetwork } from './types';

/**
 * GitHub's reaction contents (the GraphQL ReactionContent enum) and the detail each is stored under:
 * ids of the export's form (lower case and dashes). Before schema version 5 the thumbs were stored
 * as `thumbs_up`/`thumbs_down`, which exports wrote as `other`; the upgrade renames them (upgrade-v5.ts).
 */
const REACTIONS = {
  THUMBS_UP: 'thumbs-up',
  THUMBS_DOWN: 'thumbs-down',
  LAUGH: 'laugh',
  HOORAY: 'hooray',
  CONFUSED: 'confused',
  HEART: 'heart',
  ROCKET: 'rocket',
  EYES: 'eyes',
} as const;
type Content = keyof typeof REACTIONS;
const CONTENTS = Object.keys(REACTIONS) as Content[];

/** The owner/name of the repository a path belongs to. */
function repoOf(path: string | null | undefined): string | undefined {
  const m = /^\/([\w.-]+\/[\w.-]+)\/(?:star|unstar)$/.exec(path ?? '');
  return m?.[1];
}

// Reaction buttons carry the content in their form value: "THUMBS_UP react" before, "… unreact" after.
const REACTION_SCOPE = [
  '.js-comment', // one issue, pull request or review comment: its summary and its header picker (2017 onwards)
] as const;

/** The node id (subjectId) of what a reaction scope reacts to; the request carries the same id. */
function subjectId(form: Element): string | undefined {
  return (form.querySelector('input[name="input[subjectId]"]') as HTMLInputElement | null)?.value || undefined;
}

function reactionToggle(content: Content): ToggleControl {
  return {
    actions: [content],
    control: [
      `button.js-reaction-group-button[value^="${content} "]`, // the summary under a comment
      `button.js-reaction-option-item[value^="${content} "]`, // the emoji picker of the same form
    ],
    scope: REACTION_SCOPE,
    // The summary button turns pressed and its value to "unreact" once GitHub has stored the reaction.
    state: (form) =>
      form.querySelector(
        `button.js-reaction-group-button[value="${content} unreact"], button.js-reaction-group-button[value^="${content} "][aria-pressed="true"]`,
      )
        ? content
        : null,
    target: subjectId,
  };
}

export const page = definePage({
  id: 'github',
  label: 'GitHub',
  matches: ['https://github.com/*'],
  testUrls: ['https://github.com/wxt-dev/wxt', 'https://github.com/wxt-dev/wxt/issues/1'],
  actions: {
    star: { kind: 'reaction', detail: 'star', slot: 'per-detail' },
    ...(Object.fromEntries(CONTENTS.map((c) => [c, { kind: 'reaction', detail: REACTIONS[c], slot: 'per-detail' }])) as Record<
      Content,
      ActionSpec
    >),
  },
  toggles: [
    {
      // Still the repository header's star control in 2026: a HAR capture of 2026-04-19 (code-search
      // idx 53281529541) reads `form[action$="/unstar"]`'s token and posts to /star and /unstar.
      actions: ['star'],
      control: [
        '.starring-container form[action$="/star"] button', // star button (2014 onwards)
        '.starring-container form[action$="/unstar"] button', // its starred twin, shown after starring
      ],
      scope: [
        '.js-toggler-container.starring-container', // the toggler around both forms (2014 onwards)
      ],
      // js-toggler adds `on` to the container while the repository is starred.
      state: (container) => (container.classList.contains('on') ? 'star' : null),
      target: (container, url) =>
        repoOf(container.querySelector('form[action$="/star"], form[action$="/unstar"]')?.getAttribute('action')) ??
        /^\/([\w.-]+\/[\w.-]+)/.exec(url.pathname)?.[1],
    },
    ...CONTENTS.map(reactionToggle),
    ...CONTENTS.map(toolbarToggle),
  ],
  health: {
    // A repository's home page shows the star button to everyone.
    pages: /^\/[\w.-]+\/[\w.-]+\/?$/,
    controls: ['.starring-container', 'form[action$="/star"]'],
  },
  requests: {},
});

export default /* @__PURE__ */ withNetwork(page, () => [
  {
    // The star forms post to the same paths since 2012.
    urls: ['https://github.com/*/star', 'https://github.com/*/unstar'],
    match({ url }) {
      const repo = repoOf(url.pathname);
      if (!repo) return null;
      return { action: 'star', op: url.pathname.endsWith('/unstar') ? 'undo' : 'add', target: repo };
    },
  },
  {
    // A reaction form posts `input[content]` = "<CONTENT> react|unreact" and the subject's node id.
    urls: ['https://github.com/*/reactions'],
    match({ url, body }) {
      if (!/^\/[\w.-]+\/[\w.-]+\/reactions$/.test(url.pathname)) return null;
      const field = (name: string) => {
        const v = prop(body, name);
        return Array.isArray(v) ? str(v[0]) : undefined;
      };
      const m = /^([A-Z_]+) (react|unreact)$/.exec(field('input[content]') ?? '');
      const content = m?.[1];
      if (!content || !(content in REACTIONS)) return null;
      return { action: content, op: m?.[2] === 'react' ? 'add' : 'undo', target: field('input[subjectId]') };
    },
  },
  graphqlReactionRule(),
]);
