// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { runDetector } from '@/lib/content/runtime';
import reddit from '@/lib/detectors/reddit';
import stackoverflow from '@/lib/detectors/stackoverflow';
import type { Detector } from '@/lib/detectors/types';
import x from '@/lib/detectors/x';
import type { ContentMessage } from '@/lib/messages';
import { fakeHost, fixture, loadPage, matchAny, tick, trustedClick } from './helpers';

const enc = new TextEncoder();
/** A request as webRequest reports it: form fields, or a raw JSON body. */
const form = (url: string, fields: Record<string, string>) => ({
  url,
  method: 'POST',
  tabId: 1,
  timeStamp: 0,
  requestBody: { formData: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, [v]])) },
});
const json = (url: string, body: unknown) => ({
  url,
  method: 'POST',
  tabId: 1,
  timeStamp: 0,
  requestBody: { raw: [{ bytes: enc.encode(JSON.stringify(body)).buffer as ArrayBuffer }] },
});
const hit = (d: Detector, req: Parameters<typeof matchAny>[1]) => {
  const h = matchAny([d], req);
  if (!h) return null;
  const spec = d.actions[h.match.action];
  return `${spec?.kind}/${spec?.detail}:${h.match.op}:${h.match.target}`;
};

describe('moderation requests', () => {
  it.each([
    [form('https://old.reddit.com/api/approve', { id: 't3_1abcde', uh: 'x' }), 'moderation/approve:add:t3_1abcde'],
    [form('https://old.reddit.com/api/remove', { id: 't1_k9xyz01', spam: 'false', uh: 'x' }), 'moderation/remove:add:t1_k9xyz01'],
    [form('https://www.reddit.com/api/remove', { id: 't3_1abcde', spam: 'true' }), 'moderation/remove:add:t3_1abcde'],
    [form('https://old.reddit.com/api/approve', { id: 'not-a-fullname' }), null],
    [form('https://old.reddit.com/api/unapprove', { id: 't3_1abcde' }), null],
    [form('https://old.reddit.com/api/ignore_reports', { id: 't3_1abcde' }), null],
  ])('reddit %#', (req, expected) => {
    expect(hit(reddit, req)).toEqual(expected);
  });

  it.each([
    [
      form('https://stackoverflow.com/review/task-reviewed/41000007', { fkey: 'k', result: '3' }),
      'moderation/review-task:add:41000007',
    ],
    [form('https://stackoverflow.com/review/next-task/41000007', { fkey: 'k' }), null],
    [
      form('https://stackoverflow.com/flags/questions/77000002/close/add', { fkey: 'k', closeReasonId: 'Duplicate' }),
      'moderation/close-vote:add:77000002',
    ],
    [
      form('https://stackoverflow.com/flags/questions/77000002/close/retract', { fkey: 'k' }),
      'moderation/close-vote:undo:77000002',
    ],
    [form('https://stackoverflow.com/flags/questions/77000003/reopen/add', { fkey: 'k' }), 'moderation/close-vote:add:77000003'],
    [form('https://stackoverflow.com/flags/questions/77000003/reopen/retract', { fkey: 'k' }), null],
    [form('https://stackoverflow.com/flags/posts/77000002/add/PostSpam', { fkey: 'k' }), 'report/flag:add:77000002'],
  ])('stackoverflow %#', (req, expected) => {
    expect(hit(stackoverflow, req)).toEqual(expected);
  });

  const rating = { note_id: '1981400000000000001', tweet_id: '19', data_v2: { helpfulness_level: 'Helpful' } };
  it.each([
    [
      json('https://x.com/i/api/graphql/gbshFt1Vmddrlio4vHWhhQ/BirdwatchCreateRating', { variables: rating }),
      'moderation/note-rating:add:1981400000000000001',
    ],
    [
      json('https://x.com/i/api/graphql/OpvCOyOoQClUND66zDzrnA/BirdwatchDeleteRating', {
        variables: { note_id: '1981400000000000001' },
      }),
      'moderation/note-rating:undo:1981400000000000001',
    ],
    [
      json('https://twitter.com/i/api/graphql/36EUZZyaciVmNrq4CRZcmw/BirdwatchCreateNote', {
        variables: { tweet_id: '19', data_v1: {} },
      }),
      'moderation/note:add:19',
    ],
    [json('https://x.com/i/api/graphql/ZGMhf1M7kPKMOhEk1nz0Yw/BirdwatchFetchNotes', { variables: { tweet_id: '19' } }), null],
  ])('x %#', (req, expected) => {
    expect(hit(x, req)).toEqual(expected);
  });
});

describe('moderation pages', () => {
  let host = fakeHost();
  afterEach(() => {
    host.invalidate();
    host = fakeHost();
  });

  // Network-only actions count after the user's own gesture on the page: the click must send one.
  it.each([
    [reddit, 'reddit/modqueue-old.html', 'https://old.reddit.com/r/clickworktest/about/modqueue/', '.big-mod-buttons .positive'],
    [stackoverflow, 'stackoverflow/review-close.html', 'https://stackoverflow.com/review/close/41000007', '.js-action-button'],
    [x, 'x/community-note.html', 'https://x.com/TestUser123/status/1981398750557065646', '[data-level="Helpful"]'],
  ] as const)(
    '%#: a trusted click on a moderation control is a gesture and nothing else; a script click is not',
    async (d, file, url, control) => {
      const doc = loadPage(fixture(file), url);
      const sent: ContentMessage[] = [];
      runDetector(d, host, (m) => {
        if (m.type !== 'health') sent.push(m);
      });
      (doc.querySelector(control) as HTMLElement).click();
      await tick();
      expect(sent).toEqual([]);
      trustedClick(doc.querySelector(control) as Element);
      await tick();
      expect(sent.map((m) => m.type)).toEqual(['gesture']);
    },
  );
});
