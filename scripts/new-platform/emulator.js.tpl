// Emulates __NAME__'s own script on the generated fixture: a click on a like button posts the
// platform's request and, once accepted, presses the button (or releases it, posting the undo).
// TODO: make it do what the real page does (its request, then its state change).
// Injected by the e2e harness, never shipped.
(() => {
  document.addEventListener('click', (e) => {
    const button = e.target instanceof Element ? e.target.closest('[data-clickwork-template="like"]') : null;
    const item = button?.closest('article[data-item-id]');
    if (!button || !item) return;
    const on = button.getAttribute('aria-pressed') !== 'true';
    fetch(`/api/${on ? 'like' : 'unlike'}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ item_id: item.getAttribute('data-item-id') }).toString(),
    }).then(() => button.setAttribute('aria-pressed', String(on)));
  });
})();
