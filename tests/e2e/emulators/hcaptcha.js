// Emulates hCaptcha in its frames and the host page's api.js. One frame document serves both roles, rendered from the
// hash (#frame=checkbox|challenge&id=…&hl=…) as hCaptcha's own script does. The checkbox asks the host; the host passes
// it at once or opens the challenge frame, which wants ROUNDS submitted pages (host hash: #challenge=ROUNDS).
// Injected by the e2e harness into the host capture and the frame document; never shipped.
(() => {
  const params = new URLSearchParams(location.hash.slice(1));
  const frame = location.hostname.endsWith('hcaptcha.com') ? params.get('frame') : 'host';
  const id = params.get('id');

  if (frame === 'host') {
    const rounds = Number(params.get('challenge') ?? 0);
    const iframe = (role, widget) =>
      [...document.querySelectorAll('iframe')].find((f) => f.src.includes(`frame=${role}&id=${widget}&`));
    window.addEventListener('message', (e) => {
      const { hc, widget } = e.data ?? {};
      if (hc === 'clicked') {
        if (!rounds) iframe('checkbox', widget).contentWindow.postMessage({ hc: 'pass' }, '*');
        else {
          // The challenge frame's wrapper, parked off screen until now, is brought over the page.
          Object.assign(iframe('challenge', widget).parentElement.parentElement.style, {
            left: '10px',
            top: '10px',
            zIndex: '2147483647',
            opacity: '1',
            visibility: 'visible',
          });
          iframe('challenge', widget).contentWindow.postMessage({ hc: 'show', rounds }, '*');
        }
      } else if (hc === 'solved') {
        Object.assign(iframe('challenge', widget).parentElement.parentElement.style, {
          left: '-10000px',
          top: '-10000px',
          opacity: '0',
          visibility: 'hidden',
        });
        iframe('checkbox', widget).contentWindow.postMessage({ hc: 'pass' }, '*');
        document.getElementById(`h-captcha-response-${widget}`).value = 'P1_token';
      }
    });
    return;
  }

  // Read before the body is redrawn: the templates live in it.
  const templates = Object.fromEntries([...document.querySelectorAll('template')].map((t) => [t.id, t.content]));
  const template = (name) => templates[name].cloneNode(true);

  if (frame === 'checkbox') {
    document.body.append(template(params.get('hl') === 'fr' ? 'tpl-checkbox-fr' : 'tpl-checkbox'));
    const box = document.getElementById('checkbox');
    const pulse = document.querySelector('.pulse');
    const open = () => {
      if (box.getAttribute('aria-checked') === 'true') return;
      box.style.display = 'none';
      pulse.style.display = 'block';
      parent.postMessage({ hc: 'clicked', widget: id }, '*');
    };
    box.addEventListener('click', open);
    box.addEventListener('keydown', (e) => {
      if (e.key === ' ' || e.key === 'Enter') open();
    });
    window.addEventListener('message', (e) => {
      if (e.data?.hc !== 'pass') return;
      pulse.style.display = 'none';
      box.style.display = 'block';
      document.querySelector('.check').style.display = 'block';
      box.setAttribute('aria-checked', 'true');
    });
    return;
  }

  // Challenge frame: hidden until the host asks; then the body is unhidden and the task drawn, once per page.
  document.body.setAttribute('aria-hidden', 'true');
  let left = 0;
  const draw = () => {
    document.body.replaceChildren(template('tpl-challenge'));
  };
  window.addEventListener('message', (e) => {
    if (e.data?.hc !== 'show') return;
    left = e.data.rounds;
    document.body.setAttribute('aria-hidden', 'false');
    draw();
  });
  document.addEventListener('click', (e) => {
    const tile = e.target.closest('.task-image');
    if (tile) tile.setAttribute('aria-pressed', String(tile.getAttribute('aria-pressed') !== 'true'));
    if (!e.target.closest('.button-submit')) return;
    left -= 1;
    if (left > 0) return draw();
    document.body.setAttribute('aria-hidden', 'true');
    document.body.replaceChildren();
    parent.postMessage({ hc: 'solved', widget: id }, '*');
  });
})();
