import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CITATIONS, RATE_PRESETS } from '@/lib/valuation/sources';
import { launch, openPopup, type Session, URLS, waitForEvents } from './harness';

let s: Session;
beforeAll(async () => {
  s = await launch();
});
afterAll(async () => {
  await s?.close();
});

describe('what the labor is worth', () => {
  it('shows time and value in the popup, each figure tagged, with its rate one click away', async () => {
    const page = await s.context.newPage();
    await page.goto(URLS.youtube);
    await page.locator('like-button-view-model button').click();
    await page.locator('#contenteditable-root').click();
    await page.keyboard.type('Great song', { delay: 120 });
    await page.locator('#submit-button button').click();
    const popup = await openPopup(s);
    await waitForEvents(popup, (e) => e.length === 2 && e.some((x) => x.kind === 'comment' && x.durationMs !== undefined));
    await popup.reload();
    await popup.getByTestId('value').waitFor();

    // One like estimated at 2.65 s and one comment measured (about 1.1 s of typing): partly estimated.
    expect(await popup.getByTestId('time-given').textContent()).toMatch(/^\d(\.\d)? sec$/);
    expect(await popup.getByTestId('time-split').textContent()).toMatch(/measured · 2\.7 sec estimated/);
    const fair = await popup.getByTestId('value-fair').textContent();
    expect(fair).toMatch(/^\$0\.\d+ at a fair wage/); // en-US: the US federal minimum wage
    expect(fair).toContain('Federal minimum wage, US, $7.25 per hour');
    expect(fair).toContain('partly estimated');
    expect(await popup.getByTestId('value-market').textContent()).toMatch(/€0\.01\d* at market price/);

    // The rate's link opens the "About the numbers" page at the rates.
    const [about] = await Promise.all([
      s.context.waitForEvent('page'),
      popup.getByTestId('value-fair').getByRole('link').click(),
    ]);
    await about.waitForLoadState();
    expect(about.url()).toBe(`chrome-extension://${s.extensionId}/about.html#rates`);
    await about.getByTestId('sources').waitFor();
    await page.close();
    await about.close();
    await popup.close();
  });

  it('lists every default, rate and market price with its full citation', async () => {
    const about = await s.context.newPage();
    await about.goto(`chrome-extension://${s.extensionId}/about.html`);
    await about.getByTestId('rates-fair').waitFor();
    const sources = await about.getByTestId('sources').locator('li').allTextContents();
    expect(sources).toHaveLength(Object.keys(CITATIONS).length);
    for (const c of Object.values(CITATIONS)) expect(sources.some((t) => t.startsWith(c.reference))).toBe(true);
    const rows = await about.locator('[data-testid^="rates-"] tbody tr').count();
    expect(rows).toBe(RATE_PRESETS.length);
    // Every citation link on the page points at a listed source.
    const targets = await about.locator('a.cite').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(targets.length).toBeGreaterThan(15);
    for (const href of targets) expect(await about.locator(href as string).count(), href as string).toBe(1);
    expect(await about.getByTestId('not-a-claim').textContent()).toContain('not a wage claim');
    await about.setViewportSize({ width: 1000, height: 900 });
    await about.screenshot({ path: 'test-results/about.png', fullPage: true });
    await about.close();
  });

  it('changes the fair wage, refuses a bad custom rate, uses a good one, and restores the default', async () => {
    const about = await s.context.newPage();
    await about.goto(`chrome-extension://${s.extensionId}/about.html`);
    const fair = about.getByTestId('rates-fair');
    await fair.getByLabel('SMIC, France (gross)').check();
    await about.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    const popup = await openPopup(s);
    await popup.getByTestId('value-fair').filter({ hasText: 'SMIC, France (gross), €12.02 per hour' }).waitFor();
    expect(await popup.getByTestId('value-fair').textContent()).toMatch(/^€0\.\d+ at a fair wage/);

    await fair.getByLabel('Amount per hour').fill('-4');
    await fair.getByRole('button', { name: 'Use this rate' }).click();
    expect(await fair.getByRole('alert').textContent()).toContain('Enter an amount between 0 and 10,000.');
    await fair.getByLabel('Amount per hour').fill('20');
    await fair.getByLabel('Currency').selectOption('GBP');
    await fair.getByRole('button', { name: 'Use this rate' }).click();
    await popup.reload();
    await popup.getByTestId('value-fair').filter({ hasText: 'your own rate, £20.00 per hour' }).waitFor();

    await about.getByTestId('restore').click();
    await popup.reload();
    await popup.getByTestId('value-fair').filter({ hasText: 'Federal minimum wage, US' }).waitFor();
    await about.close();
    await popup.close();
  });
});
