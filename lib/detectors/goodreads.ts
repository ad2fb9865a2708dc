import { formField, prop, str } from './dom';
import { definePage, type NetMatch, type NetRequest, withNetwork } from './types';

// The selectable stars of the React book page (2022 redesign onwards): one button per star.
const STAR = [
  'button.RatingStar--selectable', // book page actions, sticky and mobile bars (seen 2024-12)
] as const;

const STARS = [
  '.RatingStars--selectable', // the group of five selectable stars (seen 2024-12)
] as const;

// A rated star draws its fill path, as the read-only stars of review cards draw theirs.
const FILLED = 'path.RatingStar__fill--selectable[d]';

/** The book id of a book page (`/book/show/5776788-sandman-slim`). */
export function bookId(url: URL): string | undefined {
  return /^\/(?:[a-z]{2}\/)?book\/show\/(\d+)/.exec(url.pathname)?.[1];
}

/**
 * The React book page's GraphQL (AWS AppSync, its host fixed in the page's config) by operation name:
 * ShelveBook `{input: {id: "kca://book/…", shelfName}}`, UnshelveBook `{input: {id}}`. Seen as
 * "Mutations (captured)" in a public Goodreads client's notes and tests (code-search idx 62756165725,
 * 62685923103, 63031177424).
 */
function shelving(body: unknown): NetMatch | null {
  const name = str(prop(body, 'operationName'));
  if (name !== 'ShelveBook' && name !== 'UnshelveBook') return null;
  const id = str(prop(prop(prop(body, 'variables'), 'input'), 'id'));
  if (!id?.startsWith('kca://book/')) return null;
  return { action: 'shelve', op: name === 'ShelveBook' ? 'add' : 'undo', target: id };
}

const NON_BLANK = /\S/;

/**
 * The classic review pages post as page loads (`navigation`), matched by path and field names:
 * - writing or editing: the editor at `/review/edit/<book id>` is a form holding the textarea
 *   `review[review]` (id `review_review_usertext`) and a submit `input[type=submit][name=next]`
 *   (janhelcl/goodreads-cli, its Go review mutation and test pages, code-search idx 68680607678 and
 *   68426593444, 2026; a Selenium page object, idx 28323163245, 2018). Where that form posts was not
 *   found, so any POST page load under `/review/<verb>/<id>` carrying a non-blank `review[review]`
 *   counts (only whether it is blank is read), the id being the book's as in the editor's address;
 * - deleting: `<form action="/review/destroy/<book id>-<slug>" method="post">`, the "remove from my
 *   shelves" button of a signed-in book page, which deletes the review with the shelving (holdout
 *   capture goodreads_book_signedin_rated_2021-01, whose edit link is `/review/edit/<same id>`).
 */
export function reviewForm({ url, body }: NetRequest): NetMatch | null {
  const m = /^\/review\/([a-z_]+)\/(\d+)(?:[-.][^/]*)?\/?$/.exec(url.pathname);
  if (!m) return null;
  const [, verb, id] = m;
  if (verb === 'destroy') return { action: 'review', op: 'undo', target: `book/${id}` };
  if (verb === 'edit' || verb === 'list' || verb === 'show') return null;
  const text = formField(body, 'review[review]');
  return text && NON_BLANK.test(text) ? { action: 'review', op: 'add', target: `book/${id}` } : null;
}

export const page = definePage({
  id: 'goodreads',
  label: 'Goodreads',
  // The rated state is assumed (no signed-in capture shows it): see the README row.
  // The review form's target address is inferred (see reviewForm).
  unconfirmed: ['stars', 'shelve', 'review'],
  matches: ['https://www.goodreads.com/*'],
  testUrls: ['https://www.goodreads.com/book/show/5776788-sandman-slim'],
  actions: {
    stars: { kind: 'rating', detail: 'stars', slot: 'exclusive' },
    // Putting a book on a shelf (want to read, reading, read, or one's own) labels it: `tag`.
    // One label per book: moving it to another shelf keeps it counted once; removing it nets out.
    shelve: { kind: 'tag', detail: 'shelf', slot: 'per-detail' },
    // A written review of a book: one per book (editing it again is the same review), deletion nets out.
    review: { kind: 'review', detail: 'review', slot: 'per-detail' },
  },
  toggles: [
    {
      actions: ['stars'],
      control: STAR,
      scope: STARS,
      state: (group) => (group.querySelector(FILLED) ? 'stars' : null),
      target: (_group, url) => bookId(url),
    },
  ],
  health: {
    // A book page always shows the stars, signed in or not.
    pages: /^\/(?:[a-z]{2}\/)?book\/show\/\d+/,
    controls: [...STAR],
  },
  requests: { navigation: true },
});

export default /* @__PURE__ */ withNetwork(page, () => [
  {
    urls: ['https://kxbwmqov6jgg3daaamb744ycu4.appsync-api.us-east-1.amazonaws.com/graphql'],
    match: ({ body }) => shelving(body),
  },
  {
    navigation: true,
    urls: ['https://www.goodreads.com/review/*'],
    match: reviewForm,
  },
]);
