// Emulates Reddit's own scripts on the reddit fixtures: shreddit's vote buttons (in shadow roots) and
// composer, old.reddit's arrows, comment form and report form, each sending the request Reddit sends
// when it accepts the action. Injected by the e2e harness, never shipped.
(() => {
  const csrf = 'csrf-placeholder';
  const post = (path, body, type) => fetch(path, { method: 'POST', headers: { 'content-type': type }, body }).catch(() => {});
  const gql = (operation, input) =>
    post('/svc/shreddit/graphql', JSON.stringify({ operation, variables: { input }, csrf_token: csrf }), 'application/json');
  const form = (path, fields) => post(path, new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded');

  document.addEventListener('click', (e) => {
    const path = e.composedPath();
    // shreddit: the vote buttons live in the shadow root of shreddit-post / shreddit-comment-action-row.
    const vote = path.find((n) => n instanceof Element && (n.hasAttribute('upvote') || n.hasAttribute('downvote')));
    if (vote) {
      const root = vote.getRootNode();
      const host = root.host;
      const up = root.querySelector('button[upvote]');
      const down = root.querySelector('button[downvote]');
      const isUp = vote === up;
      const on = vote.getAttribute('aria-pressed') !== 'true';
      up.setAttribute('aria-pressed', String(isUp && on));
      down.setAttribute('aria-pressed', String(!isUp && on));
      const state = on ? (isUp ? 'UP' : 'DOWN') : 'NONE';
      if (host.localName === 'shreddit-post') gql('UpdatePostVoteState', { postId: host.id, voteState: state });
      else gql('UpdateCommentVoteState', { commentId: host.getAttribute('comment-id'), voteState: state });
      return;
    }
    const el = e.target instanceof Element ? e.target : null;
    if (!el) return;
    const submit = el.closest('shreddit-composer button[slot="submit-button"]');
    if (submit) {
      const editor = submit.closest('shreddit-composer').querySelector('[contenteditable]');
      if (!editor.textContent.trim()) return;
      const parent = submit.closest('shreddit-comment')?.getAttribute('thingid') ?? document.querySelector('shreddit-post').id;
      const content = JSON.stringify({ document: [{ e: 'par', c: [{ e: 'text', t: editor.textContent }] }] });
      form(`/svc/shreddit/${parent}/create-comment?cujTrackingId=a1b2`, {
        content,
        mode: 'richText',
        richTextMedia: '[]',
        csrf_token: csrf,
      }).then(() => {
        editor.innerHTML = '<p><br></p>';
      });
      return;
    }
    // old.reddit
    const arrow = el.closest('.thing > .midcol > .arrow');
    if (arrow) {
      const thing = arrow.closest('.thing');
      const mid = arrow.parentElement;
      const [up, down] = mid.querySelectorAll('.arrow');
      const isUp = arrow === up;
      const on = !arrow.classList.contains(isUp ? 'upmod' : 'downmod');
      up.classList.toggle('upmod', isUp && on);
      up.classList.toggle('up', !(isUp && on));
      down.classList.toggle('downmod', !isUp && on);
      down.classList.toggle('down', !(!isUp && on));
      mid.className = `midcol ${on ? (isUp ? 'likes' : 'dislikes') : 'unvoted'}`;
      form('/api/vote', {
        id: thing.dataset.fullname,
        dir: on ? (isUp ? '1' : '-1') : '0',
        vh: 'x',
        isTrusted: 'true',
        uh: 'modhash',
      });
      return;
    }
    const save = el.closest('form.usertext button.save');
    if (save) {
      e.preventDefault();
      const f = save.closest('form');
      const text = f.querySelector('textarea[name="text"]');
      if (!text.value.trim()) return;
      form('/api/comment', {
        thing_id: f.querySelector('input[name="thing_id"]').value,
        text: text.value,
        id: `#${f.id}`,
        r: 'test',
        uh: 'modhash',
        renderstyle: 'html',
      }).then(() => {
        text.value = '';
      });
      return;
    }
    const report = el.closest('.reportbtn');
    if (report) {
      const box = report.closest('.thing').querySelector('.reportform');
      box.innerHTML =
        '<form class="report-form"><label><input type="radio" name="reason" value="spam"> spam</label> <button type="submit" class="btn submit-action-thing">submit</button></form>';
      return;
    }
    const send = el.closest('.reportform button[type="submit"]');
    if (send) {
      e.preventDefault();
      const thing = send.closest('.thing');
      const reason = send.form.querySelector('input[name="reason"]:checked')?.value ?? 'other';
      form('/api/report', { thing_id: thing.dataset.fullname, reason, uh: 'modhash' }).then(() => {
        send.closest('.reportform').textContent = 'thanks!';
      });
    }
  });
})();

// old.reddit's moderator buttons, as reddit's r2 reddit.js big_mod_action does: the clicked button
// turns `pressed` (once), its status text shows, and the decision is posted to /api/approve or
// /api/remove (spam=false, or true for the spam button) with the thing's fullname and the modhash.
(() => {
  const form = (path, fields) =>
    fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ uh: 'modhash-placeholder', renderstyle: 'html', ...fields }).toString(),
    }).catch(() => {});
  document.addEventListener('click', (e) => {
    const button = e.target instanceof Element ? e.target.closest('.big-mod-buttons > span > .pretty-button') : null;
    if (!button) return;
    e.preventDefault();
    if (!button.classList.contains('pressed')) {
      button.classList.add('pressed');
      const id = button.closest('.thing').dataset.fullname;
      const status = button.parentElement.querySelector('.status-msg');
      if (status) status.style.display = '';
      if (button.classList.contains('positive')) form('/api/approve', { id });
      else form('/api/remove', { id, spam: String(button.classList.contains('negative')) });
    }
    for (const other of button.closest('.big-mod-buttons').querySelectorAll('.pretty-button')) {
      if (other !== button) other.classList.remove('pressed');
    }
  });
})();
