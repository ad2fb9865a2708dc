import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPopup, resetDb, type Session, seedEvents, seriousViolations } from './harness';

let s: Session;
beforeAll(async () => {
  s = await launch();
});
afterAll(async () => {
  await s?.close();
});

const DAY = 86_400_000;

describe('empty states', () => {
  it('with nothing counted, the popup and the dashboard say how to begin and link the sites list and practice', async () => {
    await resetDb(s);
    const popup = await openPopup(s);
    const empty = popup.getByTestId('empty');
    expect(await empty.getByTestId('empty-welcome').getAttribute('href')).toBe(
      `chrome-extension://${s.extensionId}/welcome.html`,
    );
    expect(await empty.getByTestId('empty-practice').getAttribute('href')).toBe(
      `chrome-extension://${s.extensionId}/practice.html`,
    );
    expect(await popup.getByTestId('empty-period').count()).toBe(0);
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.screenshot({ path: 'test-results/empty-popup.png', fullPage: true });

    const dash = await s.context.newPage();
    await dash.goto(`chrome-extension://${s.extensionId}/options.html`);
    await dash.getByTestId('empty').waitFor();
    expect(await dash.getByTestId('empty').getByTestId('empty-welcome').count()).toBe(1);
    expect(await seriousViolations(dash)).toEqual([]);
    await dash.screenshot({ path: 'test-results/empty-dashboard.png', fullPage: true });
    await popup.close();
    await dash.close();
  });

  it('with actions only weeks ago, an empty week or day points to the longer periods', async () => {
    await resetDb(s);
    const popup = await openPopup(s);
    await seedEvents(popup, [
      { kind: 'reaction', platform: 'youtube', detail: 'like', ts: Date.now() - 20 * DAY },
      { kind: 'vote', platform: 'reddit', detail: 'up', ts: Date.now() - 21 * DAY },
    ]);
    await popup.reload();
    await popup.getByTestId('empty-period').waitFor();
    expect(await popup.getByTestId('empty').count()).toBe(0);
    expect(await popup.getByTestId('empty-period').textContent()).toMatch(/last 7 days.*dashboard/);
    await popup.screenshot({ path: 'test-results/empty-period-popup.png', fullPage: true });

    const dash = await s.context.newPage();
    await dash.goto(`chrome-extension://${s.extensionId}/options.html`);
    await dash.getByTestId('total').filter({ hasText: /^2$/ }).waitFor(); // the month has them
    await dash.getByTestId('range-week').click();
    await dash.getByTestId('empty-period').waitFor();
    expect(await dash.getByTestId('total').textContent()).toBe('0');
    expect(await seriousViolations(dash)).toEqual([]);
    await popup.close();
    await dash.close();
  });
});
