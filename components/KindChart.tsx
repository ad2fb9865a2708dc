import { BarController, BarElement, CategoryScale, Chart, type ChartOptions, Legend, LinearScale, Tooltip } from 'chart.js';
import type { RefObject } from 'preact';
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import type { Summary } from '@/lib/db/queries';
import { countOf, formatDay, formatMonth, formatNumber, kindLabel, t, uiLanguage } from '@/lib/i18n';
import { KIND_COLORS } from './kind-colors';
import { cssVar, useThemeRedraw } from './theme';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

/** The chart's content in one sentence, for screen readers. */
export function chartSummary(s: Summary): string {
  const detail = s.byKind.map((k) => `${kindLabel(k.kind)}: ${formatNumber(k.count)}`).join(', ');
  return t(
    'chartSummary',
    formatNumber(s.total),
    formatDay(s.days[0] as string, 'long'),
    formatDay(s.days.at(-1) as string, 'long'),
    detail,
  );
}

/** Above this many days, bars are months: 365 daily bars are too thin to read. */
const MAX_DAILY_BARS = 62;

interface Bucket {
  key: string;
  label: string;
  counts: Summary['perDay'][number];
}

/** The bars: one per day, or one per month for long ranges. */
export function buckets(summary: Summary): Bucket[] {
  if (summary.days.length <= MAX_DAILY_BARS) {
    return summary.days.map((day, i) => ({
      key: day,
      label: formatDay(day),
      counts: summary.perDay[i] as Bucket['counts'],
    }));
  }
  const byMonth = new Map<string, Bucket>();
  summary.days.forEach((day, i) => {
    const key = day.slice(0, 7);
    const row = summary.perDay[i] as Bucket['counts'];
    const b = byMonth.get(key);
    if (!b) {
      const [y, m] = key.split('-').map(Number) as [number, number];
      byMonth.set(key, { key, label: formatMonth(y, m), counts: { ...row } });
    } else for (const k of Object.keys(row) as (keyof typeof row)[]) b.counts[k] += row[k];
  });
  return [...byMonth.values()];
}

/** Actions per day (or month) stacked by kind, with the same numbers as a table behind a disclosure. */
export function KindChart({ summary }: { summary: Summary }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const bars = buckets(summary);
  const monthly = summary.days.length > MAX_DAILY_BARS;
  useKindChart(canvas, summary, bars, monthly);

  return (
    <figure class="chart">
      <figcaption>{t(monthly ? 'chartTitleMonths' : 'chartTitle')}</figcaption>
      <div class="chart-box">
        <canvas ref={canvas} role="img" aria-label={chartSummary(summary)} data-testid="kind-chart" />
      </div>
      <details>
        <summary>{t('showTable')}</summary>
        <KindTable summary={summary} bars={bars} monthly={monthly} />
      </details>
      <p class="sr-only">{countOf('actions', summary.total)}</p>
    </figure>
  );
}

/**
 * Draws the bars on `canvas` and keeps them up to date: a new summary updates the chart in place,
 * a switch between light and dark draws it again in the new colours; it is destroyed with the page part.
 */
function useKindChart(canvas: RefObject<HTMLCanvasElement | null>, summary: Summary, bars: Bucket[], monthly: boolean): void {
  const chart = useRef<Chart<'bar'> | null>(null);
  // Colours are read from the page's theme: redraw when the system switches light/dark.
  const scheme = useThemeRedraw(chart);

  // A layout effect runs as soon as the DOM is built, so the chart is drawn in the first frame the
  // browser paints; a plain effect would wait for that frame and draw one frame later.
  useLayoutEffect(() => {
    if (!canvas.current) return;
    const text = cssVar('--text', '#1d1d1f');
    const data = {
      labels: bars.map((b) => b.label),
      datasets: summary.byKind.map(({ kind }) => ({
        label: kindLabel(kind),
        data: bars.map((b) => b.counts[kind]),
        backgroundColor: KIND_COLORS[kind],
        borderColor: text,
        borderWidth: 0.5,
      })),
    };
    if (chart.current) {
      chart.current.data = data;
      chart.current.update();
      return;
    }
    chart.current = new Chart(canvas.current, {
      type: 'bar',
      data,
      options: chartOptions(text, cssVar('--grid', '#d8d8dc'), monthly),
    });
    // Read by the benchmark (npm run bench): time from opening to the first chart drawn.
    if (!performance.getEntriesByName('clickwork:first-chart').length) performance.mark('clickwork:first-chart');
  }, [summary, scheme]);

  useEffect(
    () => () => {
      chart.current?.destroy();
      chart.current = null;
    },
    [],
  );
}

/** The chart's look: stacked bars, no animation, axes titled, in the theme's text and grid colours. */
function chartOptions(text: string, grid: string, monthly: boolean): ChartOptions<'bar'> {
  return {
    // The axis ticks and tooltips in the page's language ("1 000" in French), not Chart.js's default.
    locale: uiLanguage(),
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    color: text,
    plugins: {
      legend: { position: 'bottom', labels: { color: text, boxWidth: 12, font: { size: 12 } } },
      tooltip: { mode: 'index', intersect: false },
    },
    scales: {
      x: {
        stacked: true,
        title: { display: true, text: t(monthly ? 'chartAxisMonth' : 'chartAxisDay'), color: text, font: { size: 12 } },
        ticks: { color: text, maxRotation: 0, autoSkip: true, font: { size: 11 } },
        grid: { display: false },
      },
      y: {
        stacked: true,
        beginAtZero: true,
        title: { display: true, text: t('chartAxisActions'), color: text, font: { size: 12 } },
        ticks: { color: text, precision: 0, font: { size: 11 } },
        grid: { color: grid },
      },
    },
  };
}

/** The chart's numbers as a table: a row per bar, a column per kind, and the bar's total. */
function KindTable({ summary, bars, monthly }: { summary: Summary; bars: Bucket[]; monthly: boolean }) {
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t(monthly ? 'tableMonth' : 'tableDay')}</th>
          {summary.byKind.map(({ kind }) => (
            <th scope="col" key={kind}>
              {kindLabel(kind)}
            </th>
          ))}
          <th scope="col">{t('tableTotal')}</th>
        </tr>
      </thead>
      <tbody>
        {bars.map((b) => {
          const total = summary.byKind.reduce((n, { kind }) => n + b.counts[kind], 0);
          return (
            <tr key={b.key}>
              <th scope="row">
                <time dateTime={b.key}>{b.label}</time>
              </th>
              {summary.byKind.map(({ kind }) => (
                <td key={kind}>{formatNumber(b.counts[kind])}</td>
              ))}
              <td>{formatNumber(total)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
