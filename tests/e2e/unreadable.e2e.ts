import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPopup, putRawRows, resetDb, type Session, seedEvents } from './harness';

// Issue 12, finding "one malformed row breaks pages": the popup and the dashboard skip, count and
// show unreadable rows, and repair them.

const noonToday = () => {
  const d = new Date();
  return new Date(d.getFullYear(), d.getMonth(), d.getDate(), 12).getTime();
};
const today = () => {
  const d = new Date(noonToday());
  const pad = (n: number) => (n < 10 ? `0${n}` : String(n));
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

/** Three likes today, then two unreadable totals of today and one unreadable event. */
async function seedBroken(s: Session) {
  await resetDb(s);
  const popup = await openPopup(s);
  const t = noonToday();
  await seedEvents(
    popup,
    [0, 1, 2].map((i) => ({ kind: 'reaction', platform: 'youtube', detail: 'like', ts: t - i * 60_000 })),
  );
  const day = today();
  await putRawRows(popup, 'daily', [
    { day, platform: 'youtube', kind: 'bogus', detail: 'x', count: 1, measuredMs: 0, measuredCount: 0 },
    { day, platform: 'reddit', kind: 'vote', detail: 'up', count: '7', measuredMs: 0, measuredCount: 0 },
  ]);
  await putRawRows(popup, 'events', [{ kind: 7, platform: 'youtube', detail: 'like', ts: t + 60_000, signal: 'dom' }]);
  await popup.close();
}

async function popupWithNotice(s: Session) {
  const popup = await s.context.newPage();
  await popup.setViewportSize({ width: 420, height: 600 });
  await popup.goto(`chrome-extension://${s.extensionId}/popup.html`);
  await popup.locator('main[data-state="ready"]').waitFor();
  return popup;
}

describe('unreadable rows, in English', () => {
  let s: Session;
  beforeAll(async () => {
    s = await launch();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('the popup and the dashboard leave them out, say how many, and the repair removes them', async () => {
    await seedBroken(s);
    const popup = await popupWithNotice(s);
    // The popup reads the week's totals (two unreadable ones today) and each platform's latest
    // event for its health line (the unreadable event is YouTube's latest).
    expect(await popup.getByTestId('unreadable').locator('p').first().textContent()).toBe(
      '3 rows could not be read: they are left out of every total. Repair: fix or remove them',
    );
    expect(await popup.getByTestId('period-today').locator('strong').textContent()).toBe('3');
    expect(await popup.getByTestId('total').textContent()).toBe('3');
    await popup.screenshot({ path: 'test-results/popup-unreadable.png' });

    const dash = await s.context.newPage();
    await dash.setViewportSize({ width: 1280, height: 1000 });
    await dash.goto(`chrome-extension://${s.extensionId}/options.html`);
    await dash.getByTestId('total').filter({ hasText: /^3$/ }).waitFor();
    // The dashboard meets the same three (totals, history, heat map, health): each counted once.
    await dash
      .getByTestId('unreadable')
      .filter({ hasText: /^3 rows could not be read/ })
      .waitFor();
    await expect.poll(() => dash.getByTestId('history').locator('tbody tr').count()).toBe(3);

    await dash.getByTestId('repair').click();
    await dash
      .getByTestId('repair-status')
      .filter({ hasText: /^Repaired: 3 removed, 0 fixed/ })
      .waitFor();
    expect(await dash.getByTestId('repair').count()).toBe(0);
    await dash.getByTestId('total').filter({ hasText: /^3$/ }).waitFor();
    await popup.reload();
    await popup.locator('main[data-state="ready"]').waitFor();
    expect(await popup.getByTestId('unreadable').count()).toBe(0);
    expect(await popup.getByTestId('total').textContent()).toBe('3');
    await dash.close();
    await popup.close();
  });
});

describe('unreadable rows, in French', () => {
  let s: Session;
  beforeAll(async () => {
    s = await launch({ lang: 'fr' });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('the popup says so in French', async () => {
    await seedBroken(s);
    const popup = await popupWithNotice(s);
    expect(await popup.getByTestId('unreadable').locator('p').first().textContent()).toBe(
      '3 lignes n’ont pas pu être lues : elles sont laissées hors de tous les totaux. Réparer : les corriger ou les supprimer',
    );
    expect(await popup.getByTestId('total').textContent()).toBe('3');
    await popup.screenshot({ path: 'test-results/popup-unreadable-fr.png' });
    await popup.close();
  });
});
