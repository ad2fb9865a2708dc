import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { announce, onEventsChanged, pageMessageType } from '@/lib/page-messages';
import { root } from './helpers';

describe('page messages', () => {
  beforeEach(() => fakeBrowser.reset());

  it('knows the three page messages and nothing else', () => {
    for (const type of ['events-changed', 'tracking-changed', 'status'] as const) expect(pageMessageType({ type })).toBe(type);
    for (const m of [null, undefined, 'events-changed', {}, { type: 'sighting' }, { type: 'Status' }, { type: 1 }])
      expect(pageMessageType(m), JSON.stringify(m)).toBeUndefined();
  });

  it('calls a page’s listener on a data change only, until it stops listening', async () => {
    let calls = 0;
    const stop = onEventsChanged(() => calls++);
    await fakeBrowser.runtime.onMessage.trigger({ type: 'tracking-changed' }, {}, () => {});
    await fakeBrowser.runtime.onMessage.trigger({ type: 'events-changed' }, {}, () => {});
    expect(calls).toBe(1);
    stop();
    await fakeBrowser.runtime.onMessage.trigger({ type: 'events-changed' }, {}, () => {});
    expect(calls).toBe(1);
  });

  it('announces without throwing when nobody listens', () => {
    expect(() => announce('events-changed')).not.toThrow();
  });

  it('is the only place a page or the background writes a message type as a string', () => {
    const offenders: string[] = [];
    for (const dir of ['entrypoints', 'components', 'lib']) {
      for (const f of readdirSync(resolve(root, dir), { recursive: true, encoding: 'utf8' })) {
        if (!/\.tsx?$/.test(f) || f === 'page-messages.ts') continue;
        const text = readFileSync(resolve(root, dir, f), 'utf8');
        // A message sent as a literal, or read by casting: the typed helpers of lib/page-messages.ts instead.
        if (/sendMessage\(\{\s*type:\s*'|\?\.type === '(events-changed|tracking-changed|status)'/.test(text))
          offenders.push(`${dir}/${f}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
