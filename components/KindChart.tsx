import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';
import type { Summary } from '@/lib/db/queries';
import { countOf, formatDay, formatNumber, kindLabel, t } from '@/lib/i18n';
import { KIND_COLORS } from './kind-colors';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

function cssVar(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

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

/** Actions per day stacked by kind, with the same numbers as a table behind a disclosure. */
export function KindChart({ summary }: { summary: Summary }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<'bar'> | null>(null);

  useEffect(() => {
    if (!canvas.current) return;
    const text = cssVar('--text', '#1d1d1f');
    const grid = cssVar('--grid', '#d8d8dc');
    const data = {
      labels: summary.days.map((d) => formatDay(d)),
      datasets: summary.byKind.map(({ kind }) => ({
        label: kindLabel(kind),
        data: summary.perDay.map((row) => row[kind]),
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
    const created = new Chart(canvas.current, {
      type: 'bar',
      data,
      options: {
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
            title: { display: true, text: t('chartAxisDay'), color: text, font: { size: 12 } },
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
      },
    });
    chart.current = created;
    // Read by the benchmark (npm run bench): time from opening to the first chart drawn.
    if (!performance.getEntriesByName('clickwork:first-chart').length) performance.mark('clickwork:first-chart');
  }, [summary]);

  useEffect(
    () => () => {
      chart.current?.destroy();
      chart.current = null;
    },
    [],
  );

  return (
    <figure class="chart">
      <figcaption>{t('chartTitle')}</figcaption>
      <div class="chart-box">
        <canvas ref={canvas} role="img" aria-label={chartSummary(summary)} data-testid="kind-chart" />
      </div>
      <details>
        <summary>{t('showTable')}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('tableDay')}</th>
              {summary.byKind.map(({ kind }) => (
                <th scope="col" key={kind}>
                  {kindLabel(kind)}
                </th>
              ))}
              <th scope="col">{t('tableTotal')}</th>
            </tr>
          </thead>
          <tbody>
            {summary.days.map((day, i) => {
              const row = summary.perDay[i] as Summary['perDay'][number];
              const total = summary.byKind.reduce((n, { kind }) => n + row[kind], 0);
              return (
                <tr key={day}>
                  <th scope="row">
                    <time dateTime={day}>{formatDay(day)}</time>
                  </th>
                  {summary.byKind.map(({ kind }) => (
                    <td key={kind}>{formatNumber(row[kind])}</td>
                  ))}
                  <td>{formatNumber(total)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </details>
      <p class="sr-only">{countOf('actions', summary.total)}</p>
    </figure>
  );
}
