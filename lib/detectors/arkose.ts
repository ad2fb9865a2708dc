import { formField } from './dom';
import { definePage, endpoints, withNetwork } from './types';

/*
 * Arkose Labs' FunCaptcha. Its puzzle runs in the "game core" frame, served from client-api.arkoselabs.com or a
 * customer's own subdomain (roblox-api., blizzard-api.), inside the enforcement frame or straight in the host page.
 *
 * What the extension can see of a solve is the answer the frame posts: POST `/fc/ca/`, form-encoded, with the
 * session's `session_token`, the `game_token` and the encrypted `guess` (Firefox's CAPTCHA telemetry,
 * mozilla/gecko-dev toolkit/components/captchadetection/CaptchaDetectionParent.sys.mjs, observes this URL;
 * the same fields in unofficial solvers: a Python Roblox client, a Rust and a Go client, 2023–2025, idx 24064633905,
 * 12937264670, 7946142584). Whether the answer was right is only in the response (`solved` true/false, `null` for
 * another wave), which extensions cannot read. So this counts one puzzle per Arkose session in which the person
 * answered, after a trusted gesture in Arkose's frame: an answer that turns out wrong counts too, and the waves of
 * one session are one event (the session token is the target). UNCONFIRMED: no saved page or recorded request.
 *
 * The event's host is the page that embeds the frame (the gesture's tab), as for the other CAPTCHAs; the frame's
 * own origin decides which requests the gesture vouches for.
 */

/** Arkose's session token (`<hex>.<digits>`, e.g. `64018386bcd5ac3a3.3916971801` in a public note of 2025). */
const SESSION = /^[0-9a-f]{8,40}\.[0-9]{4,16}$/;

export const page = definePage({
  id: 'arkose',
  label: 'Arkose Labs',
  matches: [
    // The game core frame: /fc/assets/ec-game-core/game-core/<version>/standard/index.html (1.12 to 1.29 in public
    // code, 2022–2026), on client-api. and on customers' subdomains (roblox-api., blizzard-api. in public scripts).
    'https://*.arkoselabs.com/fc/assets/ec-game-core/*',
  ],
  allFrames: true,
  testUrls: ['https://client-api.arkoselabs.com/fc/assets/ec-game-core/game-core/1.27.4/standard/index.html'],
  actions: {
    challenge: { kind: 'captcha', detail: 'challenge', slot: 'per-detail' },
  },
  // Request only, known from public code (above): no saved page of the frame nor a recorded request.
  unconfirmed: ['challenge'],
  requests: {},
  health: {
    pages: /^\/fc\/assets\/ec-game-core\/game-core\/[^/]+\/[^/]+\/index\.html/,
    controls: [
      // The start screen's button ("Start puzzle", "Verify"), by its theme key, in public automation scripts and a
      // solver extension (2023–2025; idx 32549003068, 21966282694, 13610332906, 33300905773).
      'button[data-theme="home.verifyButton"]',
      // The start screen's heading, by its theme key (a public note describing the frame, 2025; idx 21677474997).
      '[data-theme="home.title"]',
    ],
  },
});

export default /* @__PURE__ */ withNetwork(page, () => [
  {
    // The answer endpoint: client-api. in Firefox's telemetry and most solvers, roblox-api. in a Roblox client (2023–2025).
    urls: endpoints('https://*.arkoselabs.com/fc/ca/'),
    match({ body }) {
      const session = formField(body, 'session_token');
      if (!session || !SESSION.test(session) || !formField(body, 'game_token') || !formField(body, 'guess')) return null;
      return { action: 'challenge', op: 'add', target: session };
    },
  },
]);
