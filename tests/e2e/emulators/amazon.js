// Emulates Amazon's own script on the signed-in review fixtures: a click on Helpful shows
// "Sending feedback", then hides the button and shows the success message, as the vote widget does
// once the vote is recorded. The vote's web request was not found, so none is sent here (the
// detector does not rely on one). Injected by the e2e harness, never shipped.
(() => {
  const show = (el, on) => el?.classList.toggle('aok-hidden', !on);
  document.addEventListener('click', (e) => {
    const button = e.target.closest('input[data-hook="vote-helpful-button"]');
    const widget = button?.closest('[data-hook="review-voting-widget"]');
    if (!widget) return;
    e.preventDefault();
    show(widget.querySelector('.cr-helpful-button'), false);
    show(widget.querySelector('.cr-vote-feedback'), true);
    setTimeout(() => {
      show(widget.querySelector('.cr-vote-feedback'), false);
      show(widget.querySelector('[data-hook="vote-success-message"]'), true);
    }, 300);
  });
})();

// The in-context review form (/review/create-review): a click on a star checks that radio (the clear
// link unchecks them); a submit with a star chosen replaces the form with the thank-you after a short
// wait, as the React app does once the review is accepted. Without a star, or when the test sets
// data-emulate-refusal on <html>, the form stays and an error alert shows (what a refusal does after a
// submit is not documented anywhere found: this is an assumption). The review's web request was not
// found, so none is sent.
(() => {
  const stars = () => [...document.querySelectorAll('.in-context-ryp__form-field--starRating [role="radio"]')];
  document.addEventListener('click', (e) => {
    const star = e.target.closest('.in-context-ryp__form-field--starRating [role="radio"]');
    if (star) for (const s of stars()) s.setAttribute('aria-checked', String(s === star));
    if (e.target.closest('.in-context-ryp__form-field--starRating--clear')) {
      e.preventDefault();
      for (const s of stars()) s.setAttribute('aria-checked', 'false');
    }
  });
  document.addEventListener('submit', (e) => {
    const form = e.target.closest('#in-context-ryp-form');
    if (!form) return;
    e.preventDefault();
    const rated = stars().some((s) => s.getAttribute('aria-checked') === 'true');
    if (!rated || document.documentElement.hasAttribute('data-emulate-refusal')) {
      if (form.querySelector('[data-hook="ryp-error-page-text"]')) return;
      const alert = document.createElement('div');
      alert.setAttribute('data-hook', 'ryp-error-page-text');
      alert.innerHTML = '<div data-hook="ryp-icon-alert" role="alert">Sorry, we could not accept this review.</div>';
      form.prepend(alert);
      return;
    }
    setTimeout(() => {
      const done = document.createElement('div');
      done.className = 'in-context-ryp__thankyou-container-desktop';
      done.innerHTML =
        '<h2 data-testid="in-context-ryp__thankyou-text">Review submitted</h2>' +
        '<span class="a-color-tertiary in-context-ryp__thankyou-subheader">Thank you</span>';
      form.replaceWith(done);
    }, 300);
  });
})();
