import { prop, str } from './dom';
import { defineDetector, type NetMatch } from './types';

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

export default defineDetector({
  id: 'goodreads',
  label: 'Goodreads',
  // The rated state is assumed (no signed-in capture shows it): see the README row.
  unconfirmed: ['stars', 'shelve'],
  matches: ['https://www.goodreads.com/*'],
  testUrls: ['https://www.goodreads.com/book/show/5776788-sandman-slim'],
  actions: {
    stars: { kind: 'rating', detail: 'stars', slot: 'exclusive' },
    // Putting a book on a shelf (want to read, reading, read, or one's own) labels it: `tag`.
    // One label per book: moving it to another shelf keeps it counted once; removing it nets out.
    shelve: { kind: 'tag', detail: 'shelf', slot: 'per-detail' },
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
  network: [
    {
      urls: ['https://kxbwmqov6jgg3daaamb744ycu4.appsync-api.us-east-1.amazonaws.com/graphql'],
      match: ({ body }) => shelving(body),
    },
  ],
});
