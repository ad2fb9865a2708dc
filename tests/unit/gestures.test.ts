import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  budgetKey,
  fromOwnPage,
  GESTURE_GRACE_MS,
  GESTURE_MESSAGE_WAIT_MS,
  GESTURE_WINDOW_MS,
  gestureFrom,
  type RequestFacts,
  requestFacts,
  vouches,
} from '@/lib/background/attribution';
import { GestureBook, MAX_WAITING } from '@/lib/background/gestures';
import { ClickworkDB, type GestureRow } from '@/lib/db/schema';
import facebook from '@/lib/detectors/facebook';
import recaptcha from '@/lib/detectors/recaptcha';

const T = 1_800_000_000_000;
const FB = 'https://www.facebook.com/';
const gesture = (over: Partial<GestureRow> = {}): GestureRow => ({
  ...(gestureFrom({ url: FB, frameId: 0, documentId: 'd1', tab: { id: 3 } }, 'facebook', T) as GestureRow),
  ...over,
});
const facts = (over: Partial<RequestFacts> = {}): RequestFacts => ({
  tabId: 3,
  frameId: 0,
  documentId: 'd1',
  requester: 'https://www.facebook.com',
  ts: T + 50,
  ...over,
});

describe('attribution rules', () => {
  it('reads a request’s sender from Chrome’s and Firefox’s details, and refuses requests from no tab or document', () => {
    const base = { url: `${FB}api/graphql/`, method: 'POST', timeStamp: T };
    expect(requestFacts({ ...base, tabId: 3, frameId: 0, documentId: 'd1', initiator: 'https://www.facebook.com' })).toEqual(
      facts({ ts: T }),
    );
    expect(requestFacts({ ...base, tabId: 3, frameId: 2, documentUrl: `${FB}x` })).toMatchObject({
      frameId: 2,
      requester: `${FB}x`,
    });
    expect(requestFacts({ ...base, tabId: -1, frameId: 0, initiator: 'https://www.facebook.com' })).toBeNull();
    expect(requestFacts({ ...base, tabId: 3, frameId: 0 })).toBeNull();
  });

  it('takes requests only from the platform’s own top-level page (frames only for detectors that run in frames)', () => {
    expect(fromOwnPage(facebook, facts())).toBe(true);
    expect(fromOwnPage(facebook, facts({ frameId: 4 }))).toBe(false);
    expect(fromOwnPage(facebook, facts({ requester: 'https://www.reddit.com' }))).toBe(false);
    expect(fromOwnPage(recaptcha, facts({ frameId: 4, requester: 'https://www.google.com/recaptcha/api2/anchor?k=1' }))).toBe(
      true,
    );
  });

  it('names the top page as the host of a gesture in a provider frame, and keeps the frame as its origin', () => {
    // A CAPTCHA frame's gesture vouches for the frame's own requests, but the work was done for the site that embeds it.
    const frame = 'https://client-api.arkoselabs.com/fc/assets/ec-game-core/game-core/1.27.4/standard/index.html';
    const g = gestureFrom({ url: frame, frameId: 5, tab: { id: 3, url: 'https://signup.example.org/join' } }, 'arkose', T);
    expect(g).toMatchObject({ host: 'signup.example.org', origin: 'https://client-api.arkoselabs.com', frameId: 5 });
    // Without the tab's address the frame's host is all there is; the top frame keeps its own.
    expect(gestureFrom({ url: frame, frameId: 5, tab: { id: 3 } }, 'arkose', T)?.host).toBe('client-api.arkoselabs.com');
    expect(gesture().host).toBe('www.facebook.com');
  });

  it('lets a gesture vouch within its window, in its own document only', () => {
    const g = gesture();
    expect(g).toMatchObject({ key: '3|0|facebook', host: 'www.facebook.com', origin: 'https://www.facebook.com', used: [] });
    expect(vouches(g, facts())).toBe(true);
    expect(vouches(g, facts({ ts: T + GESTURE_WINDOW_MS + 1 }))).toBe(false);
    expect(vouches(g, facts({ ts: T - GESTURE_GRACE_MS - 1 }))).toBe(false);
    expect(vouches(g, facts({ documentId: 'd2' }))).toBe(false);
    // Firefox: no document ids, the document's origin instead.
    const { documentId: _, ...firefox } = g;
    expect(vouches(firefox, facts({ documentId: undefined, requester: `${FB}groups/1` }))).toBe(true);
    expect(vouches(firefox, facts({ documentId: undefined, requester: 'https://web.facebook.com/' }))).toBe(false);
    expect(budgetKey('like', 'add')).not.toBe(budgetKey('like', 'undo'));
  });

  it('judges a folded message by its first click too: a request caused by the first of clicks spread by a busy page', () => {
    const sender = { url: `${FB}groups/1`, tab: { id: 3 }, frameId: 0, documentId: 'd1' };
    // Two clicks, the first 50 ms after the request, the last 900 ms after it (the page held the message back).
    const folded = gestureFrom(sender, 'facebook', T + 900, false, 2, T + 50) as GestureRow;
    expect(folded.from).toBe(T + 50);
    expect(vouches(folded, facts({ ts: T }))).toBe(true);
    const { from: _first, ...lastOnly } = folded;
    expect(vouches(lastOnly, facts({ ts: T }))).toBe(false);
    // Still no click more than the grace after the request, nor a request more than the window after the last click.
    expect(vouches(folded, facts({ ts: T + 50 - GESTURE_GRACE_MS - 1 }))).toBe(false);
    expect(vouches(folded, facts({ ts: T + 900 + GESTURE_WINDOW_MS + 1 }))).toBe(false);
    // A message standing for one click has no first-click time.
    expect(gestureFrom(sender, 'facebook', T + 900, false, 1, T + 50)?.from).toBeUndefined();
  });
});

describe('GestureBook', () => {
  let db: ClickworkDB;
  let n = 0;
  beforeEach(() => {
    db = new ClickworkDB(`gestures-${++n}`);
  });
  afterEach(async () => {
    await db.delete();
  });

  it('finds the gesture of a request, waits briefly for one whose message comes after the request, and spends each budget once', async () => {
    const book = new GestureBook(db);
    const now = Date.now();
    const later = book.find('facebook', facts({ ts: now }));
    book.note(gesture({ ts: now + 10 }));
    const g = (await later) as GestureRow;
    expect(g?.ts).toBe(now + 10);
    expect(book.spend(g, 'like|add')).toBe(true);
    expect(book.spend(g, 'like|add')).toBe(false);
    expect(book.spend(g, 'comment|add')).toBe(true);
    // A Facebook gesture vouches for no other platform's request in the same tab and frame.
    expect(await book.find('youtube', facts({ ts: now }))).toBeNull();
  });

  it('waits for a gesture message a busy page held back, judged by the click time, not the arrival', async () => {
    const book = new GestureBook(db);
    const now = Date.now();
    // A folded message (clicks within 150 ms) is sent by a timer that a page's long task held back 1.2 s.
    const late = book.find('facebook', facts({ ts: now }));
    await new Promise((r) => setTimeout(r, 1_200));
    book.note(gesture({ ts: now - 30 }));
    expect(await late).toMatchObject({ ts: now - 30 });
    // A click made well after the request (beyond the grace) does not vouch for it, however soon its message comes.
    const other = new GestureBook(db);
    const notCaused = other.find('facebook', facts({ ts: now }));
    other.note(gesture({ ts: now + GESTURE_GRACE_MS + 1 }));
    expect(await notCaused).toBeNull();
  });

  it('keeps at most MAX_WAITING requests of one page waiting, giving up the oldest first', async () => {
    const book = new GestureBook(db);
    const now = Date.now();
    const waits = Array.from({ length: MAX_WAITING + 1 }, (_, i) => book.find('facebook', facts({ ts: now + i })));
    // The first is given up at once; the others still wait, and the gesture's message wakes them.
    expect(await Promise.race([waits[0], new Promise((r) => setTimeout(() => r('waiting'), 300))])).toBeNull();
    expect(await Promise.race([waits[1], new Promise((r) => setTimeout(() => r('waiting'), 100))])).toBe('waiting');
    book.note(gesture({ ts: now + 10 }));
    const found = await Promise.all(waits.slice(1));
    expect(found.every((g) => g?.ts === now + 10)).toBe(true);
    // Another page's requests are not affected.
    expect(await book.find('youtube', facts({ ts: now }))).toBeNull();
  });

  it('gives up once the message wait is over, and reads the gestures a stopped worker wrote', async () => {
    const start = Date.now();
    expect(await new GestureBook(db).find('facebook', facts({ ts: start }))).toBeNull();
    expect(Date.now() - start).toBeGreaterThanOrEqual(GESTURE_MESSAGE_WAIT_MS - 5);
    await db.gestures.put(gesture({ ts: Date.now() }));
    expect(await new GestureBook(db).find('facebook', facts({ ts: Date.now() }))).toMatchObject({ key: '3|0|facebook' });
  });
});
