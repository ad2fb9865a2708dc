import { BarController, BarElement, BasicPlatform, CategoryScale, Chart, type ChartEvent, LinearScale, Tooltip } from 'chart.js';
import type { ChartSize, FromChartWorker, ToChartWorker } from './chart-messages';

/*
 * The class page's charts, drawn here on the canvases the page handed over (OffscreenCanvas):
 * Chart.js making a chart (its layout, label sizes, the draw) took ~65 ms of the page's main
 * thread per chart after a 10,000-file merge (issue 14, class.blockedMs).
 */
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

type Listener = (event: ChartEvent, x?: number, y?: number) => void;

/**
 * Chart.js's platform for canvases without a document, which takes no event of its own: the page
 * forwards the pointer's moves over the canvas, so that the tooltip still follows it.
 */
class ForwardedEvents extends BasicPlatform {
  private readonly listeners = new Map<Chart, Map<string, Listener>>();

  override addEventListener(chart: Chart, type: string, listener: Listener): void {
    const of = this.listeners.get(chart) ?? new Map<string, Listener>();
    of.set(type, listener);
    this.listeners.set(chart, of);
  }

  override removeEventListener(chart: Chart, type: string): void {
    this.listeners.get(chart)?.delete(type);
  }

  forward(chart: Chart, type: 'mousemove' | 'mouseout', x: number, y: number): void {
    const event = { type, chart, native: { type }, x, y } as unknown as ChartEvent;
    this.listeners.get(chart)?.get(type)?.(event);
  }

  forget(chart: Chart): void {
    this.listeners.delete(chart);
  }
}

const charts = new Map<number, { chart: Chart<'bar'>; platform: ForwardedEvents }>();
const post = (message: FromChartWorker) => postMessage(message);

/** Gives the chart its new size; false when it had it already (nothing was drawn). */
function resize(chart: Chart<'bar'>, size: ChartSize): boolean {
  const [width, height] = [Math.round(size.width), Math.round(size.height)];
  if (chart.width === width && chart.height === height && chart.currentDevicePixelRatio === size.ratio) return false;
  chart.options.devicePixelRatio = size.ratio;
  chart.resize(width, height);
  return true;
}

function handle(m: ToChartWorker): void {
  const known = charts.get(m.id);
  if (m.type === 'draw') {
    if (known) {
      known.chart.data = m.config.data;
      known.chart.options = { ...m.config.options, responsive: false, devicePixelRatio: m.ratio };
      // A new size lays the chart out and draws it (with the new bars): no second layout then.
      if (!resize(known.chart, m)) known.chart.update();
    } else if (m.canvas) {
      m.canvas.width = Math.round(m.width);
      m.canvas.height = Math.round(m.height);
      // Chart.js takes an OffscreenCanvas (its BasicPlatform draws on it), though its types name only elements.
      const chart = new Chart(m.canvas as unknown as HTMLCanvasElement, {
        ...m.config,
        options: { ...m.config.options, responsive: false, devicePixelRatio: m.ratio },
        platform: ForwardedEvents,
      });
      charts.set(m.id, { chart, platform: chart.platform as ForwardedEvents });
      resize(chart, m);
    } else return;
    post({ type: 'drawn', id: m.id });
  } else if (m.type === 'resize' && known) {
    resize(known.chart, m);
    post({ type: 'drawn', id: m.id });
  } else if (m.type === 'pointer' && known) {
    known.platform.forward(known.chart, m.event, m.x, m.y);
  } else if (m.type === 'destroy' && known) {
    known.platform.forget(known.chart);
    known.chart.destroy();
    charts.delete(m.id);
  }
}

addEventListener('message', (event: MessageEvent<ToChartWorker>) => {
  try {
    handle(event.data);
  } catch (error) {
    console.error('[clickwork] class chart not drawn', error);
    post({ type: 'failed', id: event.data?.id ?? -1, error: String(error) });
  }
});
