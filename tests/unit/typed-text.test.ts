// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runDetector } from '@/lib/content/runtime';
import practice from '@/lib/detectors/practice';
import youtube from '@/lib/detectors/youtube';
import type { ContentMessage } from '@/lib/messages';
import { collect, fakeHost, fixture, loadPage, trustedClick } from './helpers';

/** Counts reads of `props` on `obj` (own accessors over the prototype's), still answering truly. */
function spyReads(obj: object, props: string[]): Record<string, number> {
  const reads: Record<string, number> = {};
  for (const prop of props) {
    reads[prop] = 0;
    let proto = Object.getPrototypeOf(obj);
    let desc: PropertyDescriptor | undefined;
    while (proto && !desc) {
      desc = Object.getOwnPropertyDescriptor(proto, prop);
      proto = Object.getPrototypeOf(proto);
    }
    Object.defineProperty(obj, prop, {
      configurable: true,
      get() {
        reads[prop] = (reads[prop] ?? 0) + 1;
        return desc?.get?.call(obj);
      },
      set(v) {
        desc?.set?.call(obj, v);
      },
    });
  }
  return reads;
}

const TEXT_READS = ['textContent', 'innerText', 'innerHTML', 'outerHTML'];
const STRING_COPIES = ['trim', 'trimStart', 'trimEnd', 'slice', 'substring', 'substr', 'split', 'replace', 'toLowerCase', 'at'];

describe('typed text: only whether the box is empty leaves the field check', () => {
  let host = fakeHost();
  afterEach(() => {
    host.invalidate();
    host = fakeHost();
    vi.useRealTimers();
  });

  it('a contenteditable box: never reads its whole text, and stops at the first non-blank text node', async () => {
    vi.useFakeTimers();
    const doc = loadPage(fixture('youtube/watch-rendered.html'), 'https://www.youtube.com/watch?v=dQw4w9WgXcQ');
    const sent: ContentMessage[] = [];
    runDetector(youtube, host, collect(sent));
    const box = doc.querySelector('#contenteditable-root') as HTMLElement;
    const blank = doc.createTextNode('  \n ');
    const first = doc.createTextNode('My secret');
    const rest = doc.createTextNode(' opinion, in full');
    const line = doc.createElement('div');
    line.append(rest);
    box.replaceChildren(blank, first, line);
    const boxReads = spyReads(box, TEXT_READS);
    const lineReads = spyReads(line, TEXT_READS);
    const restReads = spyReads(rest, ['data', 'nodeValue', 'textContent', 'wholeText']);
    trustedClick(doc.querySelector('#submit-button button') as Element);
    await vi.advanceTimersByTimeAsync(300); // one poll: the box still has text
    expect(sent).toEqual([]);
    box.replaceChildren(); // YouTube took the comment
    await vi.advanceTimersByTimeAsync(300);
    expect(sent).toMatchObject([{ type: 'sighting', action: 'comment' }]);
    expect(boxReads).toEqual(Object.fromEntries(TEXT_READS.map((p) => [p, 0])));
    expect(lineReads).toEqual(Object.fromEntries(TEXT_READS.map((p) => [p, 0])));
    expect(restReads).toEqual({ data: 0, nodeValue: 0, textContent: 0, wholeText: 0 });
  });

  it('a blank contenteditable box (spaces only) is empty: nothing is watched or sent', async () => {
    vi.useFakeTimers();
    const doc = loadPage(fixture('youtube/watch-rendered.html'), 'https://www.youtube.com/watch?v=dQw4w9WgXcQ');
    const sent: ContentMessage[] = [];
    runDetector(youtube, host, collect(sent));
    const box = doc.querySelector('#contenteditable-root') as HTMLElement;
    box.replaceChildren(doc.createTextNode('   '), doc.createElement('br'), doc.createTextNode('\n'));
    trustedClick(doc.querySelector('#submit-button button') as Element);
    await vi.advanceTimersByTimeAsync(11_000);
    expect(sent).toEqual([]);
  });

  it('a textarea: its value is tested for a non-blank character, never trimmed, cut or copied', async () => {
    vi.useFakeTimers();
    const doc = loadPage(
      `<!doctype html><html><body><form data-practice="comment"><textarea></textarea><button type="submit">Post</button></form></body></html>`,
      'chrome-extension://test-extension-id/practice.html',
    );
    const sent: ContentMessage[] = [];
    runDetector(practice, host, collect(sent));
    const field = doc.querySelector('textarea') as HTMLTextAreaElement;
    // The value the page holds, as a String object whose copying methods are spies.
    let current = 'My secret opinion';
    const copies: string[] = [];
    const value = () => {
      const v = new String(current) as unknown as Record<string, unknown>;
      for (const m of STRING_COPIES)
        v[m] = (...args: unknown[]) => {
          copies.push(m);
          return (String.prototype as unknown as Record<string, (...a: unknown[]) => unknown>)[m]?.apply(current, args);
        };
      return v;
    };
    Object.defineProperty(field, 'value', { configurable: true, get: value });
    trustedClick(doc.querySelector('button') as Element);
    await vi.advanceTimersByTimeAsync(300);
    expect(sent).toEqual([]);
    current = ' \n';
    await vi.advanceTimersByTimeAsync(300);
    expect(sent).toMatchObject([{ type: 'sighting', action: 'comment' }]);
    expect(copies).toEqual([]);
  });
});
