// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { fromOwnPage, requestFacts } from '@/lib/background/attribution';
import { runDetector } from '@/lib/content/runtime';
import arkose from '@/lib/detectors/arkose';
import { queryFirst } from '@/lib/detectors/dom';
import { DETECTORS } from '@/lib/detectors/registry';
import { matchesAny } from '@/lib/match-pattern';
import type { ContentMessage } from '@/lib/messages';
import { fakeHost, fixture, loadPage, matchAny, tick, trustedClick } from './helpers';

// Hand-written frame pages (tests/fixtures/arkose); the request's fields as public solvers send them.
const GAME = 'https://client-api.arkoselabs.com/fc/assets/ec-game-core/game-core/1.27.4/standard/index.html';
const FRAME = `${GAME}?session=64018386bcd5ac3a3.3916971801&r=eu-west-1&meta=3&theme=default`;
const SESSION = '64018386bcd5ac3a3.3916971801';
const answer = (over: Record<string, string> = {}) =>
  new URLSearchParams({
    session_token: SESSION,
    game_token: '71b2c3d4e5f6a7b81.0123456789',
    sid: 'eu-west-1',
    guess: 'eyJpbmRleCI6Mn0=',
    analytics_tier: '40',
    ...over,
  });
const form = (p: URLSearchParams) => Object.fromEntries([...p.keys()].map((k) => [k, p.getAll(k)]));
const post = (url: string, body: URLSearchParams) => ({
  url,
  method: 'POST',
  tabId: 3,
  frameId: 7,
  timeStamp: 1,
  initiator: 'https://client-api.arkoselabs.com',
  requestBody: { formData: form(body) },
});

describe('arkose detector', () => {
  let host = fakeHost();
  afterEach(() => {
    host.invalidate();
    host = fakeHost();
  });

  it('reads an answer posted to /fc/ca/ as one puzzle of its session, on client-api and customer subdomains', () => {
    expect(matchAny(DETECTORS, post('https://client-api.arkoselabs.com/fc/ca/', answer()))).toMatchObject({
      detector: { id: 'arkose' },
      match: { action: 'challenge', op: 'add', target: SESSION },
    });
    expect(matchAny(DETECTORS, post('https://roblox-api.arkoselabs.com/fc/ca/', answer()))?.match.target).toBe(SESSION);
  });

  it.each([
    ['no session token', answer({ session_token: '' })],
    ['a malformed session token', answer({ session_token: '<script>' })],
    ['no guess', answer({ guess: '' })],
    ['no game token', answer({ game_token: '' })],
  ])('reads nothing from an answer with %s', (_, body) => {
    expect(matchAny(DETECTORS, post('https://client-api.arkoselabs.com/fc/ca/', body))).toBeNull();
  });

  it('listens to exactly the answer endpoint, and takes requests from Arkose’s frame only', () => {
    const urls = arkose.network.flatMap((r) => r.urls);
    expect(matchesAny(urls, 'https://client-api.arkoselabs.com/fc/ca/')).toBe(true);
    for (const other of ['/fc/gt2/public_key/ABC', '/fc/gfct/', '/fc/a/', '/fc/ca/x']) {
      expect(matchesAny(urls, `https://client-api.arkoselabs.com${other}`)).toBe(false);
    }
    expect(matchesAny(urls, 'https://client-api.arkoselabs.com.evil.example/fc/ca/')).toBe(false);
    const facts = requestFacts(post('https://client-api.arkoselabs.com/fc/ca/', answer()));
    expect(facts && fromOwnPage(arkose, facts)).toBe(true);
    const fromSite = requestFacts({
      ...post('https://client-api.arkoselabs.com/fc/ca/', answer()),
      initiator: 'https://accounts.example.org',
    });
    expect(fromSite && fromOwnPage(arkose, fromSite)).toBe(false);
  });

  for (const file of ['frame.html', 'frame.fr.html']) {
    it(`finds the start screen for the self-check, and reports only gestures, in ${file}`, async () => {
      const doc = loadPage(fixture(`arkose/${file}`), FRAME);
      expect(arkose.health.pages.test(new URL(FRAME).pathname)).toBe(true);
      expect(queryFirst(doc, arkose.health.controls)).not.toBeNull();
      const sent: ContentMessage[] = [];
      runDetector(arkose, host, (m) => sent.push(m));
      (doc.querySelector('button[data-theme="home.verifyButton"]') as HTMLElement).click(); // a script's click
      await tick(200);
      expect(sent.filter((m) => m.type !== 'health')).toEqual([]);
      trustedClick(doc.querySelector('button[data-theme="home.verifyButton"]') as Element);
      await tick(10);
      expect(sent.filter((m) => m.type !== 'health').map((m) => m.type)).toEqual(['gesture']);
    });
  }
});
