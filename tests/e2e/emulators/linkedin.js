// Emulates LinkedIn's web client on the feed fixtures with its server-driven UI actions (2025
// onwards): POST /flagship-web/rsc-action/actions/server-request?sduiid=<operation> with a JSON
// body repeating the operation and carrying the payload. The react button likes or removes the
// reaction, hovering it opens the reactions menu, the repost button's menu reposts instantly, and
// the comment box sends its comment then empties. Injected by the e2e harness.
(() => {
  const TYPES = ['LIKE', 'PRAISE', 'EMPATHY', 'INTEREST', 'APPRECIATION', 'ENTERTAINMENT'];
  const activityOf = (el) => /urn:li:activity:(\d+)/.exec(el.closest('[data-urn]').getAttribute('data-urn'))[1];
  const thread = (activityId) => ({ threadUrnActivityThreadUrn: { activityUrn: { activityId } } });
  const sdui = (operation, payload) =>
    fetch(`/flagship-web/rsc-action/actions/server-request?sduiid=${operation}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'csrf-token': 'ajax:0000000000000000000' },
      body: JSON.stringify({
        requestId: operation,
        serverRequest: {
          requestId: operation,
          requestedArguments: { $type: 'proto.sdui.actions.requests.RequestedArguments', requestedStateKeys: [], payload },
        },
        states: [],
      }),
    }).catch(() => {});
  const post = document.querySelector('[data-urn]');
  const outlet = document.getElementById('artdeco-hoverable-outlet');
  const trigger = post.querySelector('.react-button__trigger');
  let current = null;
  const react = (type) => {
    const id = activityOf(post);
    // Picking another reaction replaces the current one with a single create.
    const operation = type === current ? 'delete' : 'create';
    sdui(`com.linkedin.sdui.reactions.${operation}`, {
      threadUrn: thread(id),
      reactionSource: 'Update',
      reactionType: `ReactionType_${type}`,
    });
    current = type === current ? null : type;
    trigger.setAttribute('aria-pressed', String(Boolean(current)));
  };
  trigger.addEventListener('mouseenter', () => {
    if (outlet.querySelector('.reactions-menu')) return;
    outlet.innerHTML = `<div class="reactions-menu" role="toolbar">${TYPES.map((t) => `<button type="button" class="reactions-menu__reaction" data-type="${t}"><img alt="" src="data:,"></button>`).join('')}</div>`;
  });
  document.addEventListener('click', (e) => {
    const el = e.target instanceof Element ? e.target : null;
    if (!el) return;
    const picked = el.closest('.reactions-menu__reaction');
    if (picked) {
      outlet.innerHTML = '';
      if (picked.dataset.type !== current) react(picked.dataset.type);
    } else if (el.closest('.react-button__trigger')) react(current ?? 'LIKE');
    else if (el.closest('.social-reshare-button')) {
      outlet.innerHTML =
        '<div class="artdeco-dropdown__content" role="menu"><div role="button" tabindex="0" class="instant-repost">↻</div></div>';
    } else if (el.closest('.instant-repost')) {
      outlet.innerHTML = '';
      sdui('com.linkedin.sdui.feed.requests.createInstantRepost', { threadUrn: thread(activityOf(post)) });
    }
  });
  document.addEventListener('submit', (e) => {
    const form = e.target.closest('.comments-comment-box__form');
    if (!form) return;
    e.preventDefault();
    const editor = form.querySelector('.ql-editor');
    const text = editor.textContent.trim();
    if (!text) return;
    sdui('com.linkedin.sdui.comments.createComment', {
      commentary: { text, attributesV2: [] },
      threadUrn: thread(activityOf(form)),
    }).then(() => {
      editor.innerHTML = '<p><br></p>';
    });
  });
})();
