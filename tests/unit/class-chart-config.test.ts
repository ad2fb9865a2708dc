import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { barData, barOptions, type ChartLine } from '@/entrypoints/class/chart-config';
import { chartLines } from '@/entrypoints/class/labels';
import type { ClassTotals } from '@/lib/research/class';
import { root } from './helpers';

/** The class page's bar charts, apart from the canvas: colours from the theme, a bar per line. */
beforeEach(() => {
  // Each message reads as its key, in an English browser.
  const i18n = fakeBrowser.i18n as unknown as { getMessage(k: string): string; getUILanguage(): string };
  i18n.getMessage = (k) => k;
  i18n.getUILanguage = () => 'en-US';
});

const colours = { text: '#111111', grid: '#cccccc', accent: '#0000ff' };
const lines: ChartLine[] = [
  { key: 'vote', label: 'Votes', count: 12, participants: 3, measuredSeconds: 0, color: '#ff0000' },
  { key: 'x', label: 'X', count: 5, participants: 2, measuredSeconds: 40 },
];

it('draws one bar per line, in its colour or else the theme’s accent', () => {
  const data = barData(lines, colours);
  expect(data.labels).toEqual(['Votes', 'X']);
  expect(data.datasets).toHaveLength(1);
  expect(data.datasets[0]?.data).toEqual([12, 5]);
  expect(data.datasets[0]?.backgroundColor).toEqual(['#ff0000', '#0000ff']);
  expect(data.datasets[0]?.borderColor).toBe('#111111');
  expect(data.datasets[0]?.label).toBe('classColActions');
});

it('lays the bars horizontally, unanimated, with whole numbers on the axis and every label shown', () => {
  const options = barOptions(colours);
  expect(options?.indexAxis).toBe('y');
  expect(options?.animation).toBe(false);
  expect(options?.scales?.x).toMatchObject({
    beginAtZero: true,
    ticks: { precision: 0, color: '#111111' },
    grid: { color: '#cccccc' },
  });
  expect(options?.scales?.y).toMatchObject({ ticks: { autoSkip: false } });
  expect(options?.plugins?.legend?.display).toBe(false);
  expect(options?.scales?.x?.title).toMatchObject({ display: true, text: 'chartAxisActions' });
});

it('formats its axis and tooltips in the page’s language, not Chart.js’s default', () => {
  const i18n = fakeBrowser.i18n as unknown as { getMessage(k: string): string; getUILanguage(): string };
  i18n.getUILanguage = () => 'fr-FR';
  i18n.getMessage = (k) => (k === 'catalogueLanguage' ? 'fr' : k);
  expect(barOptions(colours)?.locale).toBe('fr-FR');
  i18n.getUILanguage = () => 'en-US'; // Chromium serving the French catalogue (lib/i18n.ts uiLanguage)
  expect(barOptions(colours)?.locale).toBe('fr-US');
});

it('names every beneficiary in the page’s language, the unknown one and the practice page’s nobody included', () => {
  const fr = JSON.parse(readFileSync(resolve(root, 'public/_locales/fr/messages.json'), 'utf8'));
  const i18n = fakeBrowser.i18n as unknown as { getMessage(k: string): string };
  i18n.getMessage = (k) => fr[k]?.message ?? '';
  const row = { count: 1, participants: 1, measured_seconds: 0 };
  const totals = {
    byKind: [],
    byPlatform: [],
    byBeneficiary: [
      { beneficiary: 'unknown', ...row },
      { beneficiary: 'nobody', ...row },
      { beneficiary: 'openai', ...row },
    ],
  } as unknown as ClassTotals;
  expect(chartLines(totals).beneficiary.map((l) => l.label)).toEqual([
    'une entreprise inconnue',
    'personne (page d’entraînement)',
    'OpenAI',
  ]);
});
