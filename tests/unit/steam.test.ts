// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { runDetector } from '@/lib/content/runtime';
import { closestOf } from '@/lib/detectors/dom';
import steam, { reviewIdOf } from '@/lib/detectors/steam';
import type { ContentMessage, SightingMessage } from '@/lib/messages';
import { collect, fakeHost, fixture, loadPage, tick, trustedClick } from './helpers';

const APP = 'https://store.steampowered.com/app/683320/GRIS/';
const toggle = steam.toggles[0];
const line = (m: ContentMessage) => {
  const s = m as SightingMessage;
  return `${s.action}:${s.op}:${s.target}`;
};

/** What Steam's UserReviewVoteUp / VoteDown / VoteTag callbacks do once the vote is accepted. */
function vote(doc: Document, id: string, which: 'Up' | 'Down' | 'Tag') {
  const up = doc.getElementById(`RecommendationVoteUpBtnsummary${id}`) as HTMLElement;
  const down = doc.getElementById(`RecommendationVoteDownBtnsummary${id}`) as HTMLElement;
  const tag = doc.getElementById(`RecommendationVoteTagBtnsummary${id}_1`) as HTMLElement;
  if (which === 'Tag') {
    const on = !tag.classList.contains('btn_active');
    tag.classList.toggle('btn_active', on);
    if (on) {
      up.classList.remove('btn_active');
      down.classList.remove('btn_active');
    }
    return;
  }
  up.classList.toggle('btn_active', which === 'Up');
  down.classList.toggle('btn_active', which === 'Down');
  tag.classList.remove('btn_active');
}

describe('steam detector', () => {
  let host = fakeHost();
  afterEach(() => {
    host.invalidate();
    host = fakeHost();
  });

  for (const file of ['steam/app-reviews.html', 'steam/app-reviews.fr.html']) {
    it(`finds each review's vote bar, its id and the vote shown (${file})`, () => {
      const doc = loadPage(fixture(file), APP);
      const bars = [...doc.querySelectorAll('.control_block')];
      expect(bars).toHaveLength(2);
      const [first, second] = bars as [Element, Element];
      const icon = first.querySelector('.thumb_upv6') as Element;
      expect(closestOf(icon, toggle.scope)).toBe(first);
      expect(closestOf(icon, toggle.control)?.id).toBe('RecommendationVoteUpBtnsummary48004644');
      expect(toggle.target(first)).toBe('48004644');
      expect(toggle.state(first)).toBeNull();
      expect(toggle.state(second)).toBe('helpful');
    });
  }

  it('reads the review id from every id form Steam uses', () => {
    const a = (id: string) => Object.assign(document.createElement('a'), { id });
    expect(reviewIdOf(a('RecommendationVoteUpBtn48004644'))).toBe('48004644');
    expect(reviewIdOf(a('RecommendationVoteDownBtnsummary48004644'))).toBe('48004644');
    expect(reviewIdOf(a('RecommendationVoteTagBtnsummary48004644_1'))).toBe('48004644');
    expect(reviewIdOf(a('RecommendationVoteTagBtn48004644_1'))).toBe('48004644');
    expect(reviewIdOf(a('VoteUpBtn'))).toBeUndefined();
  });

  it('counts Yes, a switch to No, then Funny (which clears No), and Funny taken back', async () => {
    const doc = loadPage(fixture('steam/app-reviews.fr.html'), APP);
    const sent: ContentMessage[] = [];
    runDetector(steam, host, collect(sent));
    const click = async (id: string, which: 'Up' | 'Down' | 'Tag') => {
      const el = doc.querySelector(`[id^="RecommendationVote${which}Btnsummary${id}"] span`) as Element;
      trustedClick(el);
      vote(doc, id, which);
      await tick();
    };
    await click('48004644', 'Up');
    await click('48004644', 'Down');
    await click('48004644', 'Tag');
    await click('48004644', 'Tag');
    expect(sent.map(line)).toEqual([
      'helpful:add:48004644',
      'not-helpful:add:48004644',
      'not-helpful:undo:48004644',
      'funny:add:48004644',
      'funny:undo:48004644',
    ]);
  });

  it('counts nothing for a vote that merely renders, an untrusted click, or a refused vote', async () => {
    const doc = loadPage(fixture('steam/app-reviews.html'), APP);
    const sent: ContentMessage[] = [];
    runDetector(steam, host, collect(sent));
    const up = doc.getElementById('RecommendationVoteUpBtnsummary48004644') as HTMLElement;
    up.click(); // synthetic: not the user's
    vote(doc, '48004644', 'Up');
    await tick();
    const down = doc.getElementById('RecommendationVoteDownBtnsummary48028307') as HTMLElement;
    trustedClick(down); // signed out: Steam shows a dialog and the classes stay
    await tick(50);
    expect(sent).toEqual([]);
  });

  const req = (url: string, body: Record<string, string[]>) => ({ url: new URL(url), method: 'POST', body });
  const match = (url: string, body: Record<string, string[]> = {}) =>
    steam.network.map((r) => r.match(req(url, body))).find(Boolean) ?? null;
  const C = 'https://steamcommunity.com';
  const S = 'https://store.steampowered.com';
  it.each([
    [
      `${C}/userreviews/rate/48004644`,
      { rateup: ['true'], sessionid: ['x'] },
      { action: 'helpful', op: 'add', target: '48004644' },
    ],
    [`${C}/userreviews/rate/48004644`, { rateup: ['false'] }, { action: 'not-helpful', op: 'add', target: '48004644' }],
    [`${S}/userreviews/rate/48004644`, { rateup: ['true'] }, { action: 'helpful', op: 'add', target: '48004644' }],
    [`${C}/userreviews/rate/48004644`, {}, null],
    [`${C}/userreviews/votetag/48004644`, { tagid: ['1'], rateup: ['true'] }, { action: 'funny', op: 'add', target: '48004644' }],
    [
      `${C}/userreviews/votetag/48004644`,
      { tagid: ['1'], rateup: ['false'] },
      { action: 'funny', op: 'undo', target: '48004644' },
    ],
    [`${C}/userreviews/votetag/48004644`, { tagid: ['2'], rateup: ['true'] }, null],
    [`${C}/userreviews/report/48004644`, { reportnote: ['spam'] }, { action: 'report', op: 'add', target: '48004644' }],
    [`${C}/userreviews/ajaxgetvotes/`, { recommendationids: ['1'] }, null],
    [`${C}/userreviews/update/48004644`, { is_public: ['true'] }, null],
    [
      `${S}/friends/recommendgame`,
      { appid: ['683320'], rated_up: ['true'], comment: ['…'] },
      { action: 'review', op: 'add', target: 'app/683320' },
    ],
    [`${S}/friends/recommendgame/`, { appid: ['683320'] }, { action: 'review', op: 'add', target: 'app/683320' }],
    [`${S}/friends/recommendgame`, { appid: ['x'] }, null],
    [`${S}/friends/recommendgames`, { appid: ['683320'] }, null],
  ])('matches POST %s %j', (url, body, expected) => {
    expect(match(url, body)).toEqual(expected);
  });
});
