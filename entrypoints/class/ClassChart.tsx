import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';
import { cssVar, useThemeRedraw } from '@/components/theme';
import { formatDuration, formatNumber, t } from '@/lib/i18n';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

export interface ChartLine {
  key: string;
  label: string;
  count: number;
  participants: number;
  measuredSeconds: number;
  /** Bar colour; the theme's accent when absent. */
  color?: string;
}

/**
 * Horizontal bars (large, for a projector), described in one sentence for screen readers and
 * shown as a table behind a disclosure.
 */
export function ClassChart({ title, lines, testId }: { title: string; lines: ChartLine[]; testId: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<'bar'> | null>(null);
  // Colours come from the page's theme: redraw when the system switches between light and dark.
  const scheme = useThemeRedraw(chart);

  useEffect(() => {
    if (!canvas.current) return;
    const text = cssVar('--text', '#1d1d1f');
    const grid = cssVar('--grid', '#d8d8dc');
    const accent = cssVar('--accent', '#0b57d0');
    const data = {
      labels: lines.map((l) => l.label),
      datasets: [
        {
          label: t('classColActions'),
          data: lines.map((l) => l.count),
          backgroundColor: lines.map((l) => l.color ?? accent),
          borderColor: text,
          borderWidth: 0.5,
        },
      ],
    };
    if (chart.current) {
      chart.current.data = data;
      chart.current.update();
      return;
    }
    chart.current = new Chart(canvas.current, {
      type: 'bar',
      data,
      options: {
        indexAxis: 'y',
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        color: text,
        plugins: { legend: { display: false }, tooltip: { intersect: false, mode: 'index' } },
        scales: {
          x: {
            beginAtZero: true,
            title: { display: true, text: t('chartAxisActions'), color: text, font: { size: 14 } },
            ticks: { color: text, precision: 0, font: { size: 14 } },
            grid: { color: grid },
          },
          y: { ticks: { color: text, font: { size: 16 }, autoSkip: false }, grid: { display: false } },
        },
      },
    });
  }, [lines, scheme]);

  useEffect(
    () => () => {
      chart.current?.destroy();
      chart.current = null;
    },
    [],
  );

  const summary = t('classChartSummary', title, lines.map((l) => `${l.label} ${formatNumber(l.count)}`).join(', '));
  return (
    <figure class="class-chart">
      <figcaption>{title}</figcaption>
      <div class="chart-box" style={{ height: `${Math.max(120, 40 * lines.length + 60)}px` }}>
        <canvas ref={canvas} role="img" aria-label={summary} data-testid={testId} />
      </div>
      <details>
        <summary>{t('showTable')}</summary>
        <table data-testid={`${testId}-table`}>
          <thead>
            <tr>
              <th scope="col">{t('classColName')}</th>
              <th scope="col" class="num">
                {t('classColActions')}
              </th>
              <th scope="col" class="num">
                {t('classColParticipants')}
              </th>
              <th scope="col" class="num">
                {t('colMeasuredTime')}
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr key={l.key} data-key={l.key}>
                <th scope="row">{l.label}</th>
                <td class="num" data-count={l.count}>
                  {formatNumber(l.count)}
                </td>
                <td class="num">{formatNumber(l.participants)}</td>
                <td class="num">{l.measuredSeconds ? formatDuration(l.measuredSeconds) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
