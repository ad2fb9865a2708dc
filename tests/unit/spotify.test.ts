// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { runDetector } from '@/lib/content/runtime';
import { closestOf } from '@/lib/detectors/dom';
import spotify, { itemKey } from '@/lib/detectors/spotify';
import type { ContentMessage } from '@/lib/messages';
import { collect, fakeHost, fixture, loadPage, tick, trustedClick } from './helpers';

const ALBUM = 'https://open.spotify.com/album/0ETFjACtuP2ADo6LFhL6HN';
const SUN = 'track:6dGnYIeXmHdcikdzNNDMm2';
const toggle = spotify.toggles[0];

/** What Spotify's own script does once the library accepted the change: flip aria-checked. */
function flip(button: Element) {
  button.setAttribute('aria-checked', button.getAttribute('aria-checked') === 'true' ? 'false' : 'true');
}

function page() {
  const doc = loadPage(fixture('spotify/player.html'), ALBUM);
  const q = (s: string) => doc.querySelector(s) as HTMLElement;
  return {
    doc,
    bar: q('[data-testid="now-playing-widget"] [data-testid="add-button"]'),
    rows: [...doc.querySelectorAll('[data-testid="tracklist-row"] [data-testid="add-button"]')] as HTMLElement[],
    header: q('[data-testid="action-bar-row"] [data-testid="add-button"]'),
  };
}

describe('spotify detector', () => {
  let host = fakeHost();
  afterEach(() => {
    host.invalidate();
    host = fakeHost();
  });

  it('reduces URIs, paths and highlight links to the same item key', () => {
    expect(itemKey('spotify:track:6dGnYIeXmHdcikdzNNDMm2')).toBe(SUN);
    expect(itemKey('/track/6dGnYIeXmHdcikdzNNDMm2')).toBe(SUN);
    expect(itemKey('spotify%3Atrack%3A6dGnYIeXmHdcikdzNNDMm2')).toBe(SUN);
    expect(itemKey('/album/0ETFjACtuP2ADo6LFhL6HN')).toBe('album:0ETFjACtuP2ADo6LFhL6HN');
    expect(itemKey('/collection/tracks')).toBeUndefined();
    expect(itemKey(undefined)).toBeUndefined();
  });

  it('finds each save button, its scope, its target and its state in the fixture', () => {
    const { bar, rows, header } = page();
    const url = new URL(ALBUM);
    const scopeOf = (b: Element) => closestOf(b, toggle.scope) as Element;
    expect(toggle.target(scopeOf(bar), url)).toBe(SUN);
    expect(toggle.target(scopeOf(rows[0] as Element), url)).toBe(SUN);
    expect(toggle.target(scopeOf(rows[1] as Element), url)).toBe('track:0pNeVovbiZHkulpGeOx1Gj');
    expect(toggle.target(scopeOf(header), url)).toBe('album:0ETFjACtuP2ADo6LFhL6HN');
    expect(toggle.state(scopeOf(bar))).toBeNull();
    // Rendered saved: a state, but no click, so nothing is counted (see below).
    expect(toggle.state(scopeOf(rows[1] as Element))).toBe('save');
  });

  it('counts a save from the player bar, the same track in its row, then the undo, all on one target', async () => {
    const { bar, rows } = page();
    const sent: ContentMessage[] = [];
    runDetector(spotify, host, collect(sent));
    trustedClick(bar);
    flip(bar);
    await tick();
    trustedClick(rows[0] as Element);
    flip(rows[0] as Element);
    await tick();
    expect(sent.map((m) => m.type === 'sighting' && `${m.action}:${m.op}:${m.target}`)).toEqual([
      `save:add:${SUN}`,
      `save:add:${SUN}`,
    ]);
    // The second "add" is the same item seen in its row: the collector's per-target slot keeps one.
    trustedClick(bar);
    flip(bar);
    await tick();
    expect(sent.at(-1)).toMatchObject({ action: 'save', op: 'undo', target: SUN });
  });

  it('counts an album saved from the page header', async () => {
    const { header } = page();
    const sent: ContentMessage[] = [];
    runDetector(spotify, host, collect(sent));
    trustedClick(header);
    flip(header);
    await tick();
    expect(sent).toMatchObject([{ action: 'save', op: 'add', target: 'album:0ETFjACtuP2ADo6LFhL6HN' }]);
  });

  it('counts nothing without a trusted click, nor for a button that renders saved', async () => {
    const { bar, rows } = page();
    const sent: ContentMessage[] = [];
    runDetector(spotify, host, collect(sent));
    bar.click(); // untrusted
    flip(bar);
    flip(rows[1] as Element);
    await tick(50);
    expect(sent).toEqual([]);
  });

  it('does not depend on label text', async () => {
    const { doc, bar } = page();
    for (const el of doc.querySelectorAll('[aria-label]')) el.removeAttribute('aria-label');
    for (const el of doc.querySelectorAll('button')) el.textContent = '';
    const sent: ContentMessage[] = [];
    runDetector(spotify, host, collect(sent));
    trustedClick(bar);
    flip(bar);
    await tick();
    expect(sent).toMatchObject([{ action: 'save', op: 'add', target: SUN }]);
  });

  const rule = (url: string, body: unknown) =>
    (spotify.network ?? []).map((r) => r.match({ url: new URL(url), method: 'POST', body })).find(Boolean) ?? null;
  const V2 = 'https://api-partner.spotify.com/pathfinder/v2/query';
  const hash = { persistedQuery: { version: 1, sha256Hash: '656c491c3f65d9d08d259be6632f4ef1931540ebcf766488ed17f76bb9156d15' } };

  it.each([
    [
      'addToLibrary, libraryItemUris',
      V2,
      { operationName: 'addToLibrary', variables: { libraryItemUris: [`spotify:${SUN}`] }, extensions: hash },
      { action: 'save', op: 'add', target: SUN },
    ],
    [
      'removeFromLibrary, libraryItemUris',
      V2,
      { operationName: 'removeFromLibrary', variables: { libraryItemUris: [`spotify:${SUN}`] }, extensions: hash },
      { action: 'save', op: 'undo', target: SUN },
    ],
    [
      'addToLibrary, uris (before 2024)',
      'https://api-partner.spotify.com/pathfinder/v1/query',
      { operationName: 'addToLibrary', variables: { uris: ['spotify:album:0ETFjACtuP2ADo6LFhL6HN'] } },
      { action: 'save', op: 'add', target: 'album:0ETFjACtuP2ADo6LFhL6HN' },
    ],
    [
      'addToLibrary, variables as a JSON string',
      V2,
      { operationName: 'addToLibrary', variables: JSON.stringify({ libraryItemUris: [`spotify:${SUN}`] }) },
      { action: 'save', op: 'add', target: SUN },
    ],
    [
      'addToLibrary of several items',
      V2,
      {
        operationName: 'addToLibrary',
        variables: { libraryItemUris: [`spotify:${SUN}`, 'spotify:track:0pNeVovbiZHkulpGeOx1Gj'] },
      },
      { action: 'save', op: 'add', target: undefined },
    ],
    ['a read query', V2, { operationName: 'isCurated', variables: { uris: [`spotify:${SUN}`] } }, null],
    ['addToPlaylist (not a save)', V2, { operationName: 'addToPlaylist', variables: { uris: [`spotify:${SUN}`] } }, null],
    [
      'another path of the host',
      'https://api-partner.spotify.com/pathfinder/v2/other',
      { operationName: 'addToLibrary', variables: { uris: [] } },
      null,
    ],
    ['no body', V2, undefined, null],
  ])('matches %s', (_name, url, body, expected) => {
    expect(rule(url, body)).toEqual(expected);
  });

  it('lists the API host in its network filters (it differs from the page host)', () => {
    expect(spotify.network?.[0]?.urls).toContain('https://api-partner.spotify.com/pathfinder/v2/query');
  });
});
