// Emulates Stack Overflow's own script on the question fixtures: a signed-in user's votes (aria-pressed
// and the selected classes, POST /posts/{id}/vote/{type} with the fkey) and the flag dialog
// (POST /flags/posts/{id}/add/{type}). Injected by the e2e harness, never shipped.
(() => {
  const fkey = 'fkey-placeholder';
  const post = (path, fields) =>
    fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ fkey, ...fields }).toString(),
    }).catch(() => {});
  const set = (b, on) => {
    b.setAttribute('aria-pressed', String(on));
    for (const c of (b.dataset.selectedClasses ?? 'fc-theme-primary').split(' ')) b.classList.toggle(c, on);
  };
  document.addEventListener('click', (e) => {
    const el = e.target instanceof Element ? e.target : null;
    const button = el?.closest('.js-vote-up-btn, .js-vote-down-btn');
    if (button) {
      const box = button.closest('.js-voting-container');
      const up = box.querySelector('.js-vote-up-btn');
      const down = box.querySelector('.js-vote-down-btn');
      const on = button.getAttribute('aria-pressed') !== 'true';
      set(up, button === up && on);
      set(down, button === down && on);
      post(`/posts/${box.dataset.postId}/vote/${on ? (button === up ? 2 : 3) : 0}`, {});
      return;
    }
    const flag = el?.closest('.js-flag-post-link');
    if (flag) {
      const dialog = document.createElement('div');
      dialog.id = 'popup-flag-post';
      dialog.className = 's-modal--dialog';
      dialog.dataset.postId = flag.dataset.postid;
      dialog.innerHTML =
        '<form><label><input type="radio" name="type" value="PostSpam" class="s-radio"> spam</label><button type="submit" class="s-btn s-btn__primary js-popup-submit">Flag</button></form>';
      document.body.append(dialog);
      return;
    }
    const submit = el?.closest('#popup-flag-post .js-popup-submit');
    if (submit) {
      e.preventDefault();
      const dialog = submit.closest('#popup-flag-post');
      const type = dialog.querySelector('input[name="type"]:checked')?.value;
      if (!type) return;
      post(`/flags/posts/${dialog.dataset.postId}/add/${type}`, { otherText: '', overrideWarning: 'false' }).then(() =>
        dialog.remove(),
      );
    }
  });
})();

// A review queue and close votes (review-close fixture): a review action posts the task's result to
// /review/task-reviewed/<taskId>; close, retract and reopen post to /flags/questions/<id>/…
(() => {
  const fkey = 'fkey-placeholder';
  const post = (path, fields) =>
    fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ fkey, ...fields }).toString(),
    }).catch(() => {});
  document.addEventListener('click', (e) => {
    const el = e.target instanceof Element ? e.target : null;
    const main = el?.closest('[data-task-id]');
    if (!main) return;
    const action = el.closest('.js-review-actions .js-action-button');
    if (action) {
      post(`/review/task-reviewed/${main.dataset.taskId}`, { taskTypeId: '2', result: action.dataset.resultType }).then(() => {
        main.dataset.taskId = String(Number(main.dataset.taskId) + 1); // the next task loads
      });
      return;
    }
    const close = el.closest('.js-close-question-link');
    if (close) post(`/flags/questions/${close.dataset.questionid}/close/add`, { closeReasonId: 'NeedsDetailsOrClarity' });
    const retract = el.closest('.js-retract-close-vote');
    if (retract) post(`/flags/questions/${retract.dataset.questionid}/close/retract`, {});
    const reopen = el.closest('.js-reopen-question-link');
    if (reopen) post(`/flags/questions/${reopen.dataset.questionid}/reopen/add`, {});
  });
})();
