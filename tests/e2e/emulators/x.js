// Emulates X's own script on the status-page fixture: confirm menus, test-id swaps and the GraphQL
// requests by operation name (with a made-up query id, as X's rotate). Injected by the e2e harness.
(() => {
  const qid = 'Tq7F2e0XyZ';
  const gql = (op, variables) =>
    fetch(`/i/api/graphql/${qid}/${op}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ variables, queryId: qid }),
    }).catch(() => {});
  const tweetId = (article) => /\/status\/(\d+)/.exec(article.querySelector('a[href*="/status/"] time').closest('a').href)[1];
  const layers = document.getElementById('layers');
  let pending = null;
  const menu = (testid, onConfirm) => {
    layers.innerHTML = `<div role="menu"><div role="menuitem" tabindex="0" data-testid="${testid}">↻</div></div>`;
    pending = onConfirm;
  };
  document.addEventListener('click', (e) => {
    // X acts on a click anywhere in a control, its count included (a span with its own test id).
    const el = e.target.closest('button[data-testid], [role="menuitem"][data-testid]');
    if (!el) return;
    const id = el.getAttribute('data-testid');
    const article = el.closest('article');
    const swap = (to) => el.setAttribute('data-testid', to);
    if (id === 'like') {
      swap('unlike');
      gql('FavoriteTweet', { tweet_id: tweetId(article) });
    } else if (id === 'unlike') {
      swap('like');
      gql('UnfavoriteTweet', { tweet_id: tweetId(article), dark_request: false });
    } else if (id === 'bookmark') {
      swap('removeBookmark');
      gql('CreateBookmark', { tweet_id: tweetId(article) });
    } else if (id === 'removeBookmark') {
      swap('bookmark');
      gql('DeleteBookmark', { tweet_id: tweetId(article) });
    } else if (id === 'retweet')
      menu('retweetConfirm', () => {
        swap('unretweet');
        gql('CreateRetweet', { tweet_id: tweetId(article), dark_request: false });
      });
    else if (id === 'unretweet')
      menu('unretweetConfirm', () => {
        swap('retweet');
        gql('DeleteRetweet', { source_tweet_id: tweetId(article), dark_request: false });
      });
    else if (id === 'retweetConfirm' || id === 'unretweetConfirm') {
      layers.innerHTML = '';
      pending?.();
      pending = null;
    } else if (id === 'tweetButtonInline' || id === 'tweetButton') {
      const box = document.querySelector('[data-testid="tweetTextarea_0"]');
      const text = box.textContent.trim();
      if (!text) return;
      const replyTo = /\/status\/(\d+)/.exec(location.pathname)?.[1];
      gql('CreateTweet', {
        tweet_text: text,
        ...(replyTo ? { reply: { in_reply_to_tweet_id: replyTo, exclude_reply_user_ids: [] } } : {}),
      }).then(() => {
        box.textContent = '';
      });
    }
  });
})();

// Community Notes (community-note fixture): a rating posts BirdwatchCreateRating with the note id and
// the helpfulness level, deleting it BirdwatchDeleteRating; writing a note posts BirdwatchCreateNote.
(() => {
  const qid = 'Bw8kQ1rNoteQid';
  const gql = (op, variables) =>
    fetch(`/i/api/graphql/${qid}/${op}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ variables, queryId: qid }),
    }).catch(() => {});
  document.addEventListener('click', (e) => {
    const el = e.target instanceof Element ? e.target : null;
    const rate = el?.closest('[data-emulated-rating] button');
    if (rate) {
      const pivot = rate.closest('[data-note-id]');
      if (rate.dataset.level === 'delete') gql('BirdwatchDeleteRating', { note_id: pivot.dataset.noteId });
      else
        gql('BirdwatchCreateRating', {
          data_v2: { helpfulness_level: rate.dataset.level, helpful_tags: [], not_helpful_tags: [] },
          note_id: pivot.dataset.noteId,
          rating_source: 'BirdwatchHomeNeedsYourHelp',
          source_platform: 'BirdwatchWeb',
          tweet_id: pivot.dataset.tweetId,
        });
      return;
    }
    const write = el?.closest('[data-emulated-write-note]');
    if (write)
      gql('BirdwatchCreateNote', {
        tweet_id: write.dataset.tweetId,
        data_v1: { classification: 'MisinformedOrPotentiallyMisleading', summary: { text: 'Context.' } },
      });
  });
})();
