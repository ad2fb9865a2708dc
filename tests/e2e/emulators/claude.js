// Emulates claude.ai's own script on a conversation: the thumb up marks the answer rated (its icon
// filled) and posts {type: "upvote"}; the thumb down opens a list of reasons and the chosen one is
// posted as {type: "flag/<reason>"}. A message that already has feedback is updated with PUT, as
// the web bundle does (2026-03 analysis). Buttons are told apart by position in the answer's
// action bar [copy] [up] [down] [retry], as the app knows them; message ids are the app's own
// state (not in the markup), made up here per answer. Injected by the e2e harness.
(() => {
  const ORG = 'f3a1c2d4-0000-4000-8000-00000000000a';
  const conversation = /\/chat\/([\w-]+)/.exec(location.pathname)?.[1] ?? 'unknown';
  const rated = new Map();
  const bars = () =>
    [...document.querySelectorAll('[data-testid="action-bar-copy"]')]
      .map((copy) => copy.parentElement)
      .filter((wrapper) => wrapper.nextElementSibling?.querySelector('button:not([aria-haspopup])'));
  const messageOf = (wrapper) => `019c8a7e-0000-7000-8000-${String(bars().indexOf(wrapper)).padStart(12, '0')}`;

  function send(message, type) {
    const method = rated.has(message) ? 'PUT' : 'POST';
    rated.set(message, type);
    fetch(`/api/organizations/${ORG}/chat_conversations/${conversation}/chat_messages/${message}/chat_feedback`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type, reason: '' }),
    }).catch(() => {});
  }

  function reasons(copyWrapper, message) {
    document.querySelector('[data-emulated-menu]')?.remove();
    const menu = document.createElement('div');
    menu.setAttribute('role', 'menu');
    menu.setAttribute('data-emulated-menu', '');
    for (const reason of ['bug', 'facts', 'other']) {
      const item = document.createElement('button');
      item.setAttribute('role', 'menuitem');
      item.dataset.reason = `flag/${reason}`;
      item.textContent = reason;
      menu.append(item);
    }
    menu.addEventListener('click', (e) => {
      const item = e.target.closest('[data-reason]');
      if (!item) return;
      send(message, item.dataset.reason);
      menu.remove();
    });
    copyWrapper.parentElement.append(menu);
  }

  document.addEventListener('click', (e) => {
    const button = e.target.closest('button');
    const wrapper = button?.parentElement;
    const copyWrapper = bars().find(
      (w) => w.nextElementSibling === wrapper || w.nextElementSibling?.nextElementSibling === wrapper,
    );
    if (!copyWrapper || button.hasAttribute('aria-haspopup')) return;
    const message = messageOf(copyWrapper);
    if (copyWrapper.nextElementSibling === wrapper) {
      if (rated.get(message) === 'upvote') return;
      button.querySelector('svg')?.setAttribute('data-filled', '');
      send(message, 'upvote');
    } else {
      reasons(copyWrapper, message);
    }
  });
})();
