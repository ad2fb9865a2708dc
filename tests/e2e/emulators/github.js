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
