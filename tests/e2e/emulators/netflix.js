// Emulates Netflix's own script on the title-modal fixture: the rate button (or hovering it) opens
// the thumbs menu; choosing a thumb closes it and the rate button then shows that thumb, filled;
// choosing the shown thumb again removes the rating. No web request naming the rating was found,
// so none is sent here. Injected by the e2e harness, never shipped.
(() => {
  const ICONS = {
    'thumbsDown-button': 'ThumbsDownFillStandard',
    'thumbsUp-button': 'ThumbsUpFillStandard',
    'thumbsWayUp-button': 'ThumbsUpTwoFillStandard',
  };
  const rate = () => document.querySelector('[data-uia="thumbs-rate-button"]');
  const menu = () => document.getElementById('thumbs-selection-menu');
  const open = (on) => {
    menu().hidden = !on;
    rate().setAttribute('aria-expanded', String(on));
  };
  rate().addEventListener('mouseenter', () => open(true));
  document.addEventListener('click', (e) => {
    // Hovering already opened it; a click (or a tap, without hover) keeps it open.
    if (e.target.closest('[data-uia="thumbs-rate-button"]')) return open(true);
    const choice = e.target.closest('#thumbs-selection-menu [data-uia]');
    if (!choice) return;
    open(false);
    // The rating is saved before the icon changes, as on the site (a short round trip).
    setTimeout(() => {
      const icon = rate().querySelector('svg');
      const chosen = ICONS[choice.dataset.uia];
      icon.setAttribute('data-icon', icon.getAttribute('data-icon') === chosen ? 'ThumbsUpStandard' : chosen);
    }, 200);
  });
})();
