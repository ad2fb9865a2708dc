// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Collector, type MessageSender } from '@/lib/background/collector';
import { filtersOf, networkFilters, type RequestDetails } from '@/lib/background/network';
import { runDetector } from '@/lib/content/runtime';
import { ClickworkDB } from '@/lib/db/schema';
import { reviewForm } from '@/lib/detectors/goodreads';
import { DETECTORS } from '@/lib/detectors/registry';
import type { ContentMessage } from '@/lib/messages';
import { parseMessage } from '@/lib/messages';
import { realPages } from '../real-pages';
import { fakeHost, loadPage, tick, trustedClick } from './helpers';

/** Issue 11, item 4: forms that submit as a page load, counted only after a trusted submit. */

const EXT = 'abcdefghijklmnop';
const EDIT = 'https://www.goodreads.com/review/edit/12813630';
const UPDATE = 'https://www.goodreads.com/review/update/12813630';
const SIGNED_IN = 'goodreads_book_signedin_rated_2021-01.html';
const real = realPages(SIGNED_IN);

let db: ClickworkDB;
let n = 0;
beforeEach(() => {
  db = new ClickworkDB(`form-submit-${++n}`);
  vi.spyOn(console, 'debug').mockImplementation(() => {});
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(async () => {
  await db.delete();
});

const sender = (url = EDIT): MessageSender =>
  ({ id: EXT, url, frameId: 0, documentId: 'doc-1', tab: { id: 3, url, incognito: false } }) as MessageSender;

/** The top frame's POST page load of a classic form, as Chrome reports it (origin only, form fields parsed). */
const pageLoad = (url: string, fields: Record<string, string[]>, over: Partial<RequestDetails> = {}): RequestDetails => ({
  url,
  method: 'POST',
  type: 'main_frame',
  tabId: 3,
  frameId: 0,
  initiator: 'https://www.goodreads.com',
  timeStamp: Date.now(),
  requestBody: { formData: fields },
  ...over,
});
const REVIEW = { 'review[review]': ['A slow start, then it would not let me go.'], 'review[rating]': ['4'], next: ['Save'] };
const req = (url: string, fields: Record<string, string[]>) => ({ url: new URL(url), method: 'POST', body: fields });

describe('the review form of Goodreads, by path and field names', () => {
  it('counts a non-blank review posted under /review/<verb>/<id>, and a deletion as its undo', () => {
    expect(reviewForm(req(UPDATE, REVIEW))).toEqual({ action: 'review', op: 'add', target: 'book/12813630' });
    expect(reviewForm(req(UPDATE, { 'review[review]': ['  \n'], 'review[rating]': ['4'] }))).toBeNull();
    expect(reviewForm(req(UPDATE, { 'review[rating]': ['4'] }))).toBeNull();
    expect(reviewForm(req('https://www.goodreads.com/review/destroy/12813630-the-coldest-girl-in-coldtown', {}))).toEqual({
      action: 'review',
      op: 'undo',
      target: 'book/12813630',
    });
    expect(reviewForm(req('https://www.goodreads.com/review/list/1', REVIEW))).toBeNull();
    expect(reviewForm(req('https://www.goodreads.com/shelf/add_to_shelf', REVIEW))).toBeNull();
  });

  it.skipIf(real.skip)('matches the deletion form of the real signed-in book page (2021-01)', () => {
    const doc = loadPage(
      real.read(SIGNED_IN).replace(/<script\b[\s\S]*?<\/script>/g, ''),
      'https://www.goodreads.com/book/show/12813630',
    );
    const form = doc.querySelector('form[action^="/review/destroy/"]') as HTMLFormElement;
    expect(form.getAttribute('method')).toBe('post');
    const url = new URL(form.getAttribute('action') as string, 'https://www.goodreads.com');
    expect(reviewForm(req(url.href, {}))).toMatchObject({ op: 'undo', target: 'book/12813630' });
    // The page's own edit link names the same book id.
    expect(doc.querySelector('a[href="/review/edit/12813630"]')).not.toBeNull();
  });

  it('listens to page loads only where a navigation rule asks for them, and keeps them out of the request listener', () => {
    expect(filtersOf(DETECTORS, true)).toEqual(['https://www.goodreads.com/review/*']);
    expect(filtersOf(DETECTORS, false)).not.toContain('https://www.goodreads.com/review/*');
    expect(networkFilters(DETECTORS)).toContain('https://www.goodreads.com/review/*');
  });
});

describe('page loads in the intake', () => {
  const submit = (c: Collector, s = sender()) =>
    c.receive({ type: 'gesture', platform: 'goodreads', ts: Date.now(), submit: true }, s);
  const click = (c: Collector, s = sender()) => c.receive({ type: 'gesture', platform: 'goodreads', ts: Date.now() }, s);

  it('counts the POST page load after a trusted submit on the platform’s page', async () => {
    const c = new Collector(db, EXT);
    submit(c);
    await c.flush();
    expect(c.seeRequest(pageLoad(UPDATE, REVIEW), DETECTORS)).toBe(true);
    await c.flush();
    expect(await db.events.toArray()).toMatchObject([
      { platform: 'goodreads', kind: 'review', detail: 'review', signal: 'network', host: 'www.goodreads.com' },
    ]);
  });

  it('counts nothing after a mere click or key press: only a submit vouches for a page load', async () => {
    const c = new Collector(db, EXT);
    click(c);
    await c.flush();
    c.seeRequest(pageLoad(UPDATE, REVIEW), DETECTORS);
    await c.flush();
    expect(await db.events.count()).toBe(0);
  });

  it('counts nothing without a submit, from another site, or as a page’s own request', async () => {
    const c = new Collector(db, EXT);
    c.seeRequest(pageLoad(UPDATE, REVIEW), DETECTORS); // no submit at all (it waits 2 s for one)
    await c.flush();
    expect(await db.events.count()).toBe(0);
    submit(c);
    await c.flush();
    // The same form posted from another site's page (a cross-site form) …
    expect(c.seeRequest(pageLoad(UPDATE, REVIEW, { initiator: 'https://evil.example' }), DETECTORS)).toBe(false);
    // … or the same address fetched by the page's script: a navigation rule reads page loads only.
    expect(c.seeRequest(pageLoad(UPDATE, REVIEW, { type: 'xmlhttprequest' }), DETECTORS)).toBe(false);
    await c.flush();
    expect(await db.events.count()).toBe(0);
  });

  it('lets one submit count one page load; a second needs its own submit', async () => {
    const c = new Collector(db, EXT);
    submit(c);
    await c.flush();
    c.seeRequest(pageLoad(UPDATE, REVIEW), DETECTORS);
    c.seeRequest(pageLoad('https://www.goodreads.com/review/update/99', REVIEW), DETECTORS);
    await c.flush();
    expect(await db.events.count()).toBe(1);
  });

  it('nets out a deletion posted by the destroy form', async () => {
    const c = new Collector(db, EXT);
    submit(c);
    await c.flush();
    c.seeRequest(pageLoad(UPDATE, REVIEW), DETECTORS);
    await c.flush();
    await tick(160);
    submit(c, sender('https://www.goodreads.com/book/show/12813630'));
    await c.flush();
    c.seeRequest(pageLoad('https://www.goodreads.com/review/destroy/12813630-x', { _method: ['delete'] }), DETECTORS);
    await c.flush();
    const [ev] = await db.events.toArray();
    expect(ev?.undoneAt).toBeDefined();
  });

  it('refuses a submit flag that is not `true`', () => {
    expect(parseMessage({ type: 'gesture', platform: 'goodreads', ts: Date.now(), submit: 'yes' }).ok).toBe(false);
    expect(parseMessage({ type: 'gesture', platform: 'goodreads', ts: Date.now(), submit: true })).toMatchObject({
      ok: true,
      value: { submit: true },
    });
  });
});

describe('the content script reports trusted submits of POST forms', () => {
  const page = `<form method="post" action="/review/update/12813630"><textarea name="review[review]">x</textarea>
    <input type="submit" name="next" value="Save"></form><form method="get" action="/search"><input name="q"></form>`;
  /** A submit event as the browser fires it; `submitter` is the button that submitted (null: none, as requestSubmit()). */
  const fire = (form: Element, trusted: boolean, submitter: Element | null = null) => {
    const e = new Event('submit', { bubbles: true, cancelable: true });
    if (trusted) Object.defineProperty(e, 'isTrusted', { value: true });
    Object.defineProperty(e, 'submitter', { value: submitter });
    form.addEventListener('submit', (ev) => ev.preventDefault(), { once: true });
    form.dispatchEvent(e);
  };

  it('sends a submit gesture only for a POST form submitted while a trusted click is handled', async () => {
    const doc = loadPage(page, EDIT);
    const sent: ContentMessage[] = [];
    const host = fakeHost();
    const goodreads = DETECTORS.find((d) => d.id === 'goodreads');
    if (!goodreads) throw new Error('goodreads detector missing');
    runDetector(goodreads, host, (m) => sent.push(m));
    const submits = () => sent.filter((m) => m.type === 'gesture' && m.submit);
    const [post, get] = [...doc.querySelectorAll('form')] as HTMLFormElement[];
    fire(post as HTMLFormElement, true); // requestSubmit() from a script: a trusted event, no user input
    trustedClick(doc.body);
    await tick(5);
    fire(post as HTMLFormElement, true); // a click earlier, in another task
    trustedClick(get?.querySelector('input') as Element);
    fire(get as HTMLFormElement, true); // a search box
    expect(submits()).toEqual([]);
    const save = post?.querySelector('input[type="submit"]') as Element;
    trustedClick(save);
    fire(post as HTMLFormElement, false, save); // untrusted
    expect(submits()).toEqual([]);
    fire(post as HTMLFormElement, true, save); // the browser submitting after the click on its button
    expect(submits()).toMatchObject([{ type: 'gesture', platform: 'goodreads', submit: true }]);
    host.invalidate();
  });

  it('sends none for a script’s requestSubmit() while the person clicks something else, even in the form', async () => {
    const doc = loadPage(page, EDIT);
    const sent: ContentMessage[] = [];
    const host = fakeHost();
    runDetector(DETECTORS.find((d) => d.id === 'goodreads') as (typeof DETECTORS)[number], host, (m) => sent.push(m));
    const submits = () => sent.filter((m) => m.type === 'gesture' && m.submit);
    const [post, get] = [...doc.querySelectorAll('form')] as HTMLFormElement[];
    const save = post?.querySelector('input[type="submit"]') as Element;
    // The page's own click handler calls requestSubmit() during the person's click elsewhere.
    const during = (el: Element, submitter: Element | null) => {
      const submitNow = () => fire(post as HTMLFormElement, true, submitter);
      el.addEventListener('click', submitNow, { once: true });
      trustedClick(el);
    };
    during(doc.body, null);
    during(get?.querySelector('input') as Element, null);
    during(get?.querySelector('input') as Element, save); // requestSubmit(save): a submitter the person did not click
    during(post?.querySelector('textarea') as Element, null); // in the form, but not on its button
    await tick(5);
    expect(submits()).toEqual([]);
    // Enter in one of the form's own fields submits it (implicit submission); Enter elsewhere does not.
    const enter = (el: Element, form: HTMLFormElement) => {
      const e = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
      Object.defineProperty(e, 'isTrusted', { value: true });
      el.addEventListener('keydown', () => fire(form, true, null), { once: true });
      el.dispatchEvent(e);
    };
    enter(get?.querySelector('input') as Element, post as HTMLFormElement);
    expect(submits()).toEqual([]);
    await tick(5);
    enter(post?.querySelector('textarea') as Element, post as HTMLFormElement); // Enter in a text area submits nothing
    expect(submits()).toEqual([]);
    await tick(5);
    const field = doc.createElement('input');
    post?.prepend(field);
    enter(field, post as HTMLFormElement);
    expect(submits()).toHaveLength(1);
    host.invalidate();
  });

  it('sends one for a button’s child clicked, a page’s requestSubmit() in the clicked button’s handler, and a field tied by form=', async () => {
    const doc = loadPage(
      `<form id="f" method="post" action="/review/update/1"><textarea name="review[review]">x</textarea>
        <button id="save"><span id="label">Save</span></button><button type="button" id="other">Preview</button></form>
        <input id="outside" form="f" name="title"><div id="elsewhere">text</div>`,
      EDIT,
    );
    const sent: ContentMessage[] = [];
    const host = fakeHost();
    runDetector(DETECTORS.find((d) => d.id === 'goodreads') as (typeof DETECTORS)[number], host, (m) => sent.push(m));
    const submits = () => sent.filter((m) => m.type === 'gesture' && m.submit).length;
    const form = doc.getElementById('f') as HTMLFormElement;
    const save = doc.getElementById('save') as HTMLElement;
    const clickThen = (el: Element, submitter: Element | null) => {
      el.addEventListener('click', () => fire(form, true, submitter), { once: true });
      trustedClick(el);
    };
    clickThen(doc.getElementById('label') as Element, save); // the browser's own submit, from the button's label
    await tick(5);
    clickThen(save, null); // validation code: preventDefault, then form.requestSubmit()
    await tick(5);
    expect(submits()).toBe(2);
    clickThen(doc.getElementById('other') as Element, null); // a button that does not submit
    await tick(5);
    // The page moves what was clicked into the submit button during the click: the click was not on it.
    const elsewhere = doc.getElementById('elsewhere') as HTMLElement;
    elsewhere.addEventListener(
      'click',
      () => {
        save.append(elsewhere);
        fire(form, true, save);
      },
      { once: true },
    );
    trustedClick(elsewhere);
    await tick(5);
    expect(submits()).toBe(2);
    const enter = (el: Element) => {
      const e = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
      Object.defineProperty(e, 'isTrusted', { value: true });
      el.addEventListener('keydown', () => fire(form, true, null), { once: true });
      el.dispatchEvent(e);
    };
    enter(doc.getElementById('outside') as Element);
    expect(submits()).toBe(3);
    await tick(5);
    // Enter on a button-like input whose handler submits: not a one-line field.
    const plain = doc.createElement('input');
    plain.type = 'button';
    plain.setAttribute('form', 'f');
    doc.body.append(plain);
    enter(plain);
    await tick(5);
    expect(submits()).toBe(3);
    // A button of invalid type submits (browsers treat it as submit), and an icon with its own shadow root inside one.
    const odd = doc.createElement('button');
    odd.setAttribute('type', 'bogus');
    const icon = doc.createElement('span');
    icon.attachShadow({ mode: 'open' }).innerHTML = '<svg><path d="M0 0"/></svg>';
    odd.append(icon);
    form.append(odd);
    clickThen(odd, odd);
    await tick(5);
    clickThen(icon.shadowRoot?.querySelector('path') as Element, odd);
    await tick(5);
    expect(submits()).toBe(5);
    host.invalidate();
  });
});
