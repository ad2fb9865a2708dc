import { prop, queryFirst, str } from './dom';
import { definePage, endpoints, type NetMatch, withNetwork } from './types';

// The save ("add to Liked Songs" / "add to Your Library") button; its state is aria-checked.
const SAVE = [
  'button[data-testid="add-button"][aria-checked]', // now-playing bar, track rows and action bars (2023 onwards)
  '[data-testid="now-playing-widget"] button[aria-checked]', // the now-playing bar's save button, should its test id go
] as const;

/**
 * A library item as `type:id` ("track:4uLU6hMCjMI75M1A2tKUQC"), from a Spotify URI or an
 * open.spotify.com path. The DOM and the request both reduce to this form, so their sightings merge.
 */
export function itemKey(ref: string | null | undefined): string | undefined {
  if (!ref) return undefined;
  const m =
    /spotify:(track|album|episode|show|playlist|artist|audiobook):([A-Za-z0-9]{22})/.exec(decodeURIComponent(ref)) ??
    /\/(track|album|episode|show|playlist|artist|audiobook)\/([A-Za-z0-9]{22})/.exec(ref);
  return m ? `${m[1]}:${m[2]}` : undefined;
}

/** What a save button acts on: the track its row or the now-playing bar links to, else the page's item. */
function savedItem(scope: Element, url: URL): string | undefined {
  if (scope.matches('[data-testid="action-bar-row"], [data-testid="action-bar"]')) return itemKey(url.pathname);
  for (const a of scope.querySelectorAll('a[href]')) {
    const href = a.getAttribute('href') ?? '';
    // The now-playing title links to the album with the track in `highlight=spotify:track:…`.
    const key = itemKey(/[?&]highlight=([^&]+)/.exec(href)?.[1]) ?? itemKey(href);
    if (key?.startsWith('track:') || key?.startsWith('episode:')) return key;
  }
  return undefined;
}

/** GraphQL variables, sent as an object (POST) or as a JSON string (v1 query parameters). */
function variablesOf(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v);
  } catch {
    return undefined;
  }
}

const OPERATIONS: Record<string, 'add' | 'undo'> = {
  addToLibrary: 'add',
  removeFromLibrary: 'undo',
};

/**
 * "Add to playlist": operationName addToPlaylist with `playlistUri` and `playlistItemUris` (a Rust
 * client of the web player's API, code-search idx 71627875691). One track gets a target; several at
 * once (an album) count as one addition without one.
 */
function playlistAddition(variables: unknown): NetMatch | null {
  const playlist = itemKey(str(prop(variables, 'playlistUri')));
  const items = prop(variables, 'playlistItemUris');
  if (!playlist?.startsWith('playlist:') || !Array.isArray(items) || items.length === 0) return null;
  const item = items.length === 1 ? itemKey(str(items[0])) : undefined;
  return { action: 'playlist', op: 'add', ...(item ? { target: `${playlist}|${item}` } : {}) };
}

export const page = definePage({
  id: 'spotify',
  label: 'Spotify',
  matches: ['https://open.spotify.com/*'],
  testUrls: ['https://open.spotify.com/collection/tracks', 'https://open.spotify.com/album/4aawyAB9vmqN3uQ7FjRGTy'],
  actions: {
    save: { kind: 'reaction', detail: 'save', slot: 'per-detail' },
    // Adding a track to a playlist sorts it into a named list: curation, so `tag`. Each addition
    // counts: removals name playlist entries (uids), not tracks, so nothing nets out.
    playlist: { kind: 'tag', detail: 'playlist', slot: 'none' },
  }, // Request only, with no saved page of the platform's own request: marked unconfirmed where users see it.
  unconfirmed: ['playlist'],

  toggles: [
    {
      actions: ['save'],
      control: SAVE,
      scope: [
        '[data-testid="now-playing-widget"]', // the player bar's current item (2021 onwards)
        '[data-testid="tracklist-row"]', // one track of a playlist, album or search result (2021 onwards)
        '[data-testid="action-bar-row"]', // album, playlist, show or track page header (2022 onwards)
      ],
      state: (scope) => (queryFirst(scope, SAVE)?.getAttribute('aria-checked') === 'true' ? 'save' : null),
      target: savedItem,
      // The default short watch: the player bar moves on to the next track by itself, and a longer
      // watch could read that as an undo. A removal confirmed later in the "Saved in" dialog is
      // still seen through removeFromLibrary.
    },
  ],
  health: {
    // The player bar is on every page once something has played; album and track pages always show the button.
    pages: /^\/(album|track)\//,
    controls: [...SAVE],
  },
  requests: {},
});

export default /* @__PURE__ */ withNetwork(page, () => [
  {
    // The web player's GraphQL gateway; the persisted-query hash rotates, the operation name does not.
    urls: endpoints('https://api-partner.spotify.com/pathfinder/v1/query', 'https://api-partner.spotify.com/pathfinder/v2/query'),
    match({ url, body }) {
      if (!/^\/pathfinder\/v[12]\/query$/.test(url.pathname)) return null;
      const name = str(prop(body, 'operationName')) ?? url.searchParams.get('operationName') ?? '';
      const variables = variablesOf(prop(body, 'variables') ?? url.searchParams.get('variables'));
      if (name === 'addToPlaylist') return playlistAddition(variables);
      const op = OPERATIONS[name];
      if (!op) return null;
      // `libraryItemUris` since about 2024, `uris` before; several items at once have no single target.
      const uris = prop(variables, 'libraryItemUris') ?? prop(variables, 'uris');
      const target = Array.isArray(uris) && uris.length === 1 ? itemKey(str(uris[0])) : undefined;
      return { action: 'save', op, target };
    },
  },
]);
