// Emulates TikTok's own script on the video-page fixtures: the like button flips aria-pressed; the
// like and favourite buttons send their state to the web API (type / action 1 on, 0 off); the
// share menu offers Repost ("upvote" inside TikTok); the comment bar publishes then empties its
// editor. Injected by the e2e harness.
(() => {
  const video = /\/video\/(\d+)/.exec(location.pathname)[1];
  const post = (path, params) =>
    fetch(`${path}?aid=1988&${new URLSearchParams(params)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
    }).catch(() => {});
  const state = { like: false, favorite: false, repost: false };
  const buttons = () => [...document.querySelectorAll('.ean6quk0 > button')];
  document.addEventListener('click', (e) => {
    const el = e.target instanceof Element ? e.target : null;
    if (!el) return;
    const button = el.closest('button');
    const [like, , favorite, share] = buttons();
    if (button && button === like) {
      state.like = !state.like;
      button.setAttribute('aria-pressed', String(state.like));
      post('/api/commit/item/digg/', { aweme_id: video, type: state.like ? 1 : 0 });
    } else if (button && button === favorite) {
      state.favorite = !state.favorite;
      post('/api/item/collect/', { aweme_id: video, action: state.favorite ? 1 : 0 });
    } else if (button && button === share) {
      const menu = document.createElement('div');
      menu.setAttribute('role', 'menu');
      menu.id = 'share-menu';
      menu.innerHTML = `<button type="button" class="tiktok-1u0ylbn-ButtonRepost">${state.repost ? 'Remove repost' : 'Repost'}</button>`;
      document.getElementById('share-menu')?.remove();
      document.body.append(menu);
    } else if (el.closest('.tiktok-1u0ylbn-ButtonRepost')) {
      document.getElementById('share-menu')?.remove();
      state.repost = !state.repost;
      post(state.repost ? '/tiktok/v1/upvote/publish' : '/tiktok/v1/upvote/delete', { item_id: video });
    } else if (el.closest('[data-e2e="comment-post"]')) {
      const editor = document.querySelector('[data-e2e="comment-input"] [contenteditable="true"]');
      const text = editor.textContent.trim();
      if (!text) return;
      post('/api/comment/publish/', { aweme_id: video, text, text_extra: '[]' }).then(() => {
        editor.textContent = '';
      });
    }
  });
})();
