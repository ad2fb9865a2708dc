import { describe, expect, it } from 'vitest';
import goodreads from '@/lib/detectors/goodreads';
import spotify from '@/lib/detectors/spotify';
import type { Detector } from '@/lib/detectors/types';
import youtube from '@/lib/detectors/youtube';
import { capture, matchAny } from './helpers';

const enc = new TextEncoder();
const json = (url: string, body: unknown) => ({
  url,
  method: 'POST',
  tabId: 1,
  timeStamp: 0,
  requestBody: { raw: [{ bytes: enc.encode(JSON.stringify(body)).buffer as ArrayBuffer }] },
});
const hit = (d: Detector, req: Parameters<typeof matchAny>[1]) => {
  const h = matchAny([d], req);
  if (!h) return null;
  const spec = d.actions[h.match.action];
  return `${spec?.kind}/${spec?.detail}:${h.match.op}:${h.match.target}`;
};

const EDIT = 'https://www.youtube.com/youtubei/v1/browse/edit_playlist?prettyPrint=false';
const context = { client: { clientName: 'WEB', clientVersion: '2.20240601.00.00' } };

describe('YouTube "Save to playlist"', () => {
  // The real watch page of 2024-06 carries the bodies its Watch-later buttons post (playlistEditEndpoint).
  const page = capture('youtube_watch_ssr_loggedout_2024-06.html');
  it.skipIf(!page)('reads every playlistEditEndpoint of the real 2024-06 page (skipped without ../shared)', () => {
    const bodies = [...(page ?? '').matchAll(/"playlistEditEndpoint":(\{"playlistId":"[^"]+","actions":\[\{[^\]]*\}\]\})/g)].map(
      (m) =>
        JSON.parse(m[1] as string) as {
          playlistId: string;
          actions: { action: string; addedVideoId?: string; removedVideoId?: string }[];
        },
    );
    expect(bodies.length).toBeGreaterThan(10);
    for (const b of bodies) {
      const a = b.actions[0];
      const video = a?.addedVideoId ?? a?.removedVideoId;
      const op = a?.action === 'ACTION_ADD_VIDEO' ? 'add' : 'undo';
      expect(hit(youtube, json(EDIT, { context, ...b }))).toBe(`tag/playlist:${op}:${b.playlistId}:${video}`);
    }
  });

  it.each([
    [
      {
        playlistId: 'PLrAXtmErZgOeiKm4sgNOknGvNjby9efdf',
        actions: [{ action: 'ACTION_ADD_VIDEO', addedVideoId: 'dQw4w9WgXcQ' }],
      },
      'tag/playlist:add:PLrAXtmErZgOeiKm4sgNOknGvNjby9efdf:dQw4w9WgXcQ',
    ],
    [
      { playlistId: 'WL', actions: [{ action: 'ACTION_REMOVE_VIDEO_BY_VIDEO_ID', removedVideoId: 'dQw4w9WgXcQ' }] },
      'tag/playlist:undo:WL:dQw4w9WgXcQ',
    ],
    [{ playlistId: 'HL', actions: [{ action: 'ACTION_REMOVE_VIDEO_BY_VIDEO_ID', removedVideoId: 'dQw4w9WgXcQ' }] }, null],
    [{ playlistId: 'LL', actions: [{ action: 'ACTION_ADD_VIDEO', addedVideoId: 'dQw4w9WgXcQ' }] }, null],
    [{ playlistId: 'WL', actions: [{ action: 'ACTION_REMOVE_VIDEO', setVideoId: '56B44F6D10557CC6' }] }, null],
    [
      { playlistId: 'PLx', actions: [{ action: 'ACTION_MOVE_VIDEO_AFTER', setVideoId: 'a', movedSetVideoIdSuccessor: 'b' }] },
      null,
    ],
    [{ playlistId: 'WL', actions: [] }, null],
  ])('edit_playlist %#', (body, expected) => {
    expect(hit(youtube, json(EDIT, { context, ...body }))).toBe(expected);
  });
});

describe('Spotify "Add to playlist"', () => {
  const GATEWAY = 'https://api-partner.spotify.com/pathfinder/v2/query';
  const add = (variables: unknown) => json(GATEWAY, { operationName: 'addToPlaylist', variables, extensions: {} });
  it.each([
    [
      add({
        playlistUri: 'spotify:playlist:5ZzYbTUZ9ZmmGhfAzHX2hN',
        playlistItemUris: ['spotify:track:4uLU6hMCjMI75M1A2tKUQC'],
        newPosition: { moveType: 'BOTTOM_OF_PLAYLIST', fromUid: null },
      }),
      'tag/playlist:add:playlist:5ZzYbTUZ9ZmmGhfAzHX2hN|track:4uLU6hMCjMI75M1A2tKUQC',
    ],
    [
      add({
        playlistUri: 'spotify:playlist:5ZzYbTUZ9ZmmGhfAzHX2hN',
        playlistItemUris: ['spotify:track:4uLU6hMCjMI75M1A2tKUQC', 'spotify:track:7GhIk7Il098yCjg4BQjzvb'],
      }),
      'tag/playlist:add:undefined',
    ],
    [add({ playlistUri: 'spotify:playlist:5ZzYbTUZ9ZmmGhfAzHX2hN', playlistItemUris: [] }), null],
    [
      add({ playlistUri: 'spotify:album:4aawyAB9vmqN3uQ7FjRGTy', playlistItemUris: ['spotify:track:4uLU6hMCjMI75M1A2tKUQC'] }),
      null,
    ],
    [
      json(GATEWAY, { operationName: 'addToLibrary', variables: { libraryItemUris: ['spotify:track:4uLU6hMCjMI75M1A2tKUQC'] } }),
      'reaction/save:add:track:4uLU6hMCjMI75M1A2tKUQC',
    ],
  ])('pathfinder %#', (req, expected) => {
    expect(hit(spotify, req)).toBe(expected);
  });
});

describe('Goodreads shelving', () => {
  const APPSYNC = 'https://kxbwmqov6jgg3daaamb744ycu4.appsync-api.us-east-1.amazonaws.com/graphql';
  const GID = 'kca://book/amzn1.gr.book.v1.tlO_PYZREqIcBeayzhXEYA';
  it.each([
    [
      json(APPSYNC, { operationName: 'ShelveBook', variables: { input: { id: GID, shelfName: 'to-read' } } }),
      `tag/shelf:add:${GID}`,
    ],
    [
      json(APPSYNC, { operationName: 'ShelveBook', variables: { input: { id: GID, shelfName: 'read' } } }),
      `tag/shelf:add:${GID}`,
    ],
    [json(APPSYNC, { operationName: 'UnshelveBook', variables: { input: { id: GID } } }), `tag/shelf:undo:${GID}`],
    [json(APPSYNC, { operationName: 'RateBook', variables: { input: { id: GID, rating: 4 } } }), null],
    [json(APPSYNC, { operationName: 'ShelveBook', variables: { input: { id: 'not-a-book', shelfName: 'read' } } }), null],
    [
      json('https://other.appsync-api.us-east-1.amazonaws.com/graphql', {
        operationName: 'ShelveBook',
        variables: { input: { id: GID } },
      }),
      null,
    ],
  ])('AppSync %#', (req, expected) => {
    expect(hit(goodreads, req)).toBe(expected);
  });
});
