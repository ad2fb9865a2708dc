// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { runDetector } from '@/lib/content/runtime';
import { queryFirst } from '@/lib/detectors/dom';
import linkedin, { activityId, matchSdui, matchVoyager } from '@/lib/detectors/linkedin';
import type { ContentMessage } from '@/lib/messages';
import { collect, fakeHost, fixture, loadPage, tick, trustedClick } from './helpers';

const POST = 'https://www.linkedin.com/feed/update/urn:li:activity:7000000000000000001/';
const ID = '7000000000000000001';
const thread = { threadUrnActivityThreadUrn: { activityUrn: { activityId: ID } } };

const sdui = (operation: string, payload: unknown) => ({
  url: new URL(`https://www.linkedin.com/flagship-web/rsc-action/actions/server-request?sduiid=${operation}`),
  method: 'POST',
  body: { requestId: operation, serverRequest: { requestId: operation, requestedArguments: { payload } }, states: [] },
});

describe('linkedin detector', () => {
  let host = fakeHost();
  afterEach(() => {
    host.invalidate();
    host = fakeHost();
  });

  it.each([['linkedin/feed.html'], ['linkedin/feed.fr.html']])(
    'counts a comment once its editor empties (%s), and nothing for an empty submit',
    async (file) => {
      const doc = loadPage(fixture(file), POST);
      expect(linkedin.health.pages.test(new URL(POST).pathname)).toBe(true);
      expect(queryFirst(doc, linkedin.health.controls)).not.toBeNull();
      const sent: ContentMessage[] = [];
      runDetector(linkedin, host, collect(sent));
      const editor = doc.querySelector('.ql-editor') as HTMLElement;
      const submit = doc.querySelector('button[class*="comments-comment-box__submit-button"] span') as Element;
      trustedClick(submit); // empty editor: nothing to take
      await tick(300);
      expect(sent).toEqual([]);
      editor.innerHTML = '<p>Well said</p>';
      trustedClick(submit);
      editor.innerHTML = '<p><br></p>';
      await tick(400);
      expect(sent).toMatchObject([{ type: 'sighting', platform: 'linkedin', action: 'comment', op: 'add' }]);
    },
  );

  it('reads activity ids from urns', () => {
    expect(activityId(`urn:li:activity:${ID}`)).toBe(ID);
    expect(activityId('urn:li:ugcPost:1')).toBe('urn:li:ugcPost:1');
    expect(activityId(undefined)).toBeUndefined();
  });

  it.each([
    ['LIKE', 'like'],
    ['PRAISE', 'praise'],
    ['EMPATHY', 'empathy'],
    ['INTEREST', 'interest'],
    ['APPRECIATION', 'appreciation'],
    ['ENTERTAINMENT', 'entertainment'],
  ])('maps the SDUI reaction %s to %s on the post, and its delete to an undo', (type, action) => {
    const payload = { threadUrn: thread, reactionSource: 'Update', reactionType: `ReactionType_${type}` };
    expect(matchSdui(sdui('com.linkedin.sdui.reactions.create', payload))).toEqual({ action, op: 'add', target: ID });
    expect(matchSdui(sdui('com.linkedin.sdui.reactions.delete', payload))).toEqual({ action, op: 'undo', target: ID });
  });

  it.each([
    [
      'com.linkedin.sdui.reactions.create',
      { threadUrn: thread, reactionType: 'LIKE' },
      { action: 'like', op: 'add', target: ID },
    ],
    [
      'com.linkedin.sdui.reactions.create',
      {
        threadUrn: { threadUrnCommentThreadUrn: { commentUrn: { commentId: '4242', thread: `urn:li:activity:${ID}` } } },
        reactionType: 'ReactionType_PRAISE',
      },
      { action: 'praise', op: 'add', target: 'comment:4242' },
    ],
    ['com.linkedin.sdui.reactions.create', { threadUrn: thread, reactionType: 'ReactionType_FUNNY' }, null],
    ['com.linkedin.sdui.reactions.delete', { threadUrn: thread }, { action: 'like', op: 'undo', target: ID }],
    [
      'com.linkedin.sdui.comments.createComment',
      { commentary: { text: 'x' }, threadUrn: thread },
      { action: 'comment', op: 'add', target: ID },
    ],
    ['com.linkedin.sdui.feed.requests.createInstantRepost', { threadUrn: thread }, { action: 'repost', op: 'add', target: ID }],
    ['com.linkedin.sdui.update.saveState', { isSaved: true }, null],
    ['com.linkedin.sdui.requests.comments.courtesyReminder', {}, null],
    ['com.linkedin.sdui.comments.deleteComment', { commentUrn: { commentId: '1' } }, null],
  ])('matches SDUI %s', (operation, payload, expected) => {
    expect(matchSdui(sdui(operation, payload))).toEqual(expected);
  });

  it('reads the operation from the body when the query lacks it, and nothing without one', () => {
    const req = sdui('com.linkedin.sdui.comments.createComment', { threadUrn: thread });
    req.url = new URL('https://www.linkedin.com/flagship-web/rsc-action/actions/server-request');
    expect(matchSdui(req)).toEqual({ action: 'comment', op: 'add', target: ID });
    expect(matchSdui({ url: req.url, method: 'POST', body: undefined })).toBeNull();
  });

  const voyager = (path: string, body: unknown) => ({ url: new URL(`https://www.linkedin.com${path}`), method: 'POST', body });
  it.each([
    [
      `/voyager/api/voyagerSocialDashReactions?threadUrn=urn%3Ali%3Aactivity%3A${ID}`,
      { reactionType: 'EMPATHY' },
      { action: 'empathy', op: 'add', target: ID },
    ],
    [`/voyager/api/voyagerSocialDashReactions?threadUrn=urn%3Ali%3Aactivity%3A${ID}`, { reactionType: 'UNKNOWN' }, null],
    [
      '/voyager/api/voyagerSocialDashNormComments?decorationId=com.linkedin.voyager.dash.deco.social.NormComment-43',
      { commentary: { text: 'x', attributesV2: [] }, threadUrn: `urn:li:activity:${ID}` },
      { action: 'comment', op: 'add', target: ID },
    ],
    [
      '/voyager/api/graphql?action=execute&queryId=voyagerSocialDashReactions.b731222600772fd42464c0fe19bd722b',
      {
        variables: { threadUrn: `urn:li:activity:${ID}`, entity: { reactionType: 'PRAISE' } },
        queryId: 'voyagerSocialDashReactions.b731222600772fd42464c0fe19bd722b',
      },
      { action: 'praise', op: 'add', target: ID },
    ],
    [
      '/voyager/api/graphql?action=execute&queryId=voyagerContentcreationDashShares.279996efa5064c01775d5aff003d9377',
      { variables: { post: { commentary: { text: 'x' } } } },
      null,
    ],
    [
      '/voyager/api/graphql?variables=(count:10,start:0)&queryId=voyagerSocialDashReactions.56bde53f0c6873eb4870f5a25da96573',
      undefined,
      null,
    ],
    ['/voyager/api/voyagerMessagingDashMessengerMessages?action=createMessage', { message: {} }, null],
  ])('matches Voyager %s', (path, body, expected) => {
    expect(matchVoyager(voyager(path, body))).toEqual(expected);
  });
});
