// Emulates Yelp's "Write a review" page (/writeareview/biz/<id>): a submit of the review form with a star
// chosen and a text replaces the form with a confirmation after a short wait, on the same page; without
// a star the form stays with an error line. Both reactions are assumptions: the public bot the fixture
// follows stops before the submit, and the review's web request was not found, so none is sent.
// Injected by the e2e harness, never shipped.
(() => {
  document.addEventListener('submit', (e) => {
    const form = e.target instanceof Element ? e.target.closest('form.war-form') : null;
    if (!form) return;
    e.preventDefault();
    const rated = form.querySelector('fieldset input:checked');
    const text = form.querySelector('[contenteditable="true"]')?.textContent.trim();
    if (!rated || !text) {
      if (form.querySelector('[role="alert"]')) return;
      const error = document.createElement('div');
      error.setAttribute('role', 'alert');
      error.textContent = 'Please choose a rating.';
      form.prepend(error);
      return;
    }
    setTimeout(() => {
      const done = document.createElement('div');
      done.className = 'war-done';
      done.innerHTML = '<h2>Thanks for your review</h2>';
      form.replaceWith(done);
    }, 300);
  });
})();
