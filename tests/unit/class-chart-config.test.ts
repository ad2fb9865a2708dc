import { beforeEach, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { barData, barOptions, type ChartLine } from '@/entrypoints/class/chart-config';

/** The class page's bar charts, apart from the canvas: colours from the theme, a bar per line. */
beforeEach(() => {
  // Each message reads as its key.
  (fakeBrowser.i18n as unknown as { getMessage(k: string): string }).getMessage = (k) => k;
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
