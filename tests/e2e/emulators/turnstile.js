// Emulates Cloudflare Turnstile's widget script in its frame: it attaches the widget in a CLOSED
// shadow root on the body (as the real script does; only it keeps the root), and after a click on
// the checkbox shows #verifying, then #success (or #fail when the frame's hash says `fail`), by
// their inline display, as the 2023–2026 widget does. Injected by the e2e harness, never shipped.
(() => {
  const tpl = document.getElementById('turnstile-widget');
  if (!tpl) return;
  const root = document.body.attachShadow({ mode: 'closed' });
  root.append(tpl.content.cloneNode(true));
  const show = (id, on) => {
    const el = root.getElementById(id);
    if (el) el.style.display = on ? 'block' : 'none';
  };
  root.querySelector('input[type="checkbox"]')?.addEventListener('click', () => {
    show('challenge-stage', false);
    show('verifying', true);
    setTimeout(() => {
      show('verifying', false);
      show(location.hash === '#fail' ? 'fail' : 'success', true);
    }, 300);
  });
})();
