// Emulates Le Chat's own script on an answer, as the detector assumes it (UNCONFIRMED: the thumbs and
// their rated state are in no saved page or public code): a click on a thumb presses it
// (aria-pressed, Radix's data-state) and releases the other; a click on a pressed thumb releases it.
// The request the app sends is not known (a tRPC procedure under /api/trpc/, none found by name), so
// none is sent and the detector reads none. Injected by the e2e harness, never shipped.
(() => {
  const THUMBS = 'button:has(svg.lucide-thumbs-up), button:has(svg.lucide-thumbs-down)';
  document.addEventListener('click', (e) => {
    const button = e.target instanceof Element ? e.target.closest(THUMBS) : null;
    const answer = button?.closest('[data-message-author-role="assistant"]');
    if (!answer) return;
    const on = button.getAttribute('aria-pressed') !== 'true';
    for (const other of answer.querySelectorAll(THUMBS)) {
      const pressed = other === button && on;
      other.setAttribute('aria-pressed', String(pressed));
      other.setAttribute('data-state', pressed ? 'on' : 'off');
    }
  });
})();
