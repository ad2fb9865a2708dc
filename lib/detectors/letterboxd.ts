import { formField } from './dom';
import { definePage, endpoints, type NetMatch, type NetRequest, withNetwork } from './types';

const NON_BLANK = /\S/;

/**
 * Letterboxd: a written review of a film. The web app saves the "review or log" dialog with
 * POST `/s/save-diary-entry`, form-encoded, `X-Requested-With: XMLHttpRequest`; its fields, as public
 * clients send them: `__csrf`, `json`, `viewingId` (empty for a new entry), `filmId` or
 * `viewingableUid` (`film:<id>`), `specifiedDate`, `viewingDateStr`, `rewatch`, `review`, `tags`,
 * `rating` (0–10, half stars) — a Python client (code-search idx 36895876987), a TypeScript client
 * (idx 55268579551), a userscript logging the keys it posts (idx 63085526746), a C# client
 * (idx 66843915027), all 2024–2026. A diary entry without text (a mere log or rating) is not a review:
 * only whether `review` is blank is read, never its text.
 */
export function diaryEntry({ body }: NetRequest): NetMatch | null {
  const text = formField(body, 'review');
  if (!text || !NON_BLANK.test(text)) return null;
  const id = formField(body, 'filmId') ?? formField(body, 'viewingableUid')?.replace(/^film:/, '');
  return { action: 'review', op: 'add', ...(id && /^\d+$/.test(id) ? { target: `film/${id}` } : {}) };
}

export const page = definePage({
  id: 'letterboxd',
  label: 'Letterboxd',
  // Known from public clients only: no saved page of the dialog, no recorded request.
  unconfirmed: ['review'],
  matches: ['https://letterboxd.com/*'],
  testUrls: ['https://letterboxd.com/film/parasite-2019/'],
  actions: {
    // An opinion of a film written for other viewers: one per film, saving it again edits it.
    review: { kind: 'review', detail: 'review', slot: 'per-detail' },
  },
  health: {
    // A film page carries the actions panel (watched, like, review or log), signed in or not.
    pages: /^\/film\/[^/]+\/?$/,
    controls: [
      '#userpanel', // the film page's actions panel, read by a public page-tweaking extension (code-search idx 54179528010, undated, 2024–2026)
    ],
  },
  requests: {},
});

export default /* @__PURE__ */ withNetwork(page, () => [
  {
    urls: endpoints('https://letterboxd.com/s/save-diary-entry', 'https://letterboxd.com/s/save-diary-entry/'),
    match: diaryEntry,
  },
]);
