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
