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
