import { prop, str } from './dom';
import { definePage, endpoints, withNetwork } from './types';

// The "Your rating" button of a title page's hero rating bar: it opens the rating dialog.
const RATING_BAR = [
  '[data-testid="hero-rating-bar__user-rating"]', // title page hero (2021 onwards)
] as const;
// Once rated, the bar shows the score instead of the unrated star.
const RATED = '[data-testid="hero-rating-bar__user-rating__score"]';

/** The title id (tt…) of a title page or any of its sub-pages. */
export function titleId(url: URL): string | undefined {
  return /^\/(?:[a-z]{2}\/)?title\/(tt\d+)/.exec(url.pathname)?.[1];
}

/** One GraphQL operation of a request body; the client may batch several in an array. */
function operations(body: unknown): unknown[] {
  return Array.isArray(body) ? body : [body];
}

export const page = definePage({
  id: 'imdb',
  label: 'IMDb',
  matches: ['https://www.imdb.com/*', 'https://m.imdb.com/*'],
  testUrls: ['https://www.imdb.com/title/tt0111161/'],
  actions: {
    stars: { kind: 'rating', detail: 'stars', slot: 'exclusive' },
  },
  toggles: [
    {
      actions: ['stars'],
      control: RATING_BAR,
      scope: RATING_BAR,
      // The dialog sits in a portal outside the bar: the bar itself changes once the rating is saved.
      state: (bar) => (bar.querySelector(RATED) ? 'stars' : null),
      target: (_bar, url) => titleId(url),
      // Choosing stars and confirming in the dialog takes a while.
      watchMs: 30_000,
    },
  ],
  health: {
    // Every title page shows the rating bar, signed in or not.
    pages: /^\/(?:[a-z]{2}\/)?title\/tt\d+\/?(?:\?|$)/,
    controls: [...RATING_BAR],
  },
  requests: {},
});

export default /* @__PURE__ */ withNetwork(page, () => [
  {
    // IMDb's GraphQL API; the web app names its mutations UpdateTitleRating and DeleteTitleRating.
    urls: endpoints('https://api.graphql.imdb.com/'),
    match({ body }) {
      for (const op of operations(body)) {
        const name = str(prop(op, 'operationName'));
        const target = str(prop(prop(op, 'variables'), 'titleId'));
        if (name === 'UpdateTitleRating') return { action: 'stars', op: 'add', target };
        if (name === 'DeleteTitleRating') return { action: 'stars', op: 'undo', target };
      }
      return null;
    },
  },
]);
