// Emulates GitHub's own scripts on the github fixtures: js-toggler's star forms (the `on` class, POST
// /owner/repo/star|unstar) and the reaction forms (POST /owner/repo/reactions with input[subjectId] and
// input[content] = "<CONTENT> react|unreact", then the summary re-rendered). Injected by the e2e
// harness, never shipped.
(() => {
  const post = (action, fields) =>
    fetch(action, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ authenticity_token: 'PLACEHOLDER', ...fields }).toString(),
    }).catch(() => {});
  // Reactions per subject: content → {count, mine}, read from the server-rendered summary.
  const state = new Map();
  const reactionsOf = (comment) => {
    const id = comment.querySelector('input[name="input[subjectId]"]').value;
    if (!state.has(id)) {
      const r = {};
      for (const b of comment.querySelectorAll('.js-reaction-group-button')) {
        const [content, verb] = b.value.split(' ');
        r[content] = { count: Number(b.querySelector('span').textContent), mine: verb === 'unreact' };
      }
      state.set(id, r);
    }
    return { id, r: state.get(id) };
  };
  const render = (comment, r) => {
    comment.querySelector('.js-comment-reactions-options').innerHTML = Object.entries(r)
      .filter(([, x]) => x.count > 0)
      .map(
        ([c, x]) =>
          `<button name="input[content]" value="${c} ${x.mine ? 'unreact' : 'react'}" aria-pressed="${x.mine}" type="submit" class="social-reaction-summary-item js-reaction-group-button${x.mine ? ' user-has-reacted' : ''}"><g-emoji>${c}</g-emoji><span>${x.count}</span></button>`,
      )
      .join('');
    for (const item of comment.querySelectorAll('.js-reaction-option-item')) {
      const content = item.value.split(' ')[0];
      const mine = Boolean(r[content]?.mine);
      item.value = `${content} ${mine ? 'unreact' : 'react'}`;
      item.setAttribute('aria-checked', String(mine));
    }
  };
  document.addEventListener('click', (e) => {
    const el = e.target instanceof Element ? e.target : null;
    const star = el?.closest('.starring-container form button');
    if (star) {
      e.preventDefault();
      const f = star.closest('form');
      star.closest('.starring-container').classList.toggle('on', f.getAttribute('action').endsWith('/star'));
      post(f.getAttribute('action'), { context: 'repository' });
      return;
    }
    const reaction = el?.closest('button[name="input[content]"]');
    if (reaction) {
      e.preventDefault();
      const comment = reaction.closest('.js-comment');
      const [content, verb] = reaction.value.split(' ');
      const { id, r } = reactionsOf(comment);
      const cur = r[content] ?? { count: 0, mine: false };
      r[content] = { count: cur.count + (verb === 'react' ? 1 : -1), mine: verb === 'react' };
      post(reaction.closest('form').getAttribute('action'), { 'input[subjectId]': id, 'input[content]': reaction.value }).then(
        () => render(comment, r),
      );
      reaction.closest('details')?.removeAttribute('open');
    }
  });
})();

// GitHub's React issue view (2024 onwards, as in the saved logged-in page of 2025-04): each reactions
// toolbar holds role="switch" buttons (aria-checked = the viewer's own reaction) and a smiley that
// opens the picker in an overlay outside the toolbar. A choice flips or adds the switch and posts the
// persisted mutation to /_graphql as {persistedQueryName, query: <hash>, variables: {input}}. The
// mutation names are assumed (Relay's "<module>AddReactionMutation" naming); the hashes are made up.
(() => {
  const CONTENT = {
    '👍': 'THUMBS_UP',
    '👎': 'THUMBS_DOWN',
    '😄': 'LAUGH',
    '🎉': 'HOORAY',
    '😕': 'CONFUSED',
    '❤': 'HEART',
    '🚀': 'ROCKET',
    '👀': 'EYES',
  };
  const emojiOf = (b) => (b.querySelector('[data-component="leadingVisual"]')?.textContent ?? '').replace(/[\uFE0F\s]/g, '');
  const subjectOf = (toolbar) => {
    const box = toolbar.closest('[data-testid^="comment-viewer-outer-box-"]');
    if (box) return box.getAttribute('data-testid').slice('comment-viewer-outer-box-'.length);
    return document.querySelector('command-palette-page-stack[data-default-scope-id]')?.getAttribute('data-default-scope-id');
  };
  const send = (toolbar, emoji, on) =>
    fetch('/_graphql', {
      method: 'POST',
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
      body: JSON.stringify({
        persistedQueryName: on ? 'addReactionMutation' : 'removeReactionMutation',
        query: on ? '0a1b2c3d4e5f60718293a4b5c6d7e8f9' : 'f9e8d7c6b5a4938271605f4e3d2c1b0a',
        variables: { input: { subjectId: subjectOf(toolbar), content: CONTENT[emoji] } },
      }),
    }).catch(() => {});
  const toggle = (toolbar, emoji) => {
    let button = [...toolbar.querySelectorAll('button[role="switch"]')].find((b) => emojiOf(b) === emoji);
    if (!button) {
      button = document.createElement('button');
      button.type = 'button';
      button.setAttribute('role', 'switch');
      button.setAttribute('aria-checked', 'false');
      button.innerHTML = `<span data-component="buttonContent"><span data-component="leadingVisual">${emoji}</span><span data-component="text">0</span></span>`;
      toolbar.append(button);
    }
    const on = button.getAttribute('aria-checked') !== 'true';
    const count = button.querySelector('[data-component="text"]');
    const n = Number(count?.textContent ?? 0) + (on ? 1 : -1);
    if (count) count.textContent = String(n);
    // Optimistic, as Relay's updater: the state changes as the request leaves.
    button.setAttribute('aria-checked', String(on));
    if (n <= 0) button.remove();
    send(toolbar, emoji, on);
  };
  let picker = null;
  const closePicker = () => {
    picker?.remove();
    picker = null;
  };
  document.addEventListener('click', (e) => {
    const el = e.target instanceof Element ? e.target : null;
    const choice = el?.closest('[data-emulated-picker] button');
    if (choice && picker) {
      toggle(picker.toolbar, choice.dataset.emoji);
      closePicker();
      return;
    }
    const sw = el?.closest('[role="toolbar"] button[role="switch"]');
    if (sw) return toggle(sw.closest('[role="toolbar"]'), emojiOf(sw));
    const smiley = el?.closest('[role="toolbar"] button[aria-haspopup="true"]');
    if (smiley) {
      closePicker();
      picker = document.createElement('div');
      picker.toolbar = smiley.closest('[role="toolbar"]');
      picker.setAttribute('data-emulated-picker', '');
      picker.setAttribute('role', 'dialog');
      picker.style.cssText = 'position:fixed;top:10px;left:10px;z-index:99;background:#fff';
      picker.innerHTML = Object.keys(CONTENT)
        .map((k) => `<button type="button" role="menuitemcheckbox" data-emoji="${k}" aria-label="${CONTENT[k]}">${k}</button>`)
        .join('');
      document.body.append(picker);
    }
  });
})();
