import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPopup, resetDb, type Session, seriousViolations, storedEvents } from './harness';

/** A moment `days` from now, as the form's date field takes it (YYYY-MM-DD, local). */
const dayFromNow = (days: number) => {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** The popup form's good entry: 3 Amazon reviews today at 00:01, 20 minutes stated. */
async function addThreeReviews(popup: Page): Promise<void> {
  const form = popup.getByTestId('manual-popup');
  if ((await form.getAttribute('open')) === null) await form.locator('summary').click();
  await popup.locator('#popup-manual-platform').selectOption('amazon');
  await popup.locator('#popup-manual-kind').selectOption('review');
  await popup.locator('#popup-manual-count').fill('3');
  await popup.locator('#popup-manual-when').fill(dayFromNow(0));
  await popup.locator('#popup-manual-time').fill('00:01');
  await popup.locator('#popup-manual-minutes').fill('20');
  await popup.getByTestId('popup-manual-submit').click();
  await expect
    .poll(() => popup.getByTestId('popup-manual-status').textContent())
    .toBe('Added by hand: 3 actions, Reviews, Amazon.');
}

describe('hand-entered actions (English)', () => {
  let s: Session;
  beforeAll(async () => {
    s = await launch();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('from the popup: bad values are refused next to their field and nothing is stored; a good entry is counted and marked', async () => {
    await resetDb(s);
    const popup = await openPopup(s);
    await popup.getByTestId('manual-popup').locator('summary').click();
    await popup.locator('#popup-manual-platform').selectOption('amazon');
    await popup.locator('#popup-manual-kind').selectOption('review');
    await popup.locator('#popup-manual-count').fill('0');
    await popup.locator('#popup-manual-when').fill(dayFromNow(2));
    await popup.locator('#popup-manual-minutes').fill('900');
    await popup.getByTestId('popup-manual-submit').click();
    await expect.poll(() => popup.getByTestId('popup-manual-status').textContent()).toBe('Not added: correct the marked fields.');
    expect(await popup.getByTestId('popup-manual-count-error').textContent()).toBe('Enter a whole number from 1 to 1,000.');
    expect(await popup.getByTestId('popup-manual-when-error').textContent()).toBe(
      'This moment is in the future: enter when you did it.',
    );
    expect(await popup.getByTestId('popup-manual-minutes-error').textContent()).toContain('600 minutes');
    expect(await popup.locator('#popup-manual-count').getAttribute('aria-invalid')).toBe('true');
    expect(await popup.locator('#popup-manual-count').getAttribute('aria-describedby')).toBe('popup-manual-count-error');
    expect(await storedEvents(popup)).toEqual([]);
    await popup.screenshot({ path: 'test-results/manual-popup-refused.png', fullPage: true });

    await addThreeReviews(popup);
    await expect.poll(() => popup.getByTestId('total').textContent()).toBe('3');
    expect(await popup.getByTestId('manual-split').textContent()).toContain('3 of them hand-entered; 20 min stated by you');
    expect(await popup.getByTestId('popup-manual-count-error').count()).toBe(0);
    const events = await storedEvents(popup);
    expect(events).toMatchObject([
      { platform: 'amazon', kind: 'review', detail: 'review', signal: 'manual', count: 3, durationMs: 1_200_000 },
    ]);
    await popup.close();
  });

  it('from the dashboard: added, counted apart on its platform, marked in the history, edited and deleted; the form passes axe', async () => {
    await resetDb(s); // its own start (also after a failed attempt): the popup's 3 reviews
    const popup = await openPopup(s);
    await addThreeReviews(popup);
    await popup.close();
    const page = await s.context.newPage();
    await page.setViewportSize({ width: 1280, height: 1000 });
    await page.goto(`chrome-extension://${s.extensionId}/options.html`);
    await page.locator('main[data-state="ready"]').waitFor();
    expect(await page.getByTestId('total').textContent()).toBe('3');

    await page.getByTestId('manual-dashboard').locator('summary').click();
    await page.locator('#dash-manual-platform').selectOption('other');
    await page.locator('#dash-manual-kind').selectOption('moderation');
    await page.locator('#dash-manual-detail').selectOption('close-vote');
    await page.locator('#dash-manual-count').fill('1001');
    await page.getByTestId('dash-manual-submit').click();
    await expect
      .poll(() => page.getByTestId('dash-manual-count-error').textContent())
      .toBe('Enter a whole number from 1 to 1,000.');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await seriousViolations(page), `form with an error, ${scheme}`).toEqual([]);
    }
    await page.emulateMedia({ colorScheme: 'light' });

    await page.locator('#dash-manual-count').fill('5');
    await page.getByTestId('dash-manual-submit').click();
    await expect.poll(() => page.getByTestId('total').textContent()).toBe('8');
    const other = page.getByTestId('by-platform').locator('li', { hasText: 'Other site' });
    expect(await other.textContent()).toContain('5 hand-entered');
    const row = page.getByTestId('history').locator('tr[data-signal="manual"]', { hasText: 'close or reopen vote' });
    expect(await row.textContent()).toContain('✎ hand-entered');
    expect(await row.textContent()).toContain('close or reopen vote × 5');
    await page.screenshot({ path: 'test-results/manual-dashboard-en-light.png', fullPage: true });
    expect(await page.getByTestId('value').getByText('stated by you').count()).toBeGreaterThan(0);

    await row.getByRole('button', { name: /^Edit: Moderation, Other site/ }).click();
    await page.getByTestId('manual-edit').waitFor();
    expect(await page.locator('#edit-manual-count').inputValue()).toBe('5');
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('#edit-manual-count').fill('7');
    await page.getByTestId('edit-manual-submit').click();
    await expect.poll(() => page.getByTestId('total').textContent()).toBe('10');
    await expect.poll(() => page.getByTestId('manual-edit').count()).toBe(0);
    await expect.poll(() => row.textContent()).toContain('× 7'); // the history redraws after the total

    await row.getByRole('button', { name: /^Delete/ }).click();
    await expect.poll(() => page.getByTestId('total').textContent()).toBe('3');
    expect((await storedEvents(page)).map((e) => [e.platform, e.signal])).toEqual([['amazon', 'manual']]);
    // Detected rows have no edit button: only their kind can be corrected.
    expect(await page.getByTestId('history').getByRole('button', { name: /^Edit/ }).count()).toBe(1);
    await page.close();
  });
});

describe('hand-entered actions (French, dark)', () => {
  let s: Session;
  beforeAll(async () => {
    s = await launch({ lang: 'fr' });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('shows the form, its refusals and the marked row in French', async () => {
    await resetDb(s);
    const page = await s.context.newPage();
    await page.setViewportSize({ width: 1280, height: 1000 });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`chrome-extension://${s.extensionId}/options.html`);
    await page.locator('main[data-state="ready"]').waitFor();
    await page.getByTestId('manual-dashboard').locator('summary').click();
    await page.locator('#dash-manual-platform').selectOption('google-maps');
    await page.locator('#dash-manual-kind').selectOption('tag');
    await page.locator('#dash-manual-count').fill('4');
    await page.locator('#dash-manual-minutes').fill('12');
    await page.getByTestId('dash-manual-submit').click();
    await expect.poll(() => page.getByTestId('total').textContent()).toBe('4');
    const row = page.getByTestId('history').locator('tr[data-signal="manual"]');
    expect(await row.textContent()).toContain('✎ saisi à la main');
    // French puts a narrow no-break space between the number and its unit.
    expect(await row.textContent()).toMatch(/12\smin \(indiqué\)/);
    await page.locator('#dash-manual-count').fill('');
    await page.getByTestId('dash-manual-submit').click();
    await expect
      .poll(() => page.getByTestId('dash-manual-count-error').textContent())
      .toBe('Indiquez un nombre entier de 1 à 1 000.');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/manual-dashboard-fr-dark.png', fullPage: true });
    await page.close();
  });
});
