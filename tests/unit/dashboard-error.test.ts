// @vitest-environment happy-dom
import { h, render } from 'preact';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type * as health from '@/lib/db/health';
import type * as queries from '@/lib/db/queries';

/**
 * The dashboard when its read fails (a database that cannot be opened, a browser refusing
 * IndexedDB): it says so, with a way to read again, instead of showing "loading" for ever.
 */

let failures = 0;
/** Every read of a 7-day range fails while set (the week and the week before it). */
let weekFails = false;
vi.mock('@/lib/db/queries', async (importOriginal) => {
  const original = await importOriginal<typeof queries>();
  return {
    ...original,
    summarize: async (...args: Parameters<typeof original.summarize>) => {
      if (weekFails && args[1].length === 7) throw new Error('UnknownError: the database could not be opened');
      if (failures > 0) {
        failures--;
        throw new Error('UnknownError: the database could not be opened');
      }
      return original.summarize(...args);
    },
  };
});

/** The platforms' health, read apart after the numbers (Dashboard.tsx useHealth), fails this many times. */
let healthFailures = 0;
let healthReads = 0;
vi.mock('@/lib/db/health', async (importOriginal) => {
  const original = await importOriginal<typeof health>();
  return {
    ...original,
    healthStatus: async (...args: Parameters<typeof original.healthStatus>) => {
      healthReads++;
      if (healthFailures > 0) {
        healthFailures--;
        throw new Error('UnknownError: the health could not be read');
      }
      return original.healthStatus(...args);
    },
  };
});

let root: HTMLElement;
const main = () => root.querySelector('main') as HTMLElement;
const until = (check: () => void) => vi.waitFor(check, { timeout: 5_000, interval: 20 });

describe('dashboard read failure', () => {
  // The parts drawn after the first render are imported then (components/lazy.tsx): loaded here
  // first, so that none is still loading when a test ends and its environment goes.
  beforeAll(async () => {
    await Promise.all([
      import('@/components/UnreadableNotice'),
      import('@/components/LanguageChoice'),
      import('@/entrypoints/options/HeatMap'),
      import('@/entrypoints/options/History'),
      import('@/entrypoints/options/Tracking'),
      import('@/entrypoints/options/WeeklySettings'),
      import('@/components/HealthPanel'),
      import('@/lib/detectors/registry'),
    ]);
  });
  beforeEach(() => {
    fakeBrowser.reset();
    const i18n = fakeBrowser.i18n as unknown as { getMessage(k: string, s?: string[]): string; getUILanguage(): string };
    i18n.getMessage = (k, subs) => `${k}${subs?.length ? `(${subs.join('|')})` : ''}`;
    i18n.getUILanguage = () => 'en';
    (fakeBrowser.runtime as unknown as { getURL(p: string): string }).getURL = (p) => p;
    // The tracking settings drawn below the charts ask which sites the extension may read.
    const listeners = { addListener: () => {}, removeListener: () => {} };
    Object.assign(fakeBrowser.permissions, {
      contains: async () => true,
      getAll: async () => ({ origins: [], permissions: [] }),
      onAdded: listeners,
      onRemoved: listeners,
    });
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  it('says that the data could not be read, and reads again on request', async () => {
    failures = 2; // the range and the one before it are read at once: both fail
    const { Dashboard } = await import('@/entrypoints/options/Dashboard');
    render(h(Dashboard, {}), root);
    await until(() => expect(main().dataset.state).toBe('error'));
    const alert = root.querySelector('[role="alert"]') as HTMLElement;
    expect(alert.textContent).toContain('loadError(');
    expect(alert.textContent).toContain('the database could not be opened');
    expect(alert.querySelector('button')?.textContent).toBe('readAgain');
    (alert.querySelector('button') as HTMLButtonElement).click();
    await until(() => expect(main().dataset.state).toBe('ready'));
    expect(root.querySelector('[role="alert"]')).toBeNull();
    expect(root.querySelector('[data-testid="dash-load-error"]')).toBeNull();
  });

  it('shows no numbers of another range under a range whose read failed', async () => {
    failures = 0;
    const { Dashboard } = await import('@/entrypoints/options/Dashboard');
    render(h(Dashboard, {}), root);
    await until(() => expect(main().dataset.state).toBe('ready'));
    expect(root.querySelector('[data-testid="total"]')).not.toBeNull();
    weekFails = true;
    (root.querySelector('[data-testid="range-week"]') as HTMLButtonElement).click();
    await until(() => expect(main().dataset.state).toBe('error'));
    // The month's total is not shown under "week".
    expect(root.querySelector('[data-testid="total"]')).toBeNull();
    weekFails = false;
    (root.querySelector('[data-testid="dash-load-error"] button') as HTMLButtonElement).click();
    await until(() => expect(main().dataset.state).toBe('ready'));
    expect(root.querySelector('[data-testid="total"]')).not.toBeNull();
  });

  it('says so when the health read fails, keeps the numbers, and reads both again on request', async () => {
    failures = 0;
    healthFailures = 1;
    healthReads = 0;
    const { Dashboard } = await import('@/entrypoints/options/Dashboard');
    render(h(Dashboard, {}), root);
    await until(() => expect(main().dataset.state).toBe('error'));
    expect(root.querySelector('[data-testid="dash-load-error"]')?.textContent).toContain('the health could not be read');
    // The numbers were read: they stay under the alert.
    expect(root.querySelector('[data-testid="total"]')).not.toBeNull();
    expect(healthReads).toBe(1);
    (root.querySelector('[data-testid="dash-load-error"] button') as HTMLButtonElement).click();
    await until(() => expect(main().dataset.state).toBe('ready'));
    expect(healthReads).toBe(2);
    expect(root.querySelector('[data-testid="dash-load-error"]')).toBeNull();
  });
});
