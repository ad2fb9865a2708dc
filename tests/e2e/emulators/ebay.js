// Emulates eBay's "Leave feedback" page as the detector assumes it (UNCONFIRMED: no saved page; the request the page
// sends was not found, so none is sent). A submit with a verdict and a comment is accepted: the transaction's form is
// replaced by a line saying feedback was left. Without a comment eBay refuses and the form stays. Injected by the e2e
// harness, never shipped.
(() => {
  document.addEventListener('click', (e) => {
    const button = e.target instanceof Element ? e.target.closest('button[id^="submitFeedbackBtn-"]') : null;
    const item = button?.closest('.single-feedback-template');
    if (!item) return;
    const comment = item.querySelector('[name="OVERALL_EXPERIENCE_COMMENT"]');
    const verdict = item.querySelector('input[name^="OVERALL_EXPERIENCE"]:checked');
    if (!verdict || !comment?.value.trim()) return;
    setTimeout(() => {
      const done = document.createElement('p');
      done.className = 'feedback-left';
      done.textContent = '✓';
      item.replaceWith(done);
    }, 300);
  });
})();
