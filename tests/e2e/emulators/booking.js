// Emulates Booking.com's review form as the detector assumes it (UNCONFIRMED: no saved page, no known request, so
// none is sent). A submit with a score and some text is accepted: the form is replaced by a thank-you line. Without
// text it is refused and the form stays. Injected by the e2e harness, never shipped.
(() => {
  document.addEventListener('submit', (e) => {
    const form = e.target instanceof HTMLFormElement ? e.target : null;
    if (form?.id !== 'review-form') return;
    e.preventDefault();
    const score = form.querySelector('input[name="score"]:checked');
    const text = [...form.querySelectorAll('textarea')].some((t) => t.value.trim());
    if (!score || !text) return;
    setTimeout(() => {
      const done = document.createElement('p');
      done.className = 'review-thanks';
      done.textContent = '✓';
      form.replaceWith(done);
    }, 300);
  });
})();
