// Emulates Steam's own scripts on the app-page fixture (user_reviews.js and game.js as kept by
// SteamDatabase/SteamTracking): the vote bar posts a form to steamcommunity.com/userreviews/rate|votetag/<id>
// and, once accepted, moves the btn_active class; the report link asks for a reason in a dialog and
// posts /userreviews/report/<id>; "Post review" posts /friends/recommendgame and replaces the box.
// Injected by the e2e harness, never shipped.
(() => {
  const post = (url, fields) =>
    fetch(url, {
      method: 'POST',
      mode: 'no-cors',
      credentials: 'include',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...fields, sessionid: 'session-placeholder' }).toString(),
    });
  const base = 'https://steamcommunity.com';
  const active = (id, which, on) =>
    document
      .getElementById(`RecommendationVote${which}Btnsummary${id}${which === 'Tag' ? '_1' : ''}`)
      ?.classList.toggle('btn_active', on);
  let rated = null;
  document.addEventListener('click', (e) => {
    const el = e.target instanceof Element ? e.target : null;
    const vote = el?.closest('a[id^="RecommendationVote"]');
    if (vote) {
      const [, which, id] = /^RecommendationVote(Up|Down|Tag)Btnsummary(\d+)/.exec(vote.id) ?? [];
      if (!id) return;
      if (which === 'Tag') {
        const up = !vote.classList.contains('btn_active');
        post(`${base}/userreviews/votetag/${id}`, { tagid: '1', rateup: String(up) }).then(() => {
          active(id, 'Tag', up);
          if (up) {
            active(id, 'Up', false);
            active(id, 'Down', false);
          }
        });
      } else {
        post(`${base}/userreviews/rate/${id}`, { rateup: String(which === 'Up') }).then(() => {
          active(id, 'Up', which === 'Up');
          active(id, 'Down', which === 'Down');
          active(id, 'Tag', false);
        });
      }
      return;
    }
    const report = el?.closest('.report_review');
    if (report) {
      const dialog = document.createElement('div');
      dialog.className = 'newmodal';
      dialog.dataset.review = report.dataset.review;
      dialog.innerHTML = '<textarea></textarea><div class="btn_green_steamui btn_medium" id="report_ok"><span>OK</span></div>';
      document.body.append(dialog);
      return;
    }
    const ok = el?.closest('#report_ok');
    if (ok) {
      const dialog = ok.closest('.newmodal');
      const note = dialog.querySelector('textarea').value.trim();
      if (!note) return;
      post(`${base}/userreviews/report/${dialog.dataset.review}`, { reportnote: note }).then(() => dialog.remove());
      return;
    }
    if (el?.closest('#VoteUpBtn, #VoteDownBtn')) {
      rated = Boolean(el.closest('#VoteUpBtn'));
      return;
    }
    if (el?.closest('#SubmitReviewBtn')) {
      const comment = document.getElementById('game_recommendation').value;
      if (!comment.trim() || rated === null) return;
      post('https://store.steampowered.com/friends/recommendgame', {
        appid: '683320',
        steamworksappid: '683320',
        comment,
        rated_up: String(rated),
        is_public: 'true',
        language: 'english',
        received_compensation: '0',
      }).then(() => {
        document.getElementById('review_create').innerHTML = '<div class="review_created">✓</div>';
      });
    }
  });
})();
