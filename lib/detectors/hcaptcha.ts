import { defineDetector } from './types';

// The widget's frames: one document (hcaptcha.html) whose role is named in the URL hash, which
// match patterns ignore; so the pattern takes the whole static folder and frameRole reads the hash.
const FRAME_PATH = /^\/captcha\/v1\/[^/]+\/static\/hcaptcha\.html$/;

/** The parameters hCaptcha puts in the frame's hash (`#frame=checkbox&id=…&sitekey=…`). */
export function hashParams(url: URL): URLSearchParams {
  return new URLSearchParams(url.hash.slice(1));
}

/** The puzzle is on screen: the frame's body is no longer hidden and a task is rendered in it. */
function challengeShown(doc: Document): boolean {
  if (!doc.body || doc.body.getAttribute('aria-hidden') === 'true') return false;
  return (
    doc.querySelector(
      [
        '.challenge-container .task-grid', // image grid of "click each image containing…" (2020 onwards)
        '.challenge-container .task-image', // its tiles, if the grid wrapper is renamed
        '.challenge-container canvas', // area-select and drag tasks, drawn on a canvas (2023 onwards)
      ].join(','),
    ) !== null
  );
}

export default defineDetector({
  id: 'hcaptcha',
  label: 'hCaptcha',
  matches: [
    'https://newassets.hcaptcha.com/captcha/v1/*', // frames since 2021
    'https://assets.hcaptcha.com/captcha/v1/*', // the same frames before the host moved
  ],
  allFrames: true,
  testUrls: [
    'https://newassets.hcaptcha.com/captcha/v1/0/static/hcaptcha.html#frame=checkbox&sitekey=10000000-ffff-ffff-ffff-000000000001',
  ],
  actions: {
    checkbox: { kind: 'captcha', detail: 'checkbox', slot: 'none' },
    challenge: { kind: 'captcha', detail: 'challenge', slot: 'none' },
  },
  health: {
    // Both frames load the same page; only the checkbox frame is sure to hold a control at load.
    pages: /^\/captcha\/v1\/[^/]+\/static\/hcaptcha\.html$/,
    controls: [
      '#checkbox', // the checkbox frame's checkbox
      '.challenge-container', // the challenge frame once a task was fetched
      'body[aria-hidden]', // the challenge frame while it waits hidden for a task
    ],
  },
  captcha: {
    frameRole(url) {
      if (!FRAME_PATH.test(url.pathname)) return null;
      const params = hashParams(url);
      // The public test keys (10000000-ffff-ffff-ffff-000000000001 and its two siblings) pass on any site: a site
      // could hide such a widget under its own buttons. Their frames are not watched.
      if (/^[1-3]0000000-ffff-ffff-ffff-0{11}[1-3]$/i.test(params.get('sitekey') ?? '')) return null;
      const frame = params.get('frame');
      if (frame === 'checkbox') return 'checkbox';
      // The invisible variant has no checkbox, so nothing would ever report it passed: not counted yet.
      if (frame === 'challenge') return params.get('size') === 'invisible' ? null : 'challenge';
      return null;
    },
    // Both frames of one widget carry the same widget id; the site key is shared by every widget of a page.
    widget: (url) => hashParams(url).get('id') ?? hashParams(url).get('sitekey') ?? '',
    checkbox: [
      '#checkbox', // div[role=checkbox] with aria-checked, unchanged since 2019 (Firefox's CAPTCHA telemetry reads it)
      '#anchor-state', // its box with the spinner and check mark drawn over it while checking
    ],
    isPassed: (doc) => doc.querySelector('#checkbox')?.getAttribute('aria-checked') === 'true',
    isChallengeShown: challengeShown,
    verify: [
      '.button-submit', // "Verify" / "Next" / "Skip" under the task, one submit per page of tiles
    ],
  },
});
