import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fixture,
  htmlRoute,
  jsonRoute,
  launch,
  openPopup,
  resetDb,
  runningServiceWorkers,
  type Session,
  settle,
  stopServiceWorker,
  storedEvents,
  waitForEvents,
  withEmulator,
} from './harness';

/**
 * Issue 12, items 1 and 3 in the built extension: requests count only from their own platform's
 * page after a real gesture on it, and actions seen only by their request survive the worker
 * being stopped right after them.
 */

const POST = 'https://www.reddit.com/r/test/comments/1abcde/a_test_post/';
const EMBED = 'https://www.youtube.com/embed/dQw4w9WgXcQ';
const FB_MANY = 'https://www.facebook.com/?posts=5';
const FB_VOLLEY = 'https://www.facebook.com/?volley=1';
const FB_ONLOAD = 'https://www.facebook.com/?onload=1';
const FB_PLAIN = 'https://www.facebook.com/?plain=1';
const YT_VOLLEY = 'https://www.youtube.com/watch?v=volley00001';
const YT_ONLOAD = 'https://www.youtube.com/watch?v=onload00001';

/** A paragraph of plain text to click on: no control, nothing to count. */
const PLAIN = '<p id="plain" style="font-size:20px">Just some text to read.</p>';

/** The Facebook feed with `n` posts, each its own id. */
function facebookPosts(n: number): string {
  const html = fixture('facebook/feed.html');
  const start = html.indexOf('<div aria-posinset="1"');
  const end = html.indexOf('    </div>\n  </div>\n  <div id="layers">');
  const post = html.slice(start, end);
  const copies = Array.from({ length: n }, (_, i) =>
    post.replaceAll('10160000000000001', String(10160000000000001n + BigInt(i))),
  );
  return html.slice(0, start) + copies.join('') + html.slice(end);
}

const fbBody = (name: string, input: string) =>
  `new URLSearchParams({ fb_api_req_friendly_name: '${name}', variables: JSON.stringify({ input: ${input} }) })`;
/** Page script: requests for every kind of Facebook action, to `url` (another origin's, from YouTube). */
const fbRequests = (url = '/api/graphql/') => `
  const fb = (body) => fetch('${url}', { method: 'POST', mode: 'no-cors', body });
  for (let i = 0; i < 100; i++) fb(${fbBody('CometUFIFeedbackReactMutation', "{ feedback_id: 'f' + i, feedback_reaction_id: '1635855486666999' }")});
  for (let i = 0; i < 30; i++) fb(${fbBody('useCometUFICreateCommentMutation', "{ feedback_id: 'c' + i }")});
  for (let i = 0; i < 30; i++) fb(${fbBody('useCometFeedToFeedReshare_FeedToFeedMutation', '{}')});`;
/** Page script: requests for every kind of YouTube action. */
const YT_REQUESTS = `
  const yt = (path, body) => fetch('https://www.youtube.com/youtubei/v1/' + path, { method: 'POST', mode: 'no-cors', body: JSON.stringify(body) });
  for (let i = 0; i < 50; i++) yt('like/like', { target: { videoId: 'vid' + i } });
  for (let i = 0; i < 30; i++) yt('comment/create_comment', { commentText: 'spam ' + i });
  for (let i = 0; i < 30; i++) yt('flag/flag', { params: 'p' + i });`;
const onFirstClick = (code: string) =>
  `<script>document.addEventListener('click', () => { ${code} }, { once: true, capture: true });</script>`;
const onLoad = (code: string) => `<script>addEventListener('load', () => { ${code} });</script>`;
const append = (html: string, extra: string) => html.replace('</body>', `${extra}</body>`);

let s: Session;
beforeAll(async () => {
  const shreddit = withEmulator(fixture('reddit/shreddit-post.html'), 'reddit');
  const watch = withEmulator(fixture('youtube/watch-rendered.html'), 'youtube');
  const feed = withEmulator(fixture('facebook/feed.html'), 'facebook');
  s = await launch({
    routes: [
      [
        /^https:\/\/www\.reddit\.com\/r\/test\/comments\/1abcde\/a_test_post\/\?embed$/,
        htmlRoute(append(shreddit, `${PLAIN}<iframe src="${EMBED}" width="480" height="270"></iframe>`)),
      ],
      [/^https:\/\/www\.reddit\.com\/r\/test\/comments\/1abcde\/a_test_post\/$/, htmlRoute(append(shreddit, PLAIN))],
      [/^https:\/\/www\.reddit\.com\/svc\/shreddit\//, jsonRoute('{"data":{}}')],
      // The embed: its own button likes and reports, whoever clicks it.
      [
        /^https:\/\/www\.youtube\.com\/embed\//,
        htmlRoute(
          `<!doctype html><html><body><button id="like">Like</button><script>document.getElementById('like').addEventListener('click', () => { ${YT_REQUESTS} });</script></body></html>`,
        ),
      ],
      [
        /^https:\/\/www\.youtube\.com\/watch\?v=volley00001$/,
        htmlRoute(append(watch, PLAIN + onFirstClick(YT_REQUESTS + fbRequests('https://www.facebook.com/api/graphql/')))),
      ],
      [/^https:\/\/www\.youtube\.com\/watch\?v=onload00001$/, htmlRoute(append(watch, onLoad(YT_REQUESTS)))],
      [/^https:\/\/www\.facebook\.com\/\?posts=5$/, htmlRoute(withEmulator(facebookPosts(5), 'facebook'))],
      [/^https:\/\/www\.facebook\.com\/\?volley=1$/, htmlRoute(append(feed, PLAIN + onFirstClick(fbRequests() + YT_REQUESTS)))],
      [/^https:\/\/www\.facebook\.com\/\?onload=1$/, htmlRoute(append(feed, onLoad(fbRequests())))],
      [/^https:\/\/www\.facebook\.com\/\?plain=1$/, htmlRoute(append(feed, PLAIN))],
      [/^https:\/\/www\.facebook\.com\/api\/graphql\/$/, jsonRoute('{"data":{}}')],
    ],
  });
});
afterAll(async () => {
  await s?.close();
});

const line = (e: { platform: string; kind: string; detail: string; signal: string }) =>
  `${e.platform}/${e.kind}/${e.detail}/${e.signal}`;

/** Active events once the intake had time for everything (grace, batches). */
async function settled(): Promise<string[]> {
  const popup = await openPopup(s);
  await settle(popup, 3_000);
  const events = (await storedEvents(popup)).filter((e) => !e.undoneAt);
  await popup.close();
  return events.map(line).sort();
}

describe('attribution', () => {
  it('a volley of requests after one click on text: only one request-only action of each kind, nothing a control reports, nothing for another platform', async () => {
    await resetDb(s);
    const page = await s.context.newPage();
    await page.goto(FB_VOLLEY);
    await page.locator('#plain').click();
    // Facebook is seen only through its requests: one like, one comment, one share per gesture at
    // most (no YouTube like, whatever the page sends to YouTube).
    expect(await settled()).toEqual([
      'facebook/comment/comment/network',
      'facebook/reaction/like/network',
      'facebook/share/share/network',
    ]);
    await resetDb(s);
    await page.goto(YT_VOLLEY);
    await page.locator('#plain').click();
    // YouTube's likes and comments have controls: their requests alone count nothing. A report is
    // seen only through its request: one.
    expect(await settled()).toEqual(['youtube/report/report/network']);
    await page.close();
  });

  it('a frame of another platform (a YouTube embed inside Reddit) stores nothing, even after real clicks', async () => {
    await resetDb(s);
    const page = await s.context.newPage();
    await page.goto(`${POST}?embed`);
    await page.locator('#plain').click();
    await page.frameLocator('iframe').locator('#like').click();
    expect(await settled()).toEqual([]);
    // Control: the Reddit page itself still counts a real vote.
    await page.bringToFront();
    await page.locator('shreddit-post button[upvote]').click();
    const popup = await openPopup(s);
    expect((await waitForEvents(popup, (e) => e.length === 1 && e[0]?.signal === 'dom+network')).map(line)).toEqual([
      'reddit/vote/up/dom+network',
    ]);
    await popup.close();
    await page.close();
  });

  it('a same-tab navigation to another supported site, or to another page of the same one, stores nothing', async () => {
    await resetDb(s);
    const page = await s.context.newPage();
    await page.goto(POST);
    await page.locator('#plain').click();
    await page.goto(YT_ONLOAD); // its script sends likes, comments and reports as it loads
    expect(await settled()).toEqual([]);
    // A click on one Facebook page does not vouch for the next one loaded in the tab.
    await page.goto(FB_PLAIN);
    await page.locator('#plain').click();
    await page.goto(FB_ONLOAD); // its script sends reactions, comments and shares as it loads
    expect(await settled()).toEqual([]);
    await page.close();
  });
});

describe('durable intake', () => {
  it('stores 5 of 5 request-only actions, each woken from a stopped service worker, which is stopped as soon as it stored it', async () => {
    await resetDb(s);
    // Read from a page that never messages the worker (the popup asks it for its status): nothing
    // but the like wakes it.
    const reader = await s.context.newPage();
    await reader.goto(`chrome-extension://${s.extensionId}/privacy.html`);
    const page = await s.context.newPage();
    await page.goto(FB_MANY);
    const likes = page.locator('.toolbar > [role="button"]:first-child');
    expect(await likes.count()).toBe(5);
    const storedAfter: number[] = [];
    for (let i = 0; i < 5; i++) {
      // A person's next like comes a second later (each vouched for by its own gesture message). The
      // page's health report, sent once after it loaded, may wake the worker meanwhile: stopped again.
      for (let tries = 0; tries < 5 && (tries === 0 || (await runningServiceWorkers(s)) > 0); tries++) {
        await stopServiceWorker(s);
        await page.waitForTimeout(1_000);
      }
      expect(await runningServiceWorkers(s)).toBe(0);
      const clicked = Date.now();
      await likes.nth(i).click();
      // Stopped the moment the like is in the database (a request's sighting lives only in the
      // worker's memory until then: nothing can send it again, README "Nothing is lost").
      let stored = 0;
      while (stored <= i && Date.now() - clicked < 10_000) {
        stored = (await storedEvents(reader)).length;
        if (stored <= i) await page.waitForTimeout(10);
      }
      expect(stored).toBe(i + 1);
      storedAfter.push(Date.now() - clicked);
    }
    await stopServiceWorker(s);
    console.log('[intake] cold worker: click to stored, ms', storedAfter.join(', '));
    const popup = await openPopup(s);
    await settle(popup);
    // Every row: a second sighting stored as an undo would show here too.
    const events = await storedEvents(popup);
    expect(events.map(line)).toEqual(Array(5).fill('facebook/reaction/like/network'));
    expect(new Set(events.map((e) => e.targetKey)).size).toBe(5);
    expect(events.every((e) => e.host === 'www.facebook.com')).toBe(true);
    await popup.close();
    await page.close();
    await reader.close();
  });
});
