// Emulates Gemini's own script on the conversation fixtures: a thumb under an answer becomes
// pressed and the other one released; clicking a pressed thumb releases it. Gemini reports the
// feedback through its generic batchexecute RPC, which the detector does not read, so no request
// is sent here. Injected by the e2e harness.
(() => {
  document.addEventListener('click', (e) => {
    const button = e.target.closest('thumb-up-button button, thumb-down-button button');
    if (!button) return;
    const response = button.closest('model-response');
    const pressing = button.getAttribute('aria-pressed') !== 'true';
    for (const b of response.querySelectorAll('thumb-up-button button, thumb-down-button button'))
      b.setAttribute('aria-pressed', 'false');
    button.setAttribute('aria-pressed', String(pressing));
  });
})();
