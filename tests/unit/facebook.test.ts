// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { runDetector } from '@/lib/content/runtime';
import { queryFirst } from '@/lib/detectors/dom';
import facebook, { cometOperation, matchGraphql, matchPhotoTag } from '@/lib/detectors/facebook';
import type { ContentMessage } from '@/lib/messages';
import { fakeHost, fixture, loadPage, tick, trustedClick } from './helpers';

const FEED = 'https://www.facebook.com/';
const FEEDBACK = btoa('feedback:10160000000000001');

/** The form body Comet posts, as the browser hands it over (name → values). */
const comet = (name: string, variables: unknown) => ({
  url: new URL('https://www.facebook.com/api/graphql/'),
  method: 'POST',
  body: {
    fb_api_caller_class: ['RelayModern'],
    fb_api_req_friendly_name: [name],
    variables: [JSON.stringify(variables)],
    doc_id: ['9000000000000002'],
  },
});
const react = (id: string) =>
  comet('CometUFIFeedbackReactMutation', {
    input: { feedback_id: FEEDBACK, feedback_reaction_id: id, feedback_source: 'NEWS_FEED' },
  });

describe('facebook detector', () => {
  let host = fakeHost();
  afterEach(() => {
    host.invalidate();
    host = fakeHost();
  });

  it.each([['facebook/feed.html'], ['facebook/feed.fr.html']])(
    'on %s, a trusted click vouches for requests but reports nothing by itself; a script click not even that',
    async (file) => {
      const doc = loadPage(fixture(file), FEED);
      expect(facebook.health.pages.test(new URL(FEED).pathname)).toBe(true);
      expect(queryFirst(doc, facebook.health.controls)).not.toBeNull();
      const all: ContentMessage[] = [];
      runDetector(facebook, host, (m) => all.push(m));
      const like = doc.querySelector('.toolbar [role="button"]') as HTMLElement;
      like.click();
      await tick(50);
      expect(all).toEqual([]);
      trustedClick(like);
      await tick(50);
      expect(all).toMatchObject([{ type: 'gesture', platform: 'facebook' }]);
    },
  );

  it.each([
    ['1635855486666999', 'like'],
    ['1678524932434102', 'love'],
    ['613557422527858', 'care'],
    ['115940658764963', 'haha'],
    ['478547315650144', 'wow'],
    ['908563459236466', 'sad'],
    ['444813342392137', 'angry'],
  ])('maps reaction %s to %s on the post', (id, action) => {
    expect(matchGraphql(react(id))).toEqual({ action, op: 'add', target: FEEDBACK });
  });

  it('treats reaction 0 as clearing whatever reaction is on, and ignores an unknown reaction id', () => {
    expect(matchGraphql(react('0'))).toEqual({ action: 'like', op: 'undo', target: FEEDBACK });
    expect(matchGraphql(react('1234567890'))).toBeNull();
    expect(facebook.actions.like.slot).toBe('exclusive');
  });

  it.each([
    [
      'useCometUFIFeedbackReactMutation',
      { input: { feedback_id: FEEDBACK, feedback_reaction_id: '1678524932434102' } },
      { action: 'love', op: 'add', target: FEEDBACK },
    ],
    [
      'UFI2FeedbackReactMutation',
      { input: { feedback_id: FEEDBACK, feedback_reaction_id: '1635855486666999' } },
      { action: 'like', op: 'add', target: FEEDBACK },
    ],
    [
      'useCometUFICreateCommentMutation',
      { feedLocation: 'NEWS_FEED', input: { feedback_id: FEEDBACK, message: { text: 'x' } } },
      { action: 'comment', op: 'add', target: FEEDBACK },
    ],
    ['CometUFICreateCommentMutation', { input: { feedback_id: FEEDBACK } }, { action: 'comment', op: 'add', target: FEEDBACK }],
    [
      'useCometFeedToFeedReshare_FeedToFeedMutation',
      { input: { attachments: { link: { share_scrape_data: '{"share_type":22,"share_params":[1]}' } } } },
      { action: 'share', op: 'add' },
    ],
    [
      'ComposerStoryCreateMutation',
      {
        input: { attachments: [{ link: { share_scrape_data: '{"share_type":22,"share_params":[1]}' } }], message: { text: '' } },
      },
      { action: 'share', op: 'add' },
    ],
    ['ComposerStoryCreateMutation', { input: { message: { text: 'my own post' }, attachments: [] } }, null],
    ['CometUFIReactionsDialogQuery', { feedbackTargetID: FEEDBACK }, null],
    ['CometNewsFeedPaginationQuery', { count: 3 }, null],
    ['CometIXTFacebookContentTriggerRootQuery', { input: { content_id: '1' } }, null],
  ])('matches %s', (name, variables, expected) => {
    expect(matchGraphql(comet(name, variables))).toEqual(expected);
  });

  it('reads nothing from bodies that are not Comet forms', () => {
    const url = new URL('https://www.facebook.com/api/graphql/');
    expect(matchGraphql({ url, method: 'POST', body: undefined })).toBeNull();
    expect(matchGraphql({ url, method: 'POST', body: { variables: ['{}'] } })).toBeNull();
    expect(cometOperation({ fb_api_req_friendly_name: ['X'], variables: ['{broken'] })).toEqual({
      name: 'X',
      variables: undefined,
    });
  });

  describe('photo tags', () => {
    /**
     * Hand-written bodies imitating the tagger's form POST: the 2011 PhotoTagger module's fields
     * (`cs_ver`, `pid`, `id`, `subject`, `name`, `action`, `x`, `y`, `source`) and the 2020 Comet
     * photo viewer's (`fbid`, `id`, `subject`, `name`, `action`), as the browser hands them over.
     */
    const tagging = (fields: Record<string, string>) => ({
      url: new URL('https://www.facebook.com/ajax/photo_tagging_ajax.php?av=100000000000001'),
      method: 'POST',
      body: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, [v]])),
    });
    const person = { id: '100000000000009', subject: '100000000000042', name: 'A Friend' };

    it('counts a person tagged in a photo, on the photo, without reading who', () => {
      const comet = matchPhotoTag(tagging({ fbid: '10160000000000077', ...person, action: 'add' }));
      expect(comet).toEqual({ action: 'tag', op: 'add', target: '10160000000000077' });
      const classic = tagging({ cs_ver: '2', pid: '4242', ...person, action: 'add', x: '40', y: '30', source: 'snowbox' });
      expect(matchPhotoTag(classic)).toEqual({ action: 'tag', op: 'add', target: '4242' });
      expect(JSON.stringify([comet, matchPhotoTag(classic)])).not.toMatch(/100000000000042|A Friend/);
      expect(facebook.actions.tag).toEqual({ kind: 'tag', detail: 'tag', slot: 'none' });
      expect(facebook.unconfirmed).toContain('tag');
    });

    it.each([['remove'], ['retract'], ['remove_block'], ['mark_as_spam'], ['']])('counts nothing for action=%s', (action) => {
      expect(matchPhotoTag(tagging({ fbid: '1', ...person, action }))).toBeNull();
    });

    it('counts nothing without a readable form body', () => {
      expect(matchPhotoTag({ ...tagging({}), body: undefined })).toBeNull();
      expect(matchPhotoTag({ ...tagging({}), body: { action: 'add' } })).toEqual({ action: 'tag', op: 'add', target: undefined });
    });

    it('reads exactly the tagger endpoint, with or without a query', () => {
      const rule = facebook.network.find((r) => r.match === matchPhotoTag);
      expect(rule?.urls).toEqual([
        'https://www.facebook.com/ajax/photo_tagging_ajax.php',
        'https://www.facebook.com/ajax/photo_tagging_ajax.php?*',
        'https://web.facebook.com/ajax/photo_tagging_ajax.php',
        'https://web.facebook.com/ajax/photo_tagging_ajax.php?*',
      ]);
    });
  });
});
