import { t, uiLanguage } from '@/lib/i18n';
import type { BarConfig } from './chart-messages';

/** One bar of a class chart, and one row of its table. */
export interface ChartLine {
  key: string;
  label: string;
  count: number;
  participants: number;
  measuredSeconds: number;
  /** Bar colour; the theme's accent when absent. */
  color?: string;
}

/** The theme's colours a chart is painted with. */
export interface ChartColours {
  text: string;
  grid: string;
  accent: string;
}

/** The bars: one per line, in the line's colour (or the accent). */
export function barData(lines: ChartLine[], c: ChartColours): BarConfig['data'] {
  return {
    labels: lines.map((l) => l.label),
    datasets: [
      {
        label: t('classColActions'),
        data: lines.map((l) => l.count),
        backgroundColor: lines.map((l) => l.color ?? c.accent),
        borderColor: c.text,
        borderWidth: 0.5,
      },
    ],
  };
}

/** Horizontal bars, large type for a projector, no animation, no legend. */
export function barOptions(c: ChartColours): BarConfig['options'] {
  return {
    // The axis ticks and tooltips in the page's language ("20 000" in French), not Chart.js's default.
    locale: uiLanguage(),
    indexAxis: 'y',
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    color: c.text,
    plugins: { legend: { display: false }, tooltip: { intersect: false, mode: 'index' } },
    scales: {
      x: {
        beginAtZero: true,
        title: { display: true, text: t('chartAxisActions'), color: c.text, font: { size: 14 } },
        ticks: { color: c.text, precision: 0, font: { size: 14 } },
        grid: { color: c.grid },
      },
      y: { ticks: { color: c.text, font: { size: 16 }, autoSkip: false }, grid: { display: false } },
    },
  };
}
