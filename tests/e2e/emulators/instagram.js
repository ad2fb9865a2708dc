// Emulates Instagram's web client on the feed and post-page fixtures: the like button sends the
// like/unlike GraphQL mutation (form-encoded, by friendly name, with a made-up doc_id as the real
// ones rotate), the save button the REST save/unsave endpoint, and the comment box shows its Post
// button once it holds text, then sends the comment mutation and empties. Injected by the e2e harness.
(() => {
  // Instagram's media id is its shortcode read as a base-64 number.
  const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const mediaId = (code) => [...code].reduce((n, c) => n * 64n + BigInt(ALPHABET.indexOf(c)), 0n).toString();
  const postOf = (el) => {
    const scope = el.closest('article') ?? document.querySelector('main');
    const href = scope.querySelector('a[href^="/p/"]').getAttribute('href');
    return mediaId(/^\/p\/([\w-]+)/.exec(href)[1]);
  };
  const graphql = (name, variables) =>
    fetch('/graphql/query', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-fb-friendly-name': name },
      body: new URLSearchParams({
        av: '17841400000000000',
        fb_api_caller_class: 'RelayModern',
        fb_api_req_friendly_name: name,
        variables: JSON.stringify(variables),
        server_timestamps: 'true',
        doc_id: '9000000000000001',
      }),
    }).catch(() => {});
  const rest = (path) =>
    fetch(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' }).catch(() => {});
  const liked = new Set();
  const saved = new Set();
  // The action bar: the first section of a post; its svgs in order are like, comment, share, save.
  const actionOf = (button) => {
    const bar = button.closest('section');
    if (!bar || bar.querySelector('form')) return null;
    const svgs = [...bar.querySelectorAll('svg')];
    const index = svgs.indexOf(button.querySelector('svg'));
    return ['like', 'comment', 'share', 'save'][index] ?? null;
  };
  document.addEventListener('input', (e) => {
    const area = e.target;
    if (!(area instanceof HTMLTextAreaElement)) return;
    const form = area.closest('form');
    const existing = form.querySelector('[data-post]');
    if (area.value.trim() && !existing) {
      const post = document.createElement('div');
      post.setAttribute('role', 'button');
      post.setAttribute('tabindex', '0');
      post.dataset.post = '';
      post.textContent = document.documentElement.lang === 'fr' ? 'Publier' : 'Post';
      area.after(post);
    } else if (!area.value.trim()) existing?.remove();
  });
  document.addEventListener('click', (e) => {
    const el = e.target instanceof Element ? e.target : null;
    const button = el?.closest('[role="button"]');
    if (!button) return;
    if (button.hasAttribute('data-post')) {
      const area = button.closest('form').querySelector('textarea');
      const text = area.value.trim();
      const media = postOf(button);
      graphql('PolarisPostCommentInputRevampedMutation', {
        connections: [
          `client:root:__PolarisPostComments__xdt_api__v1__media__media_id__comments__connection_connection(data:{},media_id:"${media}",sort_order:"popular")`,
        ],
        request_data: { comment_text: text },
        media_id: media,
      }).then(() => {
        area.value = '';
        button.remove();
      });
      return;
    }
    const action = actionOf(button);
    const media = action && postOf(button);
    if (action === 'like') {
      const on = !liked.has(media);
      if (on) liked.add(media);
      else liked.delete(media);
      graphql(on ? 'usePolarisLikeMediaLikeMutation' : 'usePolarisLikeMediaUnlikeMutation', {
        media_id: media,
        container_module: 'feed_timeline',
      });
    } else if (action === 'save') {
      const on = !saved.has(media);
      if (on) saved.add(media);
      else saved.delete(media);
      rest(`/api/v1/web/save/${media}/${on ? 'save' : 'unsave'}/`);
    }
  });
})();
