// Emulates Arkose's game core frame as the detector assumes it (UNCONFIRMED: no saved frame exists). The start
// button shows the puzzle, the arrows turn the image, the submit button posts the answer to /fc/ca/ with the fields
// public solvers send (session_token, game_token, guess, …, form-encoded), then shows the next wave or the end.
// How many waves the session asks for is read from the frame's `waves` parameter (a test knob; the real frame
// learns it from the response). Injected by the e2e harness into the frame, never shipped.
(() => {
  const params = new URLSearchParams(location.search);
  const session = params.get('session') ?? '';
  const waves = Number(params.get('waves') ?? '1');
  const $ = (id) => document.getElementById(id);
  let index = 0;
  let wave = 0;
  document.addEventListener('click', (e) => {
    const el = e.target instanceof Element ? e.target : null;
    if (!el) return;
    if (el.closest('[data-theme="home.verifyButton"]')) {
      $('home').hidden = true;
      $('game').hidden = false;
    } else if (el.closest('a.right-arrow, a.left-arrow')) {
      e.preventDefault();
      index += el.closest('a.right-arrow') ? 1 : -1;
    } else if (el.closest('#game-submit')) {
      wave++;
      const body = new URLSearchParams({
        session_token: session,
        game_token: `71b2c3d4e5f6a7b8${wave}.0123456789`,
        sid: 'eu-west-1',
        guess: btoa(JSON.stringify({ index })),
        render_type: 'canvas',
        analytics_tier: '40',
        bio: btoa('{"mbio":"","tbio":"","kbio":""}'),
      });
      fetch('/fc/ca/', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' },
        body: body.toString(),
      })
        .then((r) => r.json())
        .then(() => {
          index = 0;
          if (wave < waves) return;
          $('game').hidden = true;
          $('done').hidden = false;
        });
    }
  });
})();
