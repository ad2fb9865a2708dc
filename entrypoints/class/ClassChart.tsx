import { useRef } from 'preact/hooks';
import { formatNumber, t } from '@/lib/i18n';
import { ChartTable } from './ChartTable';
import type { ChartLine } from './chart-config';
import { useBarChart } from './useBarChart';

/**
 * Horizontal bars (large, for a projector), described in one sentence for screen readers and
 * shown as a table behind a disclosure.
 */
export function ClassChart({ title, lines, testId }: { title: string; lines: ChartLine[]; testId: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useBarChart(canvas, lines);
  const summary = t('classChartSummary', title, lines.map((l) => `${l.label} ${formatNumber(l.count)}`).join(', '));
  return (
    <figure class="class-chart">
      <figcaption>{title}</figcaption>
      <div class="chart-box" style={{ height: `${Math.max(120, 40 * lines.length + 60)}px` }}>
        <canvas ref={canvas} role="img" aria-label={summary} data-testid={testId} />
      </div>
      <ChartTable lines={lines} testId={testId} />
    </figure>
  );
}
