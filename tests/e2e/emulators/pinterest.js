// Emulates Pinterest's own script on the pin page fixtures: a click on Save saves the pin to the board
// shown beside it, posting /resource/RepinResource/create/ as the web app does (form fields
// source_url and data = {"options":{"pin_id","board_id",…},"context":{}}, as py3-pinterest's repin()
// builds them), then shows the saved state. Injected by the e2e harness, never shipped.
(() => {
  document.addEventListener('click', (e) => {
    const save = e.target instanceof Element ? e.target.closest('[data-test-id="PinBetterSaveButton"]') : null;
    if (!save || save.dataset.saved) return;
    save.dataset.saved = 'true';
    const options = { board_id: save.dataset.boardId, pin_id: save.dataset.pinId, section: null, is_buyable_pin: false };
    fetch('/resource/RepinResource/create/', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8', 'x-requested-with': 'XMLHttpRequest' },
      body: new URLSearchParams({
        source_url: location.pathname,
        data: JSON.stringify({ options, context: {} }),
      }).toString(),
    })
      .then(() => {
        save.outerHTML = '<div data-test-id="saved-button"><div role="button" tabindex="0">✓</div></div>';
      })
      .catch(() => {});
  });
})();
