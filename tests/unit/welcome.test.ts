import { describe, expect, it, vi } from 'vitest';
import { WELCOME_PATH, welcomeOnInstall } from '@/lib/background/welcome';
import { DETECTORS } from '@/lib/detectors/registry';
import { platformRows } from '@/lib/welcome';

describe('welcome page on install', () => {
  const url = (p: string) => `chrome-extension://abc${p}`;

  it('opens the welcome page once on a first installation', async () => {
    const open = vi.fn(async () => {});
    expect(await welcomeOnInstall({ reason: 'install' }, open, url)).toBe(true);
    expect(open).toHaveBeenCalledExactlyOnceWith(`chrome-extension://abc${WELCOME_PATH}`);
  });

  it('opens nothing on an update of the extension, of the browser, or of a shared module', async () => {
    const open = vi.fn(async () => {});
    for (const reason of ['update', 'browser_update', 'chrome_update', 'shared_module_update'])
      expect(await welcomeOnInstall({ reason }, open, url), reason).toBe(false);
    expect(open).not.toHaveBeenCalled();
  });
});

describe('the welcome page’s platform list', () => {
  const rows = platformRows(DETECTORS);

  it('has every platform of the registry, in its order, each with the kinds its detector counts', () => {
    expect(rows.map((r) => r.id)).toEqual(DETECTORS.map((d) => d.id));
    for (const [i, r] of rows.entries()) {
      const kinds = new Set(Object.values(DETECTORS[i]?.actions ?? {}).map((a) => a.kind));
      expect(new Set(r.kinds), r.id).toEqual(kinds);
      expect(r.kinds.length, r.id).toBeGreaterThan(0);
    }
  });

  it('names each kind once, and marks the unconfirmed actions by their detail', () => {
    const youtube = rows.find((r) => r.id === 'youtube');
    expect(youtube?.kinds).toContain('reaction');
    expect(new Set(youtube?.kinds).size).toBe(youtube?.kinds.length);
    expect(youtube?.unconfirmed).toEqual(['playlist']);
    expect(youtube?.beneficiary).toBe('alphabet');
    for (const [i, r] of rows.entries()) {
      expect(r.unconfirmed.length > 0, r.id).toBe((DETECTORS[i]?.unconfirmed?.length ?? 0) > 0);
      expect(new Set(r.unconfirmed).size, r.id).toBe(r.unconfirmed.length);
    }
    expect(rows.some((r) => r.unconfirmed.length === 0)).toBe(true);
  });
});
