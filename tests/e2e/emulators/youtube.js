// Emulates YouTube's own script on the watch-page fixture: what it does when the server accepts a
// click (flip aria-pressed, send the InnerTube request). Injected by the e2e harness, never shipped.
(() => {
  const videoId = new URLSearchParams(location.search).get('v');
  const post = (endpoint, body) =>
    fetch(`/youtubei/v1/${endpoint}?prettyPrint=false`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ context: { client: { clientName: 'WEB', clientVersion: '2.20240601' } }, ...body }),
    }).catch(() => {});
  const like = () => document.querySelector('like-button-view-model button');
  const dislike = () => document.querySelector('dislike-button-view-model button');
  const pressed = (b) => b.getAttribute('aria-pressed') === 'true';
  document.addEventListener('click', (e) => {
    const button = e.target.closest('button');
    if (!button) return;
    if (button === like() || button === dislike()) {
      const other = button === like() ? dislike() : like();
      const on = !pressed(button);
      button.setAttribute('aria-pressed', String(on));
      if (on) other.setAttribute('aria-pressed', 'false');
      const endpoint = !on ? 'like/removelike' : button === like() ? 'like/like' : 'like/dislike';
      post(endpoint, { target: { videoId } });
    }
    if (button.closest('#submit-button')) {
      const box = document.querySelector('#contenteditable-root');
      const text = box.textContent.trim();
      if (!text) return;
      post('comment/create_comment', { createCommentParams: 'EgtkUXc0dzlXZ1hjUSoCCAA%3D', commentText: text }).then(() => {
        box.textContent = '';
      });
    }
  });
})();

// Comments (watch-comments.html): the engagement bar's like and dislike send perform_comment_action
// with the opaque token YouTube put in the page for that button (type 5 like, 4 dislike, field 3 the
// comment id, as YouTube.js encodes them); the undo token's type is not public, 6 stands in for it.
// The action menu's report item opens the report form (flag/get_form) whose submit sends flag/flag.
(() => {
  const post = (endpoint, body) =>
    fetch(`/youtubei/v1/${endpoint}?prettyPrint=false`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ context: { client: { clientName: 'WEB', clientVersion: '2.20240601' } }, ...body }),
    }).catch(() => {});
  const token = (type, commentId) => {
    const bytes = [...new TextEncoder().encode(commentId)];
    const video = [...new TextEncoder().encode(new URLSearchParams(location.search).get('v') ?? '')];
    return encodeURIComponent(btoa(String.fromCharCode(8, type, 16, 2, 26, bytes.length, ...bytes, 42, video.length, ...video)));
  };
  document.addEventListener('click', (e) => {
    const button = e.target instanceof Element ? e.target.closest('button') : null;
    const bar = button?.closest('ytd-comment-engagement-bar');
    if (bar) {
      const like = bar.querySelector('#like-button button');
      const dislike = bar.querySelector('#dislike-button button');
      if (button !== like && button !== dislike) return;
      const on = button.getAttribute('aria-pressed') !== 'true';
      like.setAttribute('aria-pressed', String(button === like && on));
      dislike.setAttribute('aria-pressed', String(button === dislike && on));
      const link = bar.closest('ytd-comment-view-model').querySelector('#published-time-text a');
      const id = new URLSearchParams(link.getAttribute('href').split('?')[1]).get('lc');
      post('comment/perform_comment_action', { actions: [token(on ? (button === like ? 5 : 4) : 6, id)] });
      return;
    }
    if (button?.closest('#action-menu')) {
      const popups = document.querySelector('ytd-popup-container');
      popups.innerHTML =
        '<tp-yt-iron-dropdown><ytd-menu-popup-renderer><tp-yt-paper-listbox><ytd-menu-service-item-renderer role="menuitem" id="report-item" tabindex="0">Report</ytd-menu-service-item-renderer></tp-yt-paper-listbox></ytd-menu-popup-renderer></tp-yt-iron-dropdown>';
      return;
    }
    const target = e.target instanceof Element ? e.target : null;
    if (target?.closest('#report-item')) {
      const popups = document.querySelector('ytd-popup-container');
      post('flag/get_form', { params: 'opaque-form-params' }).then(() => {
        popups.innerHTML =
          '<tp-yt-paper-dialog><yt-report-form-modal-renderer><tp-yt-paper-radio-group><tp-yt-paper-radio-button name="spam" role="radio" aria-checked="false" tabindex="0">Spam</tp-yt-paper-radio-button></tp-yt-paper-radio-group><div id="buttons"><yt-button-renderer id="submit"><button>Report</button></yt-button-renderer></div></yt-report-form-modal-renderer></tp-yt-paper-dialog>';
      });
      return;
    }
    if (target?.closest('yt-report-form-modal-renderer tp-yt-paper-radio-button')) {
      target.closest('tp-yt-paper-radio-button').setAttribute('aria-checked', 'true');
      return;
    }
    if (button?.closest('yt-report-form-modal-renderer #submit')) {
      if (!document.querySelector('yt-report-form-modal-renderer [aria-checked="true"]')) return;
      post('flag/flag', { action: 'opaque-flag-action' }).then(() => {
        document.querySelector('ytd-popup-container').innerHTML = '';
      });
    }
  });
})();

// "Save to playlist" (watch-save fixture): the save button opens the playlist sheet; toggling a row
// posts /youtubei/v1/browse/edit_playlist with ACTION_ADD_VIDEO or ACTION_REMOVE_VIDEO_BY_VIDEO_ID,
// the bodies ytInitialData's playlistEditEndpoint carries.
(() => {
  document.addEventListener('click', (e) => {
    const el = e.target instanceof Element ? e.target : null;
    if (el?.closest('[data-emulated-save]')) {
      document.querySelector('yt-contextual-sheet-layout')?.removeAttribute('hidden');
      return;
    }
    const row = el?.closest('yt-contextual-sheet-layout [data-playlist-id]');
    if (!row) return;
    const videoId = document.querySelector('ytd-watch-flexy').getAttribute('video-id');
    const on = row.getAttribute('aria-pressed') !== 'true';
    row.setAttribute('aria-pressed', String(on));
    fetch('/youtubei/v1/browse/edit_playlist?prettyPrint=false', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        context: { client: { clientName: 'WEB', clientVersion: '2.20250101.00.00' } },
        playlistId: row.dataset.playlistId,
        actions: [
          on
            ? { addedVideoId: videoId, action: 'ACTION_ADD_VIDEO' }
            : { action: 'ACTION_REMOVE_VIDEO_BY_VIDEO_ID', removedVideoId: videoId },
        ],
      }),
    }).catch(() => {});
  });
})();
