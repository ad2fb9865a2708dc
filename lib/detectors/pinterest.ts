import { formField, prop, str } from './dom';
import { definePage, withNetwork } from './types';

/**
 * The Pinterest sites counted, https only: the .com site and the country domains of its largest
 * markets where it serves the same web app (France, Germany, the United Kingdom, Canada). Pinterest
 * also answers on country subdomains of .com (pl., uk., seen in public scripts 2014–2024); they are
 * left out, as is every other country domain, so the extension asks for few hosts.
 */
const SITES = ['www.pinterest.com', 'www.pinterest.fr', 'www.pinterest.de', 'www.pinterest.co.uk', 'www.pinterest.ca'] as const;

/**
 * Saving a pin to a board (the "Save" button and the board picker): the web app posts
 * `/resource/RepinResource/create/` with the form fields `source_url` and `data`, a JSON string
 * `{"options":{"pin_id","board_id",…},"context":{}}`. Seen in bstoilov/py3-pinterest
 * `py3pin/Pinterest.py` `repin()` @03b5e49 (RepinResource/create since about 2015); in the option
 * names read from the web bundle in notes dated 2026-04-10 (search idx 54328622181); and in a
 * userscript's jQuery call (idx 36913981635). Not counted: `PinResource/create` (a new pin from an
 * image or a web address, py3pin `pin()`/`upload_pin()`: the person's own content, not the labelling
 * of a pin that exists, so not the same action).
 */
export function repin(body: unknown): { pin: string; board: string } | null {
  let data: unknown;
  try {
    data = JSON.parse(formField(body, 'data') ?? 'null');
  } catch {
    return null;
  }
  const options = prop(data, 'options');
  const id = (v: unknown) => (typeof v === 'number' ? String(v) : str(v));
  const pin = id(prop(options, 'pin_id'));
  const board = id(prop(options, 'board_id'));
  return pin && board && /^\d+$/.test(pin) && /^\d+$/.test(board) ? { pin, board } : null;
}

export const page = definePage({
  id: 'pinterest',
  label: 'Pinterest',
  matches: SITES.map((host) => `https://${host}/*`),
  testUrls: ['https://www.pinterest.com/pin/2040762326044567/', 'https://www.pinterest.fr/pin/2040762326044567/'],
  actions: {
    // Curation that labels content: the board a pin goes to names what the pin is ("recipes").
    save: { kind: 'tag', detail: 'save', slot: 'exclusive' },
  },
  // Known from public clients and notes only: no saved page shows the request.
  unconfirmed: ['save'],
  health: {
    // A pin's own page always shows its Save button.
    pages: /^\/pin\/\d+/,
    controls: [
      '[data-test-id="PinBetterSaveButton"]', // the pin page's Save button (Playwright test on pl.pinterest.com, idx 43033697504)
      '[data-test-id="closeup-save-button"]', // its wrapper in the closeup (iOS app's injected script, idx 70961055994, 2026)
    ],
  },
  requests: {},
});

export default /* @__PURE__ */ withNetwork(page, () => [
  {
    urls: SITES.map((host) => `https://${host}/resource/RepinResource/create/*`),
    match({ url, body }) {
      if (url.pathname !== '/resource/RepinResource/create/') return null;
      const saved = repin(body);
      // One pin saved to one board: saving it to another board labels it again.
      return saved ? { action: 'save', op: 'add', target: `${saved.pin}:${saved.board}` } : null;
    },
  },
]);
