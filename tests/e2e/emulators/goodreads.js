// Emulates Goodreads' own script on the book fixtures, signed in: clicking the Nth selectable star
// saves a rating of N, after which the group draws the fill path of its first N stars (assumed
// from the way the read-only stars of review cards are drawn; no capture shows a rated selectable
// group). Injected by the e2e harness.
(() => {
  document.addEventListener('click', (e) => {
    const star = e.target.closest('button.RatingStar--selectable');
    if (!star) return;
    const group = star.closest('.RatingStars--selectable');
    const all = [...group.querySelectorAll('button.RatingStar--selectable')];
    const n = all.indexOf(star) + 1;
    const shape = group.querySelector('defs path').getAttribute('d');
    all.forEach((b, i) => {
      const fill = b.querySelector('path.RatingStar__fill--selectable');
      if (i < n) fill.setAttribute('d', shape);
      else fill.removeAttribute('d');
    });
  });
})();
