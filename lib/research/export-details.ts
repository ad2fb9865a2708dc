/**
 * Every `detail` an anonymised export (schema version 3) may hold: those the detectors declare and
 * the taxonomy names for each kind (lib/research/details.ts) that fit the export's detail pattern,
 * and `other`, which any detail outside them leaves as. A unit test (export-schema.test.ts) keeps
 * this list equal to what the code can write; a new detail means a new schema version.
 */
export const EXPORT_DETAILS = [
  'angry',
  'appreciation',
  'approve',
  'bookmark',
  'care',
  'challenge',
  'checkbox',
  'close-vote',
  'comment',
  'compare',
  'confused',
  'dislike',
  'down',
  'edit-review',
  'empathy',
  'entertainment',
  'eyes',
  'favorite',
  'flag',
  'funny',
  'haha',
  'heart',
  'helpful',
  'hooray',
  'interest',
  'label',
  'laugh',
  'like',
  'love',
  'not-helpful',
  'note',
  'note-rating',
  'other',
  'playlist',
  'post',
  'praise',
  'remove',
  'reply',
  'report',
  'repost',
  'review',
  'review-task',
  'rocket',
  'sad',
  'save',
  'share',
  'shelf',
  'star',
  'stars',
  'tag',
  'thumbs-down',
  'thumbs-up',
  'up',
  'wow',
] as const;

const SET = new Set<string>(EXPORT_DETAILS);
export const isExportDetail = (v: unknown): boolean => typeof v === 'string' && SET.has(v);

/** A YYYY-MM-DD day that exists in the Gregorian calendar (leap years included), ASCII digits only. */
const LEAP_YEAR = '(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)';
export const DAY_SOURCE =
  '^(?:[0-9]{4}-(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)|(?:0[13578]|1[02])-31)' +
  `|${LEAP_YEAR}-02-29)$`;

/**
 * A pattern for a JSON Schema from one of the code's anchored regular expressions (`^…$`). Python's
 * `re` (used by Python's jsonschema) lets `$` match before a final line break, so the end is also
 * asserted with a look-ahead that every ECMA-262 and Python engine reads the same way.
 */
export const wholeString = (source: string): string => `${source}(?![\\s\\S])`;
