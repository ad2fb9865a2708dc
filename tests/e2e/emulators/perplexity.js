// Emulates Perplexity's own script on a thread, as the detector assumes it (UNCONFIRMED: what a
// rated thumb shows is in no saved page): a thumb under an answer gets the sprite's filled icon and
// the other thumb's icon is emptied; a click on a filled thumb empties it again. The request the app
// sends is not known (an endpoint named rest/entry/label-entry/<entry> is listed in an analysis of
// the web bundle, without its body), so none is sent and the detector reads none. Injected by the
// e2e harness.
(() => {
  const XLINK = 'http://www.w3.org/1999/xlink';
  const hrefOf = (use) => use.getAttributeNS(XLINK, 'href') ?? use.getAttribute('href') ?? '';
  const setHref = (use, value) =>
    use.hasAttributeNS(XLINK, 'href') ? use.setAttributeNS(XLINK, 'xlink:href', value) : use.setAttribute('href', value);
  const thumbOf = (button) => [...button.querySelectorAll('use')].find((u) => hrefOf(u).startsWith('#pplx-icon-thumb-'));

  document.addEventListener('click', (e) => {
    const button = e.target.closest('button');
    const use = button && thumbOf(button);
    const answer = use && button.closest('[role="tabpanel"]');
    if (!answer) return;
    const rating = !hrefOf(use).endsWith('-filled');
    for (const other of answer.querySelectorAll('button')) {
      const u = thumbOf(other);
      if (u) setHref(u, hrefOf(u).replace(/-filled$/, ''));
    }
    if (rating) setHref(use, `${hrefOf(use)}-filled`);
  });
})();
