import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPopup, type Session, URLS, waitForEvents } from './harness';

let s: Session;
beforeAll(async () => {
  s = await launch({ lang: 'fr' });
});
afterAll(async () => {
  await s?.close();
});

describe('in French', () => {
  it('shows the popup in French, with French numbers, dates and the SMIC as the fair wage', async () => {
    const page = await s.context.newPage();
    await page.goto(URLS.youtubeFr);
    await page.locator('like-button-view-model button').click();
    await page.locator('dislike-button-view-model button').click();
    await page.goto(URLS.x);
    await page.locator('[data-testid="like"]').click();
    const popup = await openPopup(s);
    await waitForEvents(popup, (e) => e.length === 2);
    await popup.reload();
    await popup.locator('main[data-state="ready"]').waitFor();
    expect(await popup.locator('html').getAttribute('lang')).toMatch(/^fr/);
    expect(await popup.locator('h1').textContent()).toBe('Votre travail du clic');
    expect((await popup.getByTestId('value-fair').textContent())?.replace(/\s/g, ' ')).toMatch(
      /au salaire minimum.*SMIC, France \(brut\), 12,02 € de l’heure/,
    );
    expect(await popup.getByTestId('kind-chart').getAttribute('aria-label')).toMatch(
      /^Diagramme en barres de 2 actions du .+ Réactions : 2|Réactions: 2/,
    );
    expect(await popup.getByTestId('by-platform').textContent()).toContain('reçu par X Corp');
    await popup.screenshot({ path: 'test-results/popup-fr.png', fullPage: true });
    // The dashboard in French too.
    const dash = await s.context.newPage();
    await dash.setViewportSize({ width: 1280, height: 1000 });
    await dash.goto(`chrome-extension://${s.extensionId}/options.html`);
    await dash.getByTestId('total').filter({ hasText: /^2$/ }).waitFor();
    expect(await dash.locator('h1').textContent()).toBe('Votre travail du clic');
    expect(await dash.getByTestId('by-beneficiary').textContent()).toContain('Google (Alphabet)');
    await dash.screenshot({ path: 'test-results/dashboard-fr.png', fullPage: true });
    await dash.close();
    await page.close();
    await popup.close();
  });
});
