import type { ChartConfiguration } from 'chart.js';

/** A class chart's whole description: plain data (no function), so it can be posted to a worker. */
export type BarConfig = ChartConfiguration<'bar'>;

/** Where a chart is drawn: its size in CSS pixels, and the screen's pixels per CSS pixel. */
export interface ChartSize {
  width: number;
  height: number;
  ratio: number;
}

/**
 * The class page to its chart worker (entrypoints/class/chart-worker.ts). `id` names one canvas;
 * its OffscreenCanvas comes with its first `draw`.
 */
export type ToChartWorker =
  | ({ type: 'draw'; id: number; config: BarConfig; canvas?: OffscreenCanvas } & ChartSize)
  | ({ type: 'resize'; id: number } & ChartSize)
  /** The pointer over the canvas (for the tooltip), in CSS pixels from its top left corner. */
  | { type: 'pointer'; id: number; event: 'mousemove' | 'mouseout'; x: number; y: number }
  | { type: 'destroy'; id: number };

/** The chart worker to the page: a chart is drawn (tests and the benchmark wait for it), or could not be. */
export type FromChartWorker = { type: 'drawn'; id: number } | { type: 'failed'; id: number; error: string };
