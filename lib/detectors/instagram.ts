import { metaOperation, prop, str } from './dom';
import { definePage, endpoints, type NetMatch, type NetRequest, withNetwork } from './types';

/**
 * Instagram's action bar tells like, save and repost apart only by localised svg labels
 * ("Like"/"J'aime"), and its classes are generated, so those actions are read from the web
 * client's GraphQL mutations by friendly name (and the older REST paths where they still
 * serve). The comment box is found by element names.
 */

/** The media id of a mutation: top level (likes, comments) or under `input` (reposts). */
function mediaId(variables: unknown): string | undefined {
  return str(prop(variables, 'media_id')) ?? str(prop(prop(variables, 'input'), 'media_id'));
}

export function matchGraphql({ body }: NetRequest): NetMatch | null {
  const op = metaOperation(body);
  if (!op) return null;
  const { name, variables } = op;
  const target = mediaId(variables);
  // usePolarisLikeMediaLikeMutation (2024–2025), usePolarisLikeMediaXIGLikeMutation (2026),
  // and their Unlike twins: the prefix and suffix have outlived each rename.
  const like = /^usePolarisLikeMedia\w*?(Unlike|Like)Mutation$/.exec(name);
  if (like) return { action: 'like', op: like[1] === 'Unlike' ? 'undo' : 'add', target };
  if (name === 'usePolarisCreateMediaRepostMutation') return { action: 'repost', op: 'add', target };
  if (name === 'usePolarisDeleteMediaRepostMutation') return { action: 'repost', op: 'undo', target };
  // The feed and post comment boxes (2024 onwards), and the older submit hook.
  if (name === 'PolarisPostCommentInputRevampedMutation' || name === 'usePolarisCommentSubmitMutation') {
    return { action: 'comment', op: 'add', target };
  }
  return null;
}

/** The REST endpoints of the web client, keyed by the media id in the path (2019 onwards). */
export function matchRest({ url }: NetRequest): NetMatch | null {
  const m = /^\/api\/v1\/web\/(likes|save|comments)\/(\d+)\/(like|unlike|save|unsave|add)\/$/.exec(url.pathname);
  if (!m) return null;
  const target = m[2];
  switch (`${m[1]}/${m[3]}`) {
    case 'likes/like':
      return { action: 'like', op: 'add', target };
    case 'likes/unlike':
      return { action: 'like', op: 'undo', target };
    case 'save/save':
      return { action: 'save', op: 'add', target };
    case 'save/unsave':
      return { action: 'save', op: 'undo', target };
    case 'comments/add':
      return { action: 'comment', op: 'add', target };
    default:
      return null;
  }
}

export const page = definePage({
  id: 'instagram',
  label: 'Instagram',
  matches: ['https://www.instagram.com/*'],
  testUrls: ['https://www.instagram.com/', 'https://www.instagram.com/p/DH_ux4pSlV0/'],
  actions: {
    like: { kind: 'reaction', detail: 'like', slot: 'per-detail' },
    save: { kind: 'reaction', detail: 'save', slot: 'per-detail' },
    repost: { kind: 'share', detail: 'repost', slot: 'per-detail' },
    comment: { kind: 'comment', detail: 'comment', slot: 'none' },
  },
  submits: [
    {
      action: 'comment',
      control: [
        'article form[method="POST"] [role="button"]', // feed post: the Post button appears beside the text area once it holds text (2023 onwards)
        'section form[method="POST"] [role="button"]', // post page and dialog, where the form sits in a section outside any article
      ],
      composer: (button) => button.closest('form'),
      field: [
        'textarea', // the comment text area of the feed and post pages (2016 onwards)
      ],
      // The page shows a shortcode while the request names a numeric media id: no target, so
      // the two sightings merge by time.
      target: () => undefined,
    },
  ],
  health: {
    // A post's page shows its comment box when signed in.
    pages: /^\/(p|reel)\/[\w-]+/,
    controls: ['form[method="POST"] textarea'],
  },
  requests: {},
});

export default /* @__PURE__ */ withNetwork(page, () => [
  {
    urls: endpoints(
      'https://www.instagram.com/api/graphql',
      'https://www.instagram.com/api/graphql/',
      'https://www.instagram.com/graphql/query',
      'https://www.instagram.com/graphql/query/',
    ),
    match: matchGraphql,
  },
  {
    urls: ['likes/*/like/', 'likes/*/unlike/', 'save/*/save/', 'save/*/unsave/', 'comments/*/add/'].map(
      (p) => `https://www.instagram.com/api/v1/web/${p}`,
    ),
    match: matchRest,
  },
]);
