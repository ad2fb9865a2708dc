// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { runDetector } from '@/lib/content/runtime';
import recaptcha from '@/lib/detectors/recaptcha';
import type { ContentMessage } from '@/lib/messages';
import { realPages } from '../real-pages';
import { collect, fakeHost, fixture, loadPage, tick, trustedClick } from './helpers';

const ANCHOR = 'https://www.google.com/recaptcha/api2/anchor?ar=1&k=6LeSITEKEY&co=aHR0cHM6Ly9zaG9w&hl=fr&v=abc&size=normal&cb=x1';
const BFRAME = 'https://www.google.com/recaptcha/api2/bframe?hl=fr&v=abc&k=6LeSITEKEY';
const spec = recaptcha.captcha;
const TEST_KEY = '6LeIxAcTAAAAAJcZVRqyHh71UMIEGNQ_MXjiZKhI';
const CAPTURE = 'recaptcha_anchor_invisible_2018-04.html';
const real = realPages(CAPTURE);

describe('recaptcha detector', () => {
  let host = fakeHost();
  afterEach(() => {
    host.invalidate();
    host = fakeHost();
  });

  it('tells the checkbox and challenge frames apart, and skips the invisible variant and other pages', () => {
    expect(spec.frameRole(new URL(ANCHOR))).toBe('checkbox');
    expect(spec.frameRole(new URL(BFRAME))).toBe('challenge');
    expect(spec.frameRole(new URL(ANCHOR.replace('api2', 'enterprise')))).toBe('checkbox');
    expect(spec.frameRole(new URL(ANCHOR.replace('size=normal', 'size=invisible')))).toBeNull();
    expect(spec.frameRole(new URL('https://www.google.com/recaptcha/api2/demo'))).toBeNull();
    // The public test key, whose widget always passes on any site.
    for (const url of [ANCHOR, BFRAME]) expect(spec.frameRole(new URL(url.replace('6LeSITEKEY', TEST_KEY)))).toBeNull();
    expect(spec.widget(new URL(BFRAME))).toBe('6LeSITEKEY');
  });

  it.skipIf(real.skip)('reports nothing in the real invisible anchor frame of 2018', async () => {
    const url = 'https://www.google.com/recaptcha/api2/anchor?k=6LdSITE&co=x&hl=ru&v=r2018&size=invisible&cb=abc';
    const doc = loadPage(real.read(CAPTURE), url);
    expect(doc.querySelector('#recaptcha-token')).not.toBeNull(); // the real frame's ids
    const sent: ContentMessage[] = [];
    runDetector(recaptcha, host, collect(sent));
    trustedClick(doc.body);
    await tick(10);
    expect(sent).toEqual([]);
  });

  it('reports "passed" only after a trusted click on the checkbox', async () => {
    const doc = loadPage(fixture('recaptcha/anchor.html'), ANCHOR);
    const sent: ContentMessage[] = [];
    runDetector(recaptcha, host, collect(sent));
    const box = doc.querySelector('#recaptcha-anchor') as HTMLElement;
    expect(spec.isPassed(doc)).toBe(false);
    box.setAttribute('aria-checked', 'true'); // no click: a script, not the user
    await tick();
    box.setAttribute('aria-checked', 'false');
    await tick();
    expect(sent).toEqual([]);
    trustedClick(box.querySelector('.recaptcha-checkbox-border') as Element);
    box.setAttribute('aria-checked', 'true');
    await tick();
    expect(sent).toMatchObject([{ type: 'captcha', platform: 'recaptcha', phase: 'passed', widget: '6LeSITEKEY' }]);
  });

  it('reports the challenge when it appears, and each verify round', async () => {
    const bframe = fixture('recaptcha/bframe.html');
    const doc = loadPage('<!doctype html><html><body></body></html>', BFRAME);
    const sent: ContentMessage[] = [];
    runDetector(recaptcha, host, collect(sent));
    await tick();
    expect(sent).toEqual([]);
    doc.body.innerHTML = /<body>([\s\S]*)<\/body>/.exec(bframe)?.[1] ?? '';
    await tick();
    trustedClick(doc.querySelector('#recaptcha-verify-button') as Element);
    trustedClick(doc.querySelector('#recaptcha-verify-button') as Element);
    await tick();
    expect(sent.map((m) => m.type === 'captcha' && m.phase)).toEqual(['shown', 'round', 'round']);
  });
});
