// Emulates the Spotify web player on the album fixture: a click on an unsaved item's save button
// saves it; on a saved one it opens the "Saved in" dialog, where unticking Liked Songs and pressing
// Done removes it. Every button showing the same item flips together, and the library change goes
// to the GraphQL gateway as the player sends it (operationName, variables.libraryItemUris, a
// persisted-query hash). Injected by the e2e harness, never shipped.
(() => {
  const HASH = '7c5a69420e2bfae3da5cc4e14cbc8bb3f6090f80afc00ffc179177f19be3f33d';
  const gateway = (operationName, uri) =>
    fetch('https://api-partner.spotify.com/pathfinder/v2/query', {
      method: 'POST',
      headers: { 'content-type': 'application/json;charset=UTF-8', authorization: 'Bearer emulated' },
      body: JSON.stringify({
        variables: { libraryItemUris: [uri] },
        operationName,
        extensions: { persistedQuery: { version: 1, sha256Hash: HASH } },
      }),
    }).catch(() => {});
  const uriOf = (button) => {
    const row = button.closest('[data-testid="tracklist-row"]');
    if (row) return `spotify:track:${row.querySelector('a[href^="/track/"]').getAttribute('href').split('/')[2]}`;
    const bar = button.closest('[data-testid="now-playing-widget"]');
    if (bar) return /highlight=([^&]+)/.exec(bar.querySelector('a[data-testid="context-item-link"]').getAttribute('href'))[1];
    const [, type, id] = location.pathname.split('/');
    return `spotify:${type}:${id}`;
  };
  const setSaved = (uri, on) => {
    for (const b of document.querySelectorAll('button[data-testid="add-button"]'))
      if (uriOf(b) === uri) b.setAttribute('aria-checked', String(on));
  };
  let dialog = null;
  document.addEventListener('click', (e) => {
    const done = e.target.closest('#saved-in-dialog [data-testid="done-button"]');
    if (done && dialog) {
      const keep = dialog.el.querySelector('[role="checkbox"]').getAttribute('aria-checked') === 'true';
      const uri = dialog.uri;
      dialog.el.remove();
      dialog = null;
      if (!keep) gateway('removeFromLibrary', uri).then(() => setSaved(uri, false));
      return;
    }
    const box = e.target.closest('#saved-in-dialog [role="checkbox"]');
    if (box) return box.setAttribute('aria-checked', String(box.getAttribute('aria-checked') !== 'true'));
    const button = e.target.closest('button[data-testid="add-button"]');
    if (!button) return;
    const uri = uriOf(button);
    if (button.getAttribute('aria-checked') !== 'true') {
      gateway('addToLibrary', uri).then(() => setSaved(uri, true));
      return;
    }
    const el = document.createElement('div');
    el.id = 'saved-in-dialog';
    el.setAttribute('role', 'dialog');
    el.innerHTML =
      '<div role="checkbox" aria-checked="true" tabindex="0">Liked Songs</div><button data-testid="done-button" type="button">Done</button>';
    document.body.append(el);
    dialog = { el, uri };
  });
})();

// "Add to playlist" (add-to-playlist fixture): the row's more button opens the menu; choosing a
// playlist sends operationName addToPlaylist with playlistUri and playlistItemUris.
(() => {
  let track = null;
  document.addEventListener('click', (e) => {
    const el = e.target instanceof Element ? e.target : null;
    const more = el?.closest('[data-testid="tracklist-row"] [data-testid="more-button"]');
    const menu = document.getElementById('context-menu');
    if (more && menu) {
      track = more.closest('[data-track-uri]').dataset.trackUri;
      menu.hidden = false;
      return;
    }
    const item = el?.closest('#context-menu [data-playlist-uri]');
    if (!item || !track) return;
    menu.hidden = true;
    fetch('https://api-partner.spotify.com/pathfinder/v2/query', {
      method: 'POST',
      headers: { 'content-type': 'application/json;charset=UTF-8', authorization: 'Bearer emulated' },
      body: JSON.stringify({
        variables: {
          playlistUri: item.dataset.playlistUri,
          playlistItemUris: [track],
          newPosition: { moveType: 'BOTTOM_OF_PLAYLIST', fromUid: null },
        },
        operationName: 'addToPlaylist',
        extensions: {
          persistedQuery: { version: 1, sha256Hash: '47c69e71df79e3c80e4af7e7a9a727d82565bb20ae20dc820d6bc6f94def482d' },
        },
      }),
    }).catch(() => {});
  });
})();
