import { defineDetector } from './types';

// Provider frames: api2 (free) and enterprise, on google.com and recaptcha.net.
const FRAME = /^\/recaptcha\/(?:api2|enterprise)\/(anchor|bframe)$/;
/** reCAPTCHA's published test site key. */
const TEST_KEY = '6LeIxAcTAAAAAJcZVRqyHh71UMIEGNQ_MXjiZKhI';

export default defineDetector({
  id: 'recaptcha',
  label: 'reCAPTCHA',
  matches: [
    'https://www.google.com/recaptcha/api2/*',
    'https://www.google.com/recaptcha/enterprise/*',
    'https://www.recaptcha.net/recaptcha/api2/*',
    'https://www.recaptcha.net/recaptcha/enterprise/*',
  ],
  allFrames: true,
  testUrls: ['https://www.google.com/recaptcha/api2/demo'],
  actions: {
    checkbox: { kind: 'captcha', detail: 'checkbox', slot: 'none' },
    challenge: { kind: 'captcha', detail: 'challenge', slot: 'none' },
  },
  health: {
    // The checkbox frame of the visible widget.
    pages: /^\/recaptcha\/(api2|enterprise)\/anchor\?(?!.*size=invisible)/,
    controls: ['#recaptcha-anchor', '.recaptcha-checkbox'],
  },
  captcha: {
    frameRole(url) {
      const m = FRAME.exec(url.pathname);
      // The public test key (no CAPTCHA, every check passes, on any site): a site could hide its widget under
      // its own buttons. Not watched.
      if (!m || url.searchParams.get('k') === TEST_KEY) return null;
      if (m[1] === 'bframe') return 'challenge';
      // The invisible variant has no checkbox to click; its challenges are not counted yet.
      return url.searchParams.get('size') === 'invisible' ? null : 'checkbox';
    },
    widget: (url) => url.searchParams.get('k') ?? '',
    checkbox: [
      '#recaptcha-anchor', // the checkbox span, unchanged from 2018 to 2025
      '.recaptcha-checkbox', // its class, if the id goes
    ],
    isPassed: (doc) => doc.querySelector('#recaptcha-anchor, .recaptcha-checkbox')?.getAttribute('aria-checked') === 'true',
    isChallengeShown: (doc) =>
      doc.querySelector(
        [
          '#rc-imageselect', // image grid challenge
          '.rc-audiochallenge', // audio alternative
        ].join(','),
      ) !== null,
    verify: ['#recaptcha-verify-button'],
  },
});
