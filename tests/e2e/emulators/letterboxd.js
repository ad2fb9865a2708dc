// Emulates Letterboxd's own script on the film fixtures, signed in: "review or log" opens the diary
// dialog; Save posts the dialog's fields to /s/save-diary-entry (form-encoded, as an XMLHttpRequest,
// the way public clients imitate it) and, once answered, closes the dialog and marks the film
// reviewed. Injected by the e2e harness.
(() => {
  document.addEventListener('click', (e) => {
    const el = e.target instanceof Element ? e.target : null;
    const dialog = document.querySelector('#diary-dialog');
    if (el?.closest('[data-open-dialog]')) {
      e.preventDefault();
      dialog.hidden = false;
      return;
    }
    if (!el?.closest('[data-save]')) return;
    const body = new URLSearchParams(new FormData(document.querySelector('#diary-entry-form')));
    fetch('https://letterboxd.com/s/save-diary-entry', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8', 'x-requested-with': 'XMLHttpRequest' },
      body: body.toString(),
    })
      .then(() => {
        dialog.hidden = true;
        document.querySelector('.reviewed-mark').hidden = false;
      })
      .catch(() => {});
  });
})();
