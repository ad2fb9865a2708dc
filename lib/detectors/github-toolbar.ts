import { prop, str } from './dom';
import { endpoints, type NetMatch, type NetRequest, type NetworkRule, type ToggleControl } from './types';

/**
 * GitHub's React views (issues since 2024, and the pull-request and discussion views built on the
 * same components): each issue body and comment ends with a reactions toolbar. Its reactions are
 * buttons with role="switch"; `aria-checked` says whether the viewer's own reaction is on. Their
 * labels are sentences ("Unreact with 👍 (1 👍 reaction so far, …)"); only the emoji is read.
 */

/** The GraphQL ReactionContent enum (public API schema) by the emoji the switch shows. */
export const EMOJI_CONTENT: Readonly<Record<string, string>> = {
  '👍': 'THUMBS_UP',
  '👎': 'THUMBS_DOWN',
  '😄': 'LAUGH',
  '🎉': 'HOORAY',
  '😕': 'CONFUSED',
  '❤': 'HEART', // "❤️": the variation selector is dropped before the lookup
  '🚀': 'ROCKET',
  '👀': 'EYES',
};

// Seen in the saved logged-in issue page of 2025-04-08 (SubstrateLabs/brocc @ 03f6e3f7,
// cli/src/brocc_li/tests/html_fixtures/_github-repo.html) and, empty, in the logged-out one of
// 2025-07-20 (kepano/defuddle @ 6de1634, tests/fixtures/general--github.com-issue-56.html).
const TOOLBAR = ['[role="toolbar"]'] as const;
const SWITCH = 'button[role="switch"][aria-checked]';
const TOOLBAR_CONTROLS = [
  `[role="toolbar"] ${SWITCH}`, // an existing reaction: clicking toggles the viewer's own (2025-04 page)
  '[role="toolbar"] button[aria-haspopup="true"]', // the smiley that opens the reaction picker (2025-04 and 2025-07 pages)
] as const;

/** Which reaction a switch shows: its leading emoji, the same in every interface language. */
export function switchContent(button: Element): string | undefined {
  const visual = button.querySelector('[data-component="leadingVisual"]') ?? button;
  const emoji = (visual.textContent ?? '').replace(/[\uFE0F\s]/g, '');
  return EMOJI_CONTENT[emoji];
}

/**
 * The node id the reaction is stored on, as the request's `subjectId` names it: a comment's from its
 * box's test id (`comment-viewer-outer-box-IC_…`), the or pull request's from the command
 * palette's default scope or the slash-command URL (both in the 2025-04 logged-in page).
 */
export function toolbarSubject(toolbar: Element): string | undefined {
  const box = toolbar.closest('[data-testid^="comment-viewer-outer-box-"]');
  if (box) return box.getAttribute('data-testid')?.slice('comment-viewer-outer-box-'.length) || undefined;
  const doc = toolbar.ownerDocument;
  const stack = doc.querySelector(
    'command-palette-page-stack[data-default-scope-type="Issue"], command-palette-page-stack[data-default-scope-type="PullRequest"], command-palette-page-stack[data-default-scope-type="Discussion"]',
  );
  const fromStack = stack?.getAttribute('data-default-scope-id');
  if (fromStack) return fromStack;
  const slash = doc.querySelector('[data-slash-command-url*="subject_gid="]')?.getAttribute('data-slash-command-url') ?? '';
  return /[?&]subject_gid=([\w-]+)/.exec(slash)?.[1];
}

/** One toggle per reaction content: a click on any reaction control of a toolbar watches the whole toolbar. */
export function toolbarToggle(content: string): ToggleControl {
  return {
    control: TOOLBAR_CONTROLS,
    scope: TOOLBAR,
    actions: [content],
    state: (toolbar) => {
      for (const b of toolbar.querySelectorAll(`${SWITCH}[aria-checked="true"]`)) {
        if (switchContent(b) === content) return content;
      }
      return null;
    },
    target: (toolbar) => toolbarSubject(toolbar),
    // The picker opens in an overlay outside the toolbar: the choice there comes a few seconds later.
    watchMs: 15_000,
  };
}

/**
 * The React views' GraphQL endpoint takes `{persistedQueryName, query: <hash>, variables}` (body shape
 * from a HAR capture of 2026-04-19 in a public browser-automation adapter, code-search idx 53281529541).
 * The reaction mutations' names were not seen in a capture: Relay names them after their module and
 * root field ("…AddReactionMutation", "…RemoveReactionMutation", as in public Relay apps, idx
 * 24478689636, 67669458642), and their input is the public schema's AddReactionInput
 * `{subjectId, content}`. The hash rotates, so only the name and the input are read. A function, called
 * inside `withNetwork`'s rules, so that the content script leaves it out (tests/e2e/package.e2e.ts).
 */
export const graphqlReactionRule = (): NetworkRule => ({
  urls: endpoints('https://github.com/_graphql'),
  match({ url, body }: NetRequest): NetMatch | null {
    if (!url.pathname.startsWith('/_graphql')) return null;
    const name = str(prop(body, 'persistedQueryName')) ?? url.pathname.slice('/_graphql/'.length);
    const op = /addreaction/i.test(name) ? 'add' : /removereaction/i.test(name) ? 'undo' : null;
    if (!op) return null;
    const variables = prop(body, 'variables');
    const input = prop(variables, 'input') ?? variables;
    const content = str(prop(input, 'content'));
    if (!content || !Object.values(EMOJI_CONTENT).includes(content)) return null;
    return { action: content, op, target: str(prop(input, 'subjectId')) };
  },
});
