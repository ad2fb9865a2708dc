// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { networkFilters, parseBody } from '@/lib/background/network';
import { queryFirst } from '@/lib/detectors/dom';
import pinterest, { repin } from '@/lib/detectors/pinterest';
import { matchesAny } from '@/lib/match-pattern';
import { PLATFORM_BENEFICIARY } from '@/lib/taxonomy';
import { fixture, loadPage, matchAny } from './helpers';

const PIN = 'https://www.pinterest.com/pin/2040762326044567/';
const PIN_FR = 'https://www.pinterest.fr/pin/2040762326044567/';

/** The form the web app posts (py3-pinterest's repin()), as the browser hands it over. */
const form = (options: Record<string, unknown>) => ({
  source_url: ['/pin/2040762326044567/'],
  data: [JSON.stringify({ options, context: {} })],
});
const request = (url: string, body: unknown, method = 'POST') =>
  matchAny([pinterest], { url, method, tabId: 1, timeStamp: 0, requestBody: { formData: body as Record<string, string[]> } });
const SAVE = { board_id: '549755885175', pin_id: '2040762326044567', section: null, is_buyable_pin: false };

describe('pinterest detector', () => {
  it('is the Pinterest platform, on the chosen https sites only', () => {
    expect(PLATFORM_BENEFICIARY.pinterest).toBe('pinterest');
    for (const u of [PIN, PIN_FR, 'https://www.pinterest.de/', 'https://www.pinterest.co.uk/', 'https://www.pinterest.ca/'])
      expect(matchesAny(pinterest.matches, u), u).toBe(true);
    for (const u of [
      'http://www.pinterest.com/',
      'https://pl.pinterest.com/',
      'https://www.pinterest.com.evil.example/',
      'https://api.pinterest.com/v3/pins/',
    ])
      expect(matchesAny(pinterest.matches, u), u).toBe(false);
  });

  it('counts a save of a pin to a board from its request, as tag/save, on each site', () => {
    for (const host of ['www.pinterest.com', 'www.pinterest.fr', 'www.pinterest.co.uk']) {
      const hit = request(`https://${host}/resource/RepinResource/create/`, form(SAVE));
      expect(hit?.match).toEqual({ action: 'save', op: 'add', target: '2040762326044567:549755885175' });
      expect(hit?.match.action === 'save' && pinterest.actions.save).toEqual({ kind: 'tag', detail: 'save', slot: 'exclusive' });
    }
  });

  it('reads the form whether the browser parsed it or handed over raw bytes', () => {
    const text = new URLSearchParams({ source_url: '/pin/1/', data: JSON.stringify({ options: SAVE, context: {} }) }).toString();
    const raw = parseBody({ raw: [{ bytes: new TextEncoder().encode(text).buffer as ArrayBuffer }] });
    expect(repin(raw)).toEqual({ pin: '2040762326044567', board: '549755885175' });
    expect(repin(form({ ...SAVE, pin_id: 2040762326044567, board_id: 549755885175 }))).toEqual({
      pin: '2040762326044567',
      board: '549755885175',
    });
  });

  it('counts nothing for other resources, other methods, other hosts, or a malformed body', () => {
    expect(request('https://www.pinterest.com/resource/PinResource/create/', form({ board_id: '5', image_url: 'x' }))).toBeNull();
    expect(request('https://www.pinterest.com/resource/PinLikeResource/create/', form({ pin_id: '1' }))).toBeNull();
    expect(request('https://www.pinterest.com/resource/RepinResource/create/', form(SAVE), 'GET')).toBeNull();
    expect(request('https://pl.pinterest.com/resource/RepinResource/create/', form(SAVE))).toBeNull();
    expect(request('https://www.pinterest.com/resource/RepinResource/create/', { data: ['{not json'] })).toBeNull();
    expect(request('https://www.pinterest.com/resource/RepinResource/create/', form({ pin_id: '1' }))).toBeNull();
    expect(
      request('https://www.pinterest.com/resource/RepinResource/create/', form({ pin_id: '<x>', board_id: '2' })),
    ).toBeNull();
    expect(request('https://www.pinterest.com/resource/RepinResource/create/', undefined)).toBeNull();
  });

  it('filters only the save request on the chosen sites', () => {
    const filters = networkFilters([pinterest]);
    expect(filters).toHaveLength(5);
    for (const f of filters) expect(f).toMatch(/^https:\/\/www\.pinterest\.[a-z.]+\/resource\/RepinResource\/create\/\*$/);
  });

  for (const [file, url] of [
    ['pin.html', PIN],
    ['pin.fr.html', PIN_FR],
  ] as const) {
    it(`finds the Save button for the health check on a pin page, in ${file}`, () => {
      const doc = loadPage(fixture(`pinterest/${file}`), url);
      expect(pinterest.health.pages.test(new URL(url).pathname)).toBe(true);
      expect(queryFirst(doc, pinterest.health.controls)?.getAttribute('data-test-id')).toBe('PinBetterSaveButton');
    });
  }
});
