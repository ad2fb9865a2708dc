// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { runDetector } from '@/lib/content/runtime';
import hcaptcha from '@/lib/detectors/hcaptcha';
import { matchesAny } from '@/lib/match-pattern';
import type { ContentMessage } from '@/lib/messages';
import { realPages } from '../real-pages';
import { collect, fakeHost, fixture, loadPage, tick, trustedClick } from './helpers';

// Frame addresses as hCaptcha builds them (hash parameters in their real order, 2024–2025).
const BASE = 'https://newassets.hcaptcha.com/captcha/v1/1e9e51ba5714f871a66b1530e7d8e099ceb58c4d/static/hcaptcha.html';
const HASH =
  'id=0snlscf4xne&host=shop.example&sentry=true&reportapi=https%3A%2F%2Faccounts.hcaptcha.com&recaptchacompat=true&custom=false&hl=en&tplinks=on&andint=off&sitekey=463b917e-e264-403f-ad34-34af0ee10294&theme=light&origin=https%3A%2F%2Fshop.example';
const CHECKBOX = `${BASE}#frame=checkbox&${HASH}`;
const CHALLENGE = `${BASE}#frame=challenge&${HASH}&size=normal`;
const spec = hcaptcha.captcha;
const CAPTURE = 'hcaptcha_in_cloudflare_challenge_host_2022-07.html';
const real = realPages(CAPTURE);

const bodyOf = (html: string) => /<body[^>]*>([\s\S]*)<\/body>/.exec(html)?.[1] ?? '';

function keydown(el: Element, key: string): void {
  const e = new KeyboardEvent('keydown', { key, bubbles: true, composed: true });
  Object.defineProperty(e, 'isTrusted', { value: true });
  el.dispatchEvent(e);
}

describe('hcaptcha detector', () => {
  let host = fakeHost();
  afterEach(() => {
    host.invalidate();
    host = fakeHost();
  });

  it('runs in both frames (the role is in the hash, which match patterns ignore) and tells them apart', () => {
    expect(matchesAny(hcaptcha.matches, CHECKBOX)).toBe(true);
    expect(matchesAny(hcaptcha.matches, CHALLENGE)).toBe(true);
    expect(matchesAny(hcaptcha.matches, 'https://accounts.hcaptcha.com/demo')).toBe(false);
    expect(spec.frameRole(new URL(CHECKBOX))).toBe('checkbox');
    expect(spec.frameRole(new URL(CHALLENGE))).toBe('challenge');
    // The hash may start with other parameters (an enterprise endpoint).
    expect(spec.frameRole(new URL(`${BASE}#endpoint=https%3A%2F%2Fapi.hcaptcha.com&frame=challenge&id=0x1`))).toBe('challenge');
    expect(spec.frameRole(new URL(CHECKBOX.replace('newassets.', 'assets.')))).toBe('checkbox');
    expect(spec.frameRole(new URL(`${BASE}#frame=challenge&${HASH}&size=invisible`))).toBeNull();
    expect(spec.frameRole(new URL(BASE))).toBeNull();
    expect(spec.frameRole(new URL('https://newassets.hcaptcha.com/captcha/v1/abc/static/i18n/fr.json'))).toBeNull();
    // Both frames of one widget correlate on its id, not on the site key shared by all widgets of a page.
    expect(spec.widget(new URL(CHECKBOX))).toBe('0snlscf4xne');
    expect(spec.widget(new URL(CHALLENGE))).toBe('0snlscf4xne');
    expect(spec.widget(new URL(`${BASE}#frame=checkbox&sitekey=abc`))).toBe('abc');
  });

  it('watches no frame of a widget drawn with one of the public test keys (any site can draw one that always passes)', () => {
    for (const key of [
      '10000000-ffff-ffff-ffff-000000000001',
      '20000000-ffff-ffff-ffff-000000000002',
      '30000000-ffff-ffff-ffff-000000000003',
    ])
      for (const url of [CHECKBOX, CHALLENGE]) {
        const test = url.replace('463b917e-e264-403f-ad34-34af0ee10294', key);
        expect(spec.frameRole(new URL(test)), test).toBeNull();
      }
  });

  it.skipIf(real.skip)(
    'counts nothing on the real host page of 2022 (Cloudflare challenge), its widget ids being what the frames carry',
    async () => {
      const doc = loadPage(real.read(CAPTURE), 'https://0magnet.com/search?q=2022');
      const frames = [...doc.querySelectorAll('iframe[data-hcaptcha-widget-id]')];
      expect(frames.map((f) => f.getAttribute('data-hcaptcha-widget-id'))).toEqual(['0tiueg8lyuj', '10tlmhzz0qyq']);
      expect(doc.querySelectorAll('textarea[name="h-captcha-response"]')).toHaveLength(2);
      expect(spec.frameRole(new URL(doc.location.href))).toBeNull();
      const sent: ContentMessage[] = [];
      runDetector(hcaptcha, host, collect(sent));
      for (const el of doc.querySelectorAll('button, a, iframe, div')) trustedClick(el);
      await tick(10);
      expect(sent).toEqual([]);
    },
  );

  for (const [lang, file] of [
    ['English', 'hcaptcha/checkbox.html'],
    ['French', 'hcaptcha/checkbox.fr.html'],
  ] as const) {
    it(`reports "passed" only after a trusted click on the checkbox (${lang} labels)`, async () => {
      const doc = loadPage(fixture(file), CHECKBOX.replace('hl=en', lang === 'French' ? 'hl=fr' : 'hl=en'));
      const sent: ContentMessage[] = [];
      runDetector(hcaptcha, host, collect(sent));
      const box = doc.querySelector('#checkbox') as HTMLElement;
      expect(spec.isPassed(doc)).toBe(false);
      box.setAttribute('aria-checked', 'true'); // the page, not the user
      await tick();
      box.setAttribute('aria-checked', 'false');
      box.click(); // a click from script is not trusted
      box.setAttribute('aria-checked', 'true');
      await tick();
      box.setAttribute('aria-checked', 'false');
      await tick();
      expect(sent).toEqual([]);
      trustedClick(doc.querySelector('#checkbox') as Element);
      box.setAttribute('aria-checked', 'true');
      await tick();
      expect(sent).toMatchObject([{ type: 'captcha', platform: 'hcaptcha', phase: 'passed', widget: '0snlscf4xne' }]);
    });
  }

  it('arms on the keyboard too (Space on the focused checkbox), and not on other keys', async () => {
    const doc = loadPage(fixture('hcaptcha/checkbox.html'), CHECKBOX);
    const sent: ContentMessage[] = [];
    runDetector(hcaptcha, host, collect(sent));
    const box = doc.querySelector('#checkbox') as HTMLElement;
    keydown(box, 'Tab');
    box.setAttribute('aria-checked', 'true');
    await tick();
    box.setAttribute('aria-checked', 'false');
    await tick();
    expect(sent).toEqual([]);
    keydown(box, ' ');
    box.setAttribute('aria-checked', 'true');
    await tick();
    expect(sent).toMatchObject([{ phase: 'passed' }]);
  });

  it('a click on the privacy link or the label text arms nothing', async () => {
    const doc = loadPage(fixture('hcaptcha/checkbox.html'), CHECKBOX);
    const sent: ContentMessage[] = [];
    runDetector(hcaptcha, host, collect(sent));
    const link = doc.querySelector('.terms a') as HTMLElement;
    link.addEventListener('click', (e) => e.preventDefault());
    trustedClick(link);
    trustedClick(doc.querySelector('#label') as Element);
    (doc.querySelector('#checkbox') as HTMLElement).setAttribute('aria-checked', 'true');
    await tick();
    expect(sent).toEqual([]);
  });

  it('reports the challenge when its task appears in the unhidden frame, and each submitted page', async () => {
    const doc = loadPage('<!doctype html><html><body aria-hidden="true"></body></html>', CHALLENGE);
    const sent: ContentMessage[] = [];
    runDetector(hcaptcha, host, collect(sent));
    await tick();
    // hCaptcha may render the task while the frame is still hidden: not shown yet.
    const html = fixture('hcaptcha/challenge.html');
    doc.body.innerHTML = bodyOf(html);
    await tick();
    expect(spec.isChallengeShown(doc)).toBe(false);
    expect(sent).toEqual([]);
    // Shown: the body is unhidden, the grid is (re)drawn.
    doc.body.setAttribute('aria-hidden', 'false');
    doc.body.innerHTML = bodyOf(html);
    await tick();
    expect(spec.isChallengeShown(doc)).toBe(true);
    const submit = doc.querySelector('.button-submit') as Element;
    trustedClick(doc.querySelectorAll('.task-image')[2] as Element); // choosing a tile is not a round
    trustedClick(submit.querySelector('.text') as Element);
    (submit as HTMLElement).click(); // untrusted
    trustedClick(submit);
    await tick();
    expect(sent.map((m) => m.type === 'captcha' && m.phase)).toEqual(['shown', 'round', 'round']);
    expect(sent.every((m) => m.type === 'captcha' && m.widget === '0snlscf4xne')).toBe(true);
  });

  it('reports nothing in the challenge frame of the invisible variant', async () => {
    const doc = loadPage(fixture('hcaptcha/challenge.html'), `${BASE}#frame=challenge&${HASH}&size=invisible`);
    const sent: ContentMessage[] = [];
    runDetector(hcaptcha, host, collect(sent));
    trustedClick(doc.querySelector('.button-submit') as Element);
    await tick();
    expect(sent).toEqual([]);
  });
});
