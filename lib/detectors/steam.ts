import { formField, queryFirst } from './dom';
import { definePage, endpoints, withNetwork } from './types';

/**
 * Steam: the "Was this review helpful?" bar under every user review (Yes / No / Funny), reporting a
 * review, and writing one's own review of a game. Steam's own scripts are public: SteamDatabase/
 * SteamTracking keeps every version of them (`store.steampowered.com/public/javascript/game.js`,
 * `steamcommunity.com/public/javascript/user_reviews*.js`, seen in copies from about 2014 to 2025).
 */

// The vote bar's buttons carry the review id in their element id, after an optional context word
// (`RecommendationVoteUpBtnsummary48004644` on the store's app page, `RecommendationVoteUpBtn48004644`
// on the community's review pages; saved store page of app 683320, 2019-01, and user_reviews.js).
const UP = 'a[id^="RecommendationVoteUpBtn"]';
const DOWN = 'a[id^="RecommendationVoteDownBtn"]';
const FUNNY = 'a[id^="RecommendationVoteTagBtn"]'; // tag 1 is "funny", the only vote tag
/** Steam marks the user's current vote by the `btn_active` class (UserReviewVoteUp's callback). */
const ACTIVE = 'btn_active';

/** The review id in a vote button's element id. */
export function reviewIdOf(button: Element | null): string | undefined {
  return /(\d+)(?:_\d+)?$/.exec(button?.id ?? '')?.[1];
}

/** The vote the bar shows: Yes and No exclude each other and "funny" (Steam clears the others). */
function voteState(bar: Element): string | null {
  if (bar.querySelector(UP)?.classList.contains(ACTIVE)) return 'helpful';
  if (bar.querySelector(DOWN)?.classList.contains(ACTIVE)) return 'not-helpful';
  if (bar.querySelector(FUNNY)?.classList.contains(ACTIVE)) return 'funny';
  return null;
}

const bool = (v: string | undefined) => (v === 'true' || v === '1' ? true : v === 'false' || v === '0' ? false : undefined);

export const page = definePage({
  id: 'steam',
  label: 'Steam',
  matches: ['https://store.steampowered.com/*', 'https://steamcommunity.com/*'],
  testUrls: ['https://store.steampowered.com/app/683320/GRIS/', 'https://steamcommunity.com/app/683320/reviews/'],
  actions: {
    helpful: { kind: 'vote', detail: 'helpful', slot: 'exclusive' },
    'not-helpful': { kind: 'vote', detail: 'not-helpful', slot: 'exclusive' },
    funny: { kind: 'reaction', detail: 'funny', slot: 'per-detail' },
    review: { kind: 'review', detail: 'review', slot: 'none' },
    report: { kind: 'report', detail: 'report', slot: 'none' },
  },
  toggles: [
    {
      control: [UP, DOWN, FUNNY],
      scope: [
        '.control_block', // the bar around the three buttons, store app page and community reviews (2014 onwards)
      ],
      actions: ['helpful', 'not-helpful', 'funny'],
      state: voteState,
      target: (bar) => reviewIdOf(queryFirst(bar, [UP, DOWN, FUNNY])),
    },
  ],
  health: {
    // A game's store page lists its most helpful reviews, each with the vote bar, signed in or not.
    pages: /^\/app\/\d+/,
    controls: [UP],
  },
  requests: {},
});

export default /* @__PURE__ */ withNetwork(page, () => [
  {
    // UserReview_Rate: POST <base>/userreviews/rate/<id>, form `rateup` true|false; the store page's
    // script posts to steamcommunity.com, the community's to itself (user_reviews*.js, 2014–2025).
    // UserReview_VoteTag: /userreviews/votetag/<id>, `tagid` 1 (funny), `rateup` true adds, false removes.
    // UserReview_Report: /userreviews/report/<id> (the reason's text is never read).
    urls: ['https://steamcommunity.com', 'https://store.steampowered.com'].flatMap((base) =>
      ['rate', 'votetag', 'report'].map((verb) => `${base}/userreviews/${verb}/*`),
    ),
    match({ url, body }) {
      const m = /^\/userreviews\/(rate|votetag|report)\/(\d+)\/?$/.exec(url.pathname);
      if (!m) return null;
      const [, verb, target] = m;
      if (verb === 'report') return { action: 'report', op: 'add', target };
      const up = bool(formField(body, 'rateup'));
      if (up === undefined) return null;
      if (verb === 'rate') return { action: up ? 'helpful' : 'not-helpful', op: 'add', target };
      return formField(body, 'tagid') === '1' ? { action: 'funny', op: up ? 'add' : 'undo', target } : null;
    },
  },
  {
    // RecommendGame (game.js): POST /friends/recommendgame with `appid`, `rated_up`, `comment`, …;
    // the same endpoint in copies from 2013 and 2025. Only `appid` is read: the review's text never is.
    urls: endpoints(
      'https://store.steampowered.com/friends/recommendgame',
      'https://store.steampowered.com/friends/recommendgame/',
    ),
    match({ url, body }) {
      if (!/^\/friends\/recommendgame\/?$/.test(url.pathname)) return null;
      const appid = formField(body, 'appid');
      return appid && /^\d+$/.test(appid) ? { action: 'review', op: 'add', target: `app/${appid}` } : null;
    },
  },
]);
