// Emulates Copilot's own script as the detector assumes it (UNCONFIRMED: no saved page of Copilot):
// a thumb under an answer becomes pressed (aria-pressed) and the other released; a click on a
// pressed thumb releases it. Copilot's feedback request is not known (its chat runs over a
// WebSocket), so none is sent. Injected by the e2e harness.
(() => {
  const THUMBS = 'button[data-testid*="-thumbs-up-"], button[data-testid*="-thumbs-down-"]';
  document.addEventListener('click', (e) => {
    const button = e.target.closest(THUMBS);
    const toolbar = button?.parentElement;
    if (!toolbar) return;
    const pressing = button.getAttribute('aria-pressed') !== 'true';
    for (const b of toolbar.querySelectorAll(THUMBS)) b.setAttribute('aria-pressed', 'false');
    button.setAttribute('aria-pressed', String(pressing));
  });
})();
