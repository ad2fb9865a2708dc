// @vitest-environment happy-dom
import { expect, it } from 'vitest';
import { runDetector } from '@/lib/content/runtime';
import hcaptcha from '@/lib/detectors/hcaptcha';
import turnstile from '@/lib/detectors/turnstile';
import type { ContentMessage } from '@/lib/messages';
import { collect, fakeHost, fixture, loadPage, tick, trustedClick } from './helpers';

// The runtime's hooks for providers whose state is not on the checkbox (passRoot) or that unhide
// an already drawn puzzle (aria-hidden), with the helper's fixtures.
it('turnstile: passed after a trusted click once #success shows', async () => {
  const url =
    'https://challenges.cloudflare.com/cdn-cgi/challenge-platform/h/b/turnstile/if/ov2/av0/rcv/iooog/0x4AAAAAAAB5MBip7H_Q8dlq/dark/fbE/new/normal/auto/';
  const doc = loadPage(fixture('turnstile/widget.html'), url);
  const t = doc.querySelector('template') as HTMLTemplateElement;
  const root = doc.body.attachShadow({ mode: 'closed' });
  root.append(t.content.cloneNode(true));
  t.remove();
  (globalThis as unknown as { chrome?: unknown }).chrome = {
    dom: { openOrClosedShadowRoot: (el: Element) => (el === doc.body ? root : null) },
  };
  const host = fakeHost();
  const sent: ContentMessage[] = [];
  runDetector(turnstile, host, collect(sent));
  (root.querySelector('#success') as HTMLElement).style.display = 'flex'; // non-interactive pass: not counted
  await tick();
  (root.querySelector('#success') as HTMLElement).style.display = 'none';
  await tick();
  expect(sent).toEqual([]);
  trustedClick(root.querySelector('input') as Element);
  (root.querySelector('#verifying') as HTMLElement).style.display = 'flex';
  await tick();
  (root.querySelector('#success') as HTMLElement).style.display = 'flex';
  await tick();
  expect(sent).toMatchObject([{ type: 'captcha', platform: 'turnstile', phase: 'passed', widget: 'iooog' }]);
  host.invalidate();
});

it('hcaptcha: a task drawn hidden then only unhidden is seen', async () => {
  const url = 'https://newassets.hcaptcha.com/captcha/v1/abc/static/hcaptcha.html#frame=challenge&id=0x1&sitekey=k';
  const doc = loadPage(fixture('hcaptcha/challenge.html').replace('aria-hidden="false"', 'aria-hidden="true"'), url);
  const host = fakeHost();
  const sent: ContentMessage[] = [];
  runDetector(hcaptcha, host, collect(sent));
  await tick();
  expect(sent).toEqual([]);
  doc.body.setAttribute('aria-hidden', 'false');
  await tick();
  expect(sent).toMatchObject([{ phase: 'shown' }]);
  host.invalidate();
});

it('turnstile: the health check finds the panels inside the closed root', async () => {
  const url =
    'https://challenges.cloudflare.com/cdn-cgi/challenge-platform/h/b/turnstile/if/ov2/av0/rcv/iooog/0x4AAAAAAAB5MBip7H_Q8dlq/dark/fbE/new/normal/auto/';
  const doc = loadPage(fixture('turnstile/widget.html'), url);
  const t = doc.querySelector('template') as HTMLTemplateElement;
  const root = doc.body.attachShadow({ mode: 'closed' });
  root.append(t.content.cloneNode(true));
  t.remove();
  (globalThis as unknown as { chrome?: unknown }).chrome = {
    dom: { openOrClosedShadowRoot: (el: Element) => (el === doc.body ? root : null) },
  };
  const host = fakeHost();
  const sent: ContentMessage[] = [];
  runDetector(turnstile, host, (m) => sent.push(m));
  await tick(1_700);
  expect(sent).toMatchObject([{ type: 'health', platform: 'turnstile', ok: true }]);
  host.invalidate();
});
