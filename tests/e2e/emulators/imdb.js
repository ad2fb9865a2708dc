// Emulates IMDb's own script on the title fixtures: the "Your rating" button opens the rating
// dialog; a star chooses the rating; Rate sends the UpdateTitleRating mutation to IMDb's GraphQL
// API and the bar shows the score; Remove rating sends DeleteTitleRating and the bar shows the
// unrated star again. Closing the dialog sends nothing. Injected by the e2e harness.
(() => {
  const titleId = /\/title\/(tt\d+)/.exec(location.pathname)[1];
  const dialog = document.querySelector('[data-testid="promptable"]');
  const content = document.querySelector('[data-testid="hero-rating-bar__user-rating"] .ipc-btn__text');
  const unrated = content.innerHTML;
  let chosen = 0;
  const gql = (operationName, query, variables) =>
    fetch('https://api.graphql.imdb.com/', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ operationName, query, variables }),
    }).catch(() => {});
  document.addEventListener('click', (e) => {
    const el = e.target;
    if (el.closest('[data-testid="hero-rating-bar__user-rating"] button')) {
      dialog.hidden = false;
      return;
    }
    const star = el.closest('.ipc-starbar__rating__button');
    if (star) {
      chosen = [...dialog.querySelectorAll('.ipc-starbar__rating__button')].indexOf(star) + 1;
      return;
    }
    if (el.closest('.ipc-rating-prompt__rate-button') && chosen) {
      dialog.hidden = true;
      gql(
        'UpdateTitleRating',
        'mutation UpdateTitleRating($rating: Int!, $titleId: ID!) { rateTitle(input: { rating: $rating, titleId: $titleId }) { rating { value } } }',
        {
          rating: chosen,
          titleId,
        },
      );
      content.innerHTML = `<div data-testid="hero-rating-bar__user-rating__score"><span>${chosen}</span><span>/10</span></div>`;
    } else if (el.closest('.ipc-rating-prompt__remove-rating')) {
      dialog.hidden = true;
      gql(
        'DeleteTitleRating',
        'mutation DeleteTitleRating($titleId: ID!) { deleteTitleRating(input: { titleId: $titleId }) { date } }',
        { titleId },
      );
      content.innerHTML = unrated;
    } else if (el.closest('.ipc-promptable-base__close')) dialog.hidden = true;
  });
})();
