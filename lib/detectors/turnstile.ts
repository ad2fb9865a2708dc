import { defineDetector } from './types';

// The widget's frame. Its path names the widget and site key: `…/turnstile/if/ov2/av0/rcv[0]/[0/]<widget>/<sitekey>/…`
// (2022–2025) or `…/turnstile/f/av0/rch/<widget>/<sitekey>/…` (2026). Site keys are `0x4AAAAAAA…` (test keys 1x…–3x…).
const FRAME = /\/cdn-cgi\/challenge-platform\/(?:[^/]+\/)*turnstile\/(?:if|f)\//;
const SITEKEY = /^[0-3]x[0-9A-Za-z_-]{10,}$/;

type WithClosedRoot = Element & { openOrClosedShadowRoot?: ShadowRoot | null };
type ChromeDom = { chrome?: { dom?: { openOrClosedShadowRoot?(el: Element): ShadowRoot | null } } };

/**
 * The shadow root of `el`, closed ones included: content scripts may read those through
 * `chrome.dom.openOrClosedShadowRoot` in Chrome (88+) and `element.openOrClosedShadowRoot` in Firefox.
 */
export function openOrClosedShadowRoot(el: Element): ShadowRoot | null {
  const chromeApi = (globalThis as ChromeDom).chrome?.dom?.openOrClosedShadowRoot;
  if (chromeApi) return chromeApi(el) ?? null;
  return (el as WithClosedRoot).openOrClosedShadowRoot ?? el.shadowRoot;
}

/** The widget id and site key the frame's path names. */
export function widgetOf(url: URL): { widget?: string; sitekey?: string } {
  const parts = url.pathname.split('/');
  const i = parts.findIndex((p) => SITEKEY.test(p));
  if (i < 0) return {};
  const before = parts[i - 1];
  // rcv0/0/<widget>/<sitekey>: the widget id is short letters; older paths had only a "0" there.
  return { sitekey: parts[i], widget: before && /^[a-z0-9]{4,8}$/.test(before) && before !== '0' ? before : undefined };
}

/** Whether one of the result panels inside the closed shadow root is on screen (Firefox's test of `#success`). */
function panelShown(doc: Document, id: 'success' | 'fail'): boolean {
  const root = doc.body && openOrClosedShadowRoot(doc.body);
  const panel = root?.querySelector<HTMLElement>(`#${id}`);
  return !!panel && panel.style.display !== 'none' && !panel.hidden;
}

export default defineDetector({
  id: 'turnstile',
  label: 'Turnstile',
  matches: ['https://challenges.cloudflare.com/cdn-cgi/challenge-platform/*'],
  allFrames: true,
  testUrls: [
    'https://challenges.cloudflare.com/cdn-cgi/challenge-platform/h/g/turnstile/if/ov2/av0/rcv/j7cqz/0x4AAAAAAAK3iakV3QAmUWAf/auto/fbE/new/normal/auto/',
  ],
  actions: {
    checkbox: { kind: 'captcha', detail: 'checkbox', slot: 'none' },
  },
  health: {
    pages: FRAME,
    // Both panels sit in the closed shadow root from load on, hidden: found only where the runtime also looks
    // inside `passRoot` (the hook proposed with this detector).
    controls: [
      '#success', // the result panel of 2023–2026 (Firefox's CAPTCHA telemetry reads it)
      '#fail', // its failure twin
    ],
  },
  captcha: {
    // One frame, the checkbox; Turnstile has no puzzle. Passes without interaction are not the user's labor and stay
    // uncounted: the runtime reports "passed" only after a trusted click or key press.
    // The public test keys (1x…, 2x…, 3x…: always pass, always fail, always ask) let any site draw a widget that
    // passes at each click, hidden under its own buttons: their widgets are not watched.
    frameRole: (url) => (FRAME.test(url.pathname) && !/^[1-3]x/.test(widgetOf(url).sitekey ?? '') ? 'checkbox' : null),
    widget: (url) => {
      const { widget, sitekey } = widgetOf(url);
      return widget ?? sitekey ?? '';
    },
    checkbox: [
      // The checkbox (label.cb-lb > input[type=checkbox]) is in the body's closed shadow root: a click on it reaches
      // listeners outside retargeted to the shadow host, the body.
      'body',
    ],
    isPassed: (doc) => panelShown(doc, 'success') && !panelShown(doc, 'fail'),
    // Where #success changes, for the runtime to watch after the click; the current runtime watches only the
    // checkbox's own attributes and does not read this yet (see the hook proposed with this detector).
    passRoot: (doc: Document) => (doc.body ? openOrClosedShadowRoot(doc.body) : null),
    isChallengeShown: () => false,
    // No puzzle: the check after the click takes seconds.
    armMs: 30_000,
    verify: [],
  },
});
