// @vitest-environment happy-dom
import { h, render } from 'preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FileLists } from '@/entrypoints/class/FileLists';
import { formatEntry } from '@/lib/i18n-fallback';
import en from '@/public/_locales/en/messages.json';

// The English catalogue, as the browser would give it.
beforeEach(() => {
  const i18n = fakeBrowser.i18n as unknown as { getMessage(k: string, s?: string[]): string; getUILanguage(): string };
  i18n.getMessage = (k, subs) => {
    const entry = (en as Record<string, Parameters<typeof formatEntry>[0]>)[k];
    return entry ? formatEntry(entry, subs ?? []) : '';
  };
  i18n.getUILanguage = () => 'en';
});

import type { ClassView, DropNotice } from '@/lib/research/class-drop';

const view = (notices: DropNotice[]): ClassView =>
  ({
    totals: { accepted: [], refused: [] },
    readRefused: [],
    notices,
    files: 10_000,
    bytes: 0,
  }) as unknown as ClassView;

function shown(v: ClassView) {
  const root = document.createElement('div');
  render(h(FileLists, { view: v }), root);
  return {
    heading: root.querySelector('.refused h2')?.textContent,
    notice: root.querySelector('[data-testid="drop-notices"] li')?.textContent,
  };
}

describe('class page: files left unread', () => {
  it('counts them exactly when the whole folder was listed', () => {
    const { heading, notice } = shown(view([{ error: 'too-many-files', count: 3, first: 'class/c.json' }]));
    expect(heading).toBe('Files refused (3): nothing from them is counted');
    expect(notice).toBe(
      '3 files not read: the page takes at most 10,000 files (the first one not read: class/c.json). Clear the files to merge another class.',
    );
  });

  it('says "at least" when the listing stopped at its limit, in the heading and the notice', () => {
    const { heading, notice } = shown(view([{ error: 'too-many-files', count: 100_000, first: 'home/a.json', atLeast: true }]));
    expect(heading).toBe('Files refused (at least 100,000): nothing from them is counted');
    expect(notice).toMatch(/^At least 100,000 files not read \(what was chosen was too large to be listed in full\)/);
  });
});
