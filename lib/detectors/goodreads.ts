import { defineDetector } from './types';

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

export default defineDetector({
  id: 'goodreads',
  label: 'Goodreads',
  matches: ['*://www.goodreads.com/*'],
  testUrls: ['https://www.goodreads.com/book/show/5776788-sandman-slim'],
  actions: {
    stars: { kind: 'rating', detail: 'stars', slot: 'exclusive' },
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
});
