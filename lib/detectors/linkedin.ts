import { prop, str } from './dom';
import { definePage, endpoints, type NetMatch, type NetRequest, withNetwork } from './types';

/** LinkedIn's reaction types, as its requests name them; the detail is the lowercased type. */
const REACTIONS = ['LIKE', 'PRAISE', 'EMPATHY', 'INTEREST', 'APPRECIATION', 'ENTERTAINMENT'] as const;

/** The numeric id of an activity urn (`urn:li:activity:<id>`), else the urn itself. */
export function activityId(urn: string | undefined): string | undefined {
  if (!urn) return undefined;
  return /urn:li:activity:(\d+)/.exec(urn)?.[1] ?? urn;
}

/** `ReactionType_PRAISE` (SDUI, 2025 onwards) or `PRAISE` (Voyager): the action id, if known. */
function reactionAction(type: unknown): string | undefined {
  const t = str(type)?.replace(/^ReactionType_/, '');
  return t && (REACTIONS as readonly string[]).includes(t) ? t.toLowerCase() : undefined;
}

/** The post (or comment) an SDUI payload's threadUrn points at. */
function sduiTarget(payload: unknown): string | undefined {
  const thread = prop(payload, 'threadUrn');
  const post = str(prop(prop(prop(thread, 'threadUrnActivityThreadUrn'), 'activityUrn'), 'activityId'));
  if (post) return post;
  const comment = prop(prop(thread, 'threadUrnCommentThreadUrn'), 'commentUrn');
  const commentId = str(prop(comment, 'commentId'));
  return commentId ? `comment:${commentId}` : undefined;
}

/**
 * Server-driven UI actions (2025 onwards): POST /flagship-web/rsc-action/actions/server-request
 * with the operation in `sduiid`. Creating and deleting a reaction carry its type.
 */
export function matchSdui({ url, body }: NetRequest): NetMatch | null {
  const id = url.searchParams.get('sduiid') ?? str(prop(body, 'requestId'));
  if (!id) return null;
  const payload =
    prop(prop(prop(body, 'serverRequest'), 'requestedArguments'), 'payload') ?? prop(prop(body, 'requestedArguments'), 'payload');
  const target = sduiTarget(payload);
  switch (id) {
    case 'com.linkedin.sdui.reactions.create': {
      const action = reactionAction(prop(payload, 'reactionType'));
      return action ? { action, op: 'add', target } : null;
    }
    case 'com.linkedin.sdui.reactions.delete':
      // Reactions share one exclusive slot: the undo removes whichever is active.
      return { action: reactionAction(prop(payload, 'reactionType')) ?? 'like', op: 'undo', target };
    case 'com.linkedin.sdui.comments.createComment':
      return { action: 'comment', op: 'add', target };
    case 'com.linkedin.sdui.feed.requests.createInstantRepost':
      return { action: 'repost', op: 'add', target };
    default:
      return null;
  }
}

/** Voyager REST and GraphQL writes (2020 to 2025, still served for some surfaces). */
export function matchVoyager({ url, body }: NetRequest): NetMatch | null {
  const path = url.pathname;
  if (path === '/voyager/api/voyagerSocialDashReactions') {
    const action = reactionAction(prop(body, 'reactionType'));
    return action ? { action, op: 'add', target: activityId(url.searchParams.get('threadUrn') ?? undefined) } : null;
  }
  if (path === '/voyager/api/voyagerSocialDashNormComments') {
    return { action: 'comment', op: 'add', target: activityId(str(prop(body, 'threadUrn'))) };
  }
  if (path === '/voyager/api/graphql' && url.searchParams.get('action') === 'execute') {
    // The query id is `<operation>.<hash>`: the hash rotates, the operation name does not.
    const operation = (url.searchParams.get('queryId') ?? str(prop(body, 'queryId')) ?? '').split('.')[0];
    const variables = prop(body, 'variables');
    if (operation === 'voyagerSocialDashReactions') {
      const action = reactionAction(prop(prop(variables, 'entity'), 'reactionType'));
      return action ? { action, op: 'add', target: activityId(str(prop(variables, 'threadUrn'))) } : null;
    }
  }
  return null;
}

export const page = definePage({
  id: 'linkedin',
  label: 'LinkedIn',
  matches: ['https://www.linkedin.com/*'],
  testUrls: ['https://www.linkedin.com/feed/', 'https://www.linkedin.com/feed/update/urn:li:activity:7000000000000000001/'],
  actions: {
    like: { kind: 'reaction', detail: 'like', slot: 'exclusive' },
    praise: { kind: 'reaction', detail: 'praise', slot: 'exclusive' },
    empathy: { kind: 'reaction', detail: 'empathy', slot: 'exclusive' },
    interest: { kind: 'reaction', detail: 'interest', slot: 'exclusive' },
    appreciation: { kind: 'reaction', detail: 'appreciation', slot: 'exclusive' },
    entertainment: { kind: 'reaction', detail: 'entertainment', slot: 'exclusive' },
    comment: { kind: 'comment', detail: 'comment', slot: 'none' },
    repost: { kind: 'share', detail: 'repost', slot: 'none' },
  },
  submits: [
    {
      action: 'comment',
      control: [
        'button[class*="comments-comment-box__submit-button"]', // feed comment box, with or without the --cr suffix (2019 to 2026-06 at least)
      ],
      composer: (button) => button.closest('form.comments-comment-box__form') ?? button.closest('.comments-comment-box'),
      field: [
        '.ql-editor[contenteditable="true"]', // the Quill editor of the comment box (2019 onwards)
      ],
      // The SDUI request's thread shape for comments is not pinned down: no target, so the click
      // and the request merge by time.
      target: () => undefined,
    },
  ],
  health: {
    // A post's own page shows the post container with its activity urn.
    pages: /^\/feed\/update\/urn:li:activity:\d+/,
    controls: ['[data-urn^="urn:li:activity:"]', 'form.comments-comment-box__form'],
  },
  requests: {},
});

export default /* @__PURE__ */ withNetwork(page, () => [
  {
    urls: endpoints('https://www.linkedin.com/flagship-web/rsc-action/actions/server-request'),
    match: matchSdui,
  },
  {
    urls: [
      ...endpoints(
        'https://www.linkedin.com/voyager/api/voyagerSocialDashReactions',
        'https://www.linkedin.com/voyager/api/voyagerSocialDashNormComments',
      ),
      // GraphQL writes only: reads are GETs, and a write says action=execute.
      'https://www.linkedin.com/voyager/api/graphql?*action=execute*',
    ],
    match: matchVoyager,
  },
]);
