import { afterEach, expect, it } from 'vitest';
import { runDetector } from '@/lib/content/runtime';
import { closestOf, queryFirst } from '@/lib/detectors/dom';
import type { Detector, SubmitControl } from '@/lib/detectors/types';
import type { ContentMessage } from '@/lib/messages';
import { collect, fakeHost, fixture, loadPage, tick, trustedClick } from './helpers';

/**
 * The tests every written-review form shares (Booking, eBay, Tripadvisor, Yelp; lib/detectors/review-form.ts):
 * the submit finds its form and text, a review counts once the page takes it (and not at the click), and
 * nothing counts without text, when the page refuses it, for a script's click, or because of label text.
 * Each platform's test file gives its pages and the person's and the page's parts; its own tests stay there.
 */
export interface ReviewFormSpec {
  detector: Detector & { submits: readonly [SubmitControl, ...SubmitControl[]] };
  /** Fixture (under tests/fixtures), its address, and the target the review counts on; the last is the French one. */
  pages: readonly (readonly [file: string, url: string, target: string | undefined])[];
  submit(doc: Document): Element;
  /** The form (composer) the submit belongs to, and its text field. */
  form(doc: Document): Element;
  field(doc: Document): Element;
  /** The person's part: writes `text` (a default text when none is given). */
  write(doc: Document, text?: string): Promise<void> | void;
  /** The page's part once it took the review: the form goes or its text is emptied. */
  accept(doc: Document): void;
  /** Whether `write` types keys, so that the typing time is measured. */
  timed: boolean;
  /** An address of the same site where the form must not be found. */
  elsewhere?: string;
  /** The platform's own checks of each page (the self-check's controls, ids). */
  check?(doc: Document): void;
  /** Removes the page's label text (names, headings, button text); the review must still count. */
  unlabel?(doc: Document): void;
}

/** A content-script host per test, renewed after each. */
export function hostPerTest(): () => ReturnType<typeof fakeHost> {
  let host = fakeHost();
  afterEach(() => {
    host.invalidate();
    host = fakeHost();
  });
  return () => host;
}

/** Sightings as `action:op:target`. */
export const sightings = (sent: ContentMessage[]) => sent.map((m) => m.type === 'sighting' && `${m.action}:${m.op}:${m.target}`);

/** Types `text` into `target` with trusted keystrokes 20 ms apart; `append` puts each character in. */
export async function typeKeys(target: Element, append: (ch: string) => void, text: string): Promise<void> {
  for (const ch of text) {
    const e = new KeyboardEvent('keydown', { key: 'a', bubbles: true, composed: true });
    Object.defineProperty(e, 'isTrusted', { value: true });
    target.dispatchEvent(e);
    append(ch);
    await tick(2);
  }
}

/** Removes label text that leaves the fields in place: names, headings, legends, buttons, labels' own text. */
export function stripLabelText(doc: Document): void {
  for (const el of doc.querySelectorAll('[aria-label]')) el.removeAttribute('aria-label');
  for (const el of doc.querySelectorAll('h1, legend, button')) el.textContent = '';
  for (const label of doc.querySelectorAll('label'))
    for (const node of [...label.childNodes]) if (node.nodeType === node.TEXT_NODE) node.remove();
}

/** Registers the shared tests in the caller's describe block. */
export function reviewFormTests(spec: ReviewFormSpec): void {
  const host = hostPerTest();
  const { detector } = spec;
  const review = detector.submits[0];
  const open = (file: string, url: string) => loadPage(fixture(`${detector.id}/${file}`), url);
  /** Runs the detector on the page last loaded; its messages go to `sent`. */
  const run = (sent: ContentMessage[] = []) => {
    runDetector(detector, host(), collect(sent));
    return sent;
  };
  const [first, url] = spec.pages[0] as (typeof spec.pages)[0];

  for (const [file, url, target] of spec.pages) {
    it(`finds the submit, its form and its text in ${file}${spec.elsewhere ? ', and nowhere else' : ''}`, () => {
      const doc = open(file, url);
      const button = spec.submit(doc);
      expect(closestOf(button, review.control)).toBe(button);
      expect(review.composer(button)).toBe(spec.form(doc));
      expect(queryFirst(spec.form(doc), review.field)).toBe(spec.field(doc));
      spec.check?.(doc);
      if (spec.elsewhere) expect(review.composer(spec.submit(open(file, spec.elsewhere)))).toBeNull();
    });

    it(`counts one review once the page takes it, not at the click, in ${file}`, async () => {
      const doc = open(file, url);
      const sent = run();
      await spec.write(doc);
      trustedClick(spec.submit(doc));
      await tick(50);
      expect(sent).toEqual([]); // the click alone counts nothing
      spec.accept(doc);
      await tick(600);
      expect(sightings(sent)).toEqual([`review:add:${target}`]);
      expect(sent[0]).toMatchObject({ platform: detector.id });
      if (spec.timed) expect((sent[0] as { durationMs?: number }).durationMs).toBeGreaterThan(0);
    });
  }

  it('counts nothing for a submit without text, or one the page refuses (the text stays)', async () => {
    const doc = open(first, url);
    const sent = run();
    trustedClick(spec.submit(doc));
    spec.accept(doc);
    await tick(400);
    const doc2 = open(first, url);
    run(sent);
    await spec.write(doc2, 'Refused');
    trustedClick(spec.submit(doc2));
    await tick(600);
    expect(sent).toEqual([]);
  });

  it('counts nothing for a submit clicked by a script, even when the form goes', async () => {
    const doc = open(first, url);
    const sent = run();
    await spec.write(doc);
    (spec.submit(doc) as HTMLElement).click();
    spec.accept(doc);
    await tick(600);
    expect(sent).toEqual([]);
  });

  if (spec.unlabel) {
    const unlabel = spec.unlabel;
    it('does not depend on label text', async () => {
      const [file, url, target] = spec.pages[spec.pages.length - 1] as (typeof spec.pages)[0];
      const doc = open(file, url);
      unlabel(doc);
      const sent = run();
      await spec.write(doc);
      trustedClick(spec.submit(doc));
      spec.accept(doc);
      await tick(600);
      expect(sightings(sent)).toEqual([`review:add:${target}`]);
    });
  }
}
