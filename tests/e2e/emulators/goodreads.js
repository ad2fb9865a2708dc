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

// Shelving (book-shelve fixture): "want to read" or a shelf from the chooser posts ShelveBook to the
// page's AppSync GraphQL host; "remove from my shelf" posts UnshelveBook.
(() => {
  const gql = (operationName, input) =>
    fetch('https://kxbwmqov6jgg3daaamb744ycu4.appsync-api.us-east-1.amazonaws.com/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'emulated-jwt' },
      body: JSON.stringify({
        operationName,
        variables: { input },
        query: `mutation ${operationName}($input: ${operationName}Input!) { x }`,
      }),
    }).catch(() => {});
  document.addEventListener('click', (e) => {
    const el = e.target instanceof Element ? e.target : null;
    const page = el?.closest('[data-book-id]');
    if (!page) return;
    const id = page.dataset.bookId;
    const chooser = page.querySelector('[data-shelf-chooser]');
    if (el.closest('[data-chooser]')) {
      chooser.hidden = false;
      return;
    }
    const shelf = el.closest('[data-shelf]');
    if (shelf) {
      chooser.hidden = true;
      gql('ShelveBook', { id, shelfName: shelf.dataset.shelf });
      return;
    }
    if (el.closest('[data-unshelve]')) {
      chooser.hidden = true;
      gql('UnshelveBook', { id });
    }
  });
})();
