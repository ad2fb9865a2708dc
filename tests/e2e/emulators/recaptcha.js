// Emulates reCAPTCHA v2 in its frames and the host page's api.js: the checkbox asks the host, the host
// either passes it at once or opens the image challenge, the challenge asks for ROUNDS verifications.
// Injected by the e2e harness into the anchor, bframe and shop fixtures; never shipped.
(() => {
  const role = /\/recaptcha\/api2\/(anchor|bframe)/.exec(location.pathname)?.[1] ?? 'host';
  if (role === 'host') {
    const params = new URLSearchParams(location.search);
    const challenge = params.get('challenge') === '1';
    const rounds = Number(params.get('rounds') ?? 1);
    const anchor = document.getElementById('anchor-frame');
    const bframe = document.getElementById('bframe-frame');
    const wrap = document.getElementById('bframe-wrap');
    window.addEventListener('message', (e) => {
      if (e.data === 'checkbox-clicked') {
        if (!challenge) anchor.contentWindow.postMessage('pass', '*');
        else {
          Object.assign(wrap.style, { visibility: 'visible', top: '10px' });
          bframe.contentWindow.postMessage({ show: rounds }, '*');
        }
      } else if (e.data === 'solved') {
        Object.assign(wrap.style, { visibility: 'hidden', top: '-10000px' });
        anchor.contentWindow.postMessage('pass', '*');
        document.querySelector('#g-recaptcha-response').value = 'token';
      }
    });
    return;
  }
  if (role === 'anchor') {
    const box = document.getElementById('recaptcha-anchor');
    box.addEventListener('click', () => {
      box.classList.add('recaptcha-checkbox-loading');
      parent.postMessage('checkbox-clicked', '*');
    });
    window.addEventListener('message', (e) => {
      if (e.data !== 'pass') return;
      box.classList.remove('recaptcha-checkbox-loading', 'recaptcha-checkbox-unchecked');
      box.classList.add('recaptcha-checkbox-checked');
      box.setAttribute('aria-checked', 'true');
      document.getElementById('recaptcha-token').value = 'token';
    });
    return;
  }
  // bframe: the challenge markup waits in a template until the host asks for it.
  let left = 0;
  window.addEventListener('message', (e) => {
    if (!e.data?.show) return;
    left = e.data.show;
    document.body.append(document.getElementById('challenge').content.cloneNode(true));
  });
  document.addEventListener('click', (e) => {
    const tile = e.target.closest('.rc-imageselect-tile');
    if (tile) tile.classList.toggle('rc-imageselect-tileselected');
    if (!e.target.closest('#recaptcha-verify-button')) return;
    left -= 1;
    if (left > 0) {
      for (const t of document.querySelectorAll('.rc-imageselect-tileselected'))
        t.classList.remove('rc-imageselect-tileselected');
      return;
    }
    document.getElementById('rc-imageselect')?.remove();
    parent.postMessage('solved', '*');
  });
})();
