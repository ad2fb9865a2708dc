// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { runDetector } from '@/lib/content/runtime';
import { closestOf } from '@/lib/detectors/dom';
import netflix, { titleId } from '@/lib/detectors/netflix';
import type { ContentMessage } from '@/lib/messages';
import { collect, fakeHost, fixture, loadPage, tick, trustedClick } from './helpers';

const TITLE = 'https://www.netflix.com/title/80057281';
const ID = '80057281';
const toggle = netflix.toggles[0];

/** The rate button's icon names per rating, as Netflix's icon set spells them. */
const ICON: Record<string, string> = {
  none: 'ThumbsUpStandard',
  'thumbs-up': 'ThumbsUpFillStandard',
  'thumbs-down': 'ThumbsDownFillStandard',
  love: 'ThumbsUpTwoFillStandard',
};

function page(file: string, url = TITLE) {
  const doc = loadPage(fixture(`netflix/${file}`), url);
  const q = (s: string) => doc.querySelector(s) as HTMLElement;
  return {
    doc,
    rate: q('[data-uia="thumbs-rate-button"]'),
    up: q('[data-uia="thumbsUp-button"]'),
    down: q('[data-uia="thumbsDown-button"]'),
    love: q('[data-uia="thumbsWayUp-button"]'),
    /** What Netflix's script does once the rating is saved: the rate button shows the chosen thumb, filled. */
    show(rating: keyof typeof ICON) {
      q('[data-uia="thumbs-rate-button"] svg').setAttribute('data-icon', ICON[rating] as string);
    },
  };
}

describe('netflix detector', () => {
  let host = fakeHost();
  afterEach(() => {
    host.invalidate();
    host = fakeHost();
  });

  it('reads the title id from the tracking context, else from the address', () => {
    const { rate } = page('title-modal.html', 'https://www.netflix.com/browse');
    const scope = closestOf(rate, toggle.scope) as Element;
    expect(titleId(scope, new URL('https://www.netflix.com/browse'))).toBe(ID);
    const bare = document.createElement('div');
    expect(titleId(bare, new URL('https://www.netflix.com/browse?jbv=70143836'))).toBe('70143836');
    expect(titleId(bare, new URL('https://www.netflix.com/title/70143836'))).toBe('70143836');
    expect(titleId(bare, new URL('https://www.netflix.com/browse'))).toBeUndefined();
  });

  it('reads the rating from the icon name, also the older data-name spelling', () => {
    const { rate, show } = page('title-modal.html');
    const scope = closestOf(rate, toggle.scope) as Element;
    expect(toggle.state(scope)).toBeNull();
    for (const r of ['thumbs-up', 'thumbs-down', 'love'] as const) {
      show(r);
      expect(toggle.state(scope)).toBe(r);
    }
    const svg = rate.querySelector('svg') as Element;
    svg.removeAttribute('data-icon');
    svg.setAttribute('data-name', 'ThumbsDownFill');
    expect(toggle.state(scope)).toBe('thumbs-down');
    svg.setAttribute('data-name', 'ThumbsUp');
    expect(toggle.state(scope)).toBeNull();
  });

  for (const file of ['title-modal.html', 'title-modal.fr.html']) {
    it(`counts a rating through the menu, a change, and its removal in ${file}`, async () => {
      const { rate, up, love, show } = page(file);
      const sent: ContentMessage[] = [];
      runDetector(netflix, host, collect(sent));
      trustedClick(rate); // opens the menu: nothing yet
      await tick();
      expect(sent).toEqual([]);
      trustedClick(up.querySelector('svg') ?? up);
      show('thumbs-up');
      await tick();
      trustedClick(love);
      show('love');
      await tick();
      trustedClick(love); // the chosen thumb again removes the rating
      show('none');
      await tick();
      expect(sent.map((m) => m.type === 'sighting' && `${m.action}:${m.op}:${m.target}`)).toEqual([
        `thumbs-up:add:${ID}`,
        `love:add:${ID}`,
        `love:undo:${ID}`,
      ]);
    });
  }

  it('counts a thumbs down picked straight from the menu (opened by hover)', async () => {
    const { down, show } = page('title-modal.html');
    const sent: ContentMessage[] = [];
    runDetector(netflix, host, collect(sent));
    trustedClick(down);
    show('thumbs-down');
    await tick();
    expect(sent).toMatchObject([{ action: 'thumbs-down', op: 'add', target: ID }]);
  });

  it('counts nothing for an untrusted click, or a title that renders already rated', async () => {
    const { up, show } = page('title-modal.html');
    const sent: ContentMessage[] = [];
    runDetector(netflix, host, collect(sent));
    up.click();
    show('thumbs-up');
    await tick(50);
    expect(sent).toEqual([]);
  });

  it('does not depend on label text', async () => {
    const { doc, up, show } = page('title-modal.html');
    for (const el of doc.querySelectorAll('[aria-label]')) el.removeAttribute('aria-label');
    for (const el of doc.querySelectorAll('span')) el.textContent = '';
    const sent: ContentMessage[] = [];
    runDetector(netflix, host, collect(sent));
    trustedClick(up);
    show('thumbs-up');
    await tick();
    expect(sent).toMatchObject([{ action: 'thumbs-up', op: 'add', target: ID }]);
  });
});
