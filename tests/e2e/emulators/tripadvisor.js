// Emulates Tripadvisor's classic "Write a review" page (/UserReviewEdit-…): a click on the overall
// rating sets its bubble class; a click on the submit (div#SUBMIT) with a text and the certification
// ticked replaces the form with a thank-you after a short wait, on the same page; without the
// certification the form stays with an error line. Both reactions are assumptions: the public page
// objects the fixture follows stop at the submit click, and the review's web request was not found,
// so none is sent. Injected by the e2e harness, never shipped.
(() => {
  document.addEventListener('click', (e) => {
    const target = e.target instanceof Element ? e.target : null;
    const bubbles = target?.closest('#bubble_rating');
    if (bubbles) bubbles.className = 'ui_bubble_rating fl bubble_40';
    const submit = target?.closest('#SUBMIT');
    const form = submit?.closest('#REVIEW_FORM');
    if (!form) return;
    const text = form.querySelector('#ReviewText')?.value.trim();
    if (!text || !form.querySelector('#noFraud')?.checked) {
      if (form.querySelector('.errorMessage')) return;
      const error = document.createElement('div');
      error.className = 'errorMessage';
      error.setAttribute('role', 'alert');
      error.textContent = 'Please certify your review.';
      form.prepend(error);
      return;
    }
    setTimeout(() => {
      const done = document.createElement('div');
      done.className = 'reviewSubmitted';
      done.innerHTML = '<h1>Thank you</h1>';
      form.replaceWith(done);
    }, 300);
  });
})();
