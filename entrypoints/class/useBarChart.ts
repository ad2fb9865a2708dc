import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { cssVar, useThemeRedraw } from '@/components/theme';
import { barData, barOptions, type ChartLine } from './chart-config';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

/**
 * Draws the lines as bars on the canvas: the chart is made once and updated when the lines change,
 * made again when the system switches between light and dark (colours come from the page's theme),
 * and destroyed with the component.
 */
export function useBarChart(canvas: RefObject<HTMLCanvasElement | null>, lines: ChartLine[]): void {
  const chart = useRef<Chart<'bar'> | null>(null);
  const scheme = useThemeRedraw(chart);

  useEffect(() => {
    if (!canvas.current) return;
    const colours = {
      text: cssVar('--text', '#1d1d1f'),
      grid: cssVar('--grid', '#d8d8dc'),
      accent: cssVar('--accent', '#0b57d0'),
    };
    const data = barData(lines, colours);
    if (chart.current) {
      chart.current.data = data;
      chart.current.update();
      return;
    }
    chart.current = new Chart(canvas.current, { type: 'bar', data, options: barOptions(colours) });
  }, [lines, scheme]);

  useEffect(
    () => () => {
      chart.current?.destroy();
      chart.current = null;
    },
    [],
  );
}
