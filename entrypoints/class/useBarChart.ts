import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { cssVar, useThemeRedraw } from '@/components/theme';
import { barData, barOptions, type ChartLine } from './chart-config';
import type { BarConfig, ChartSize, FromChartWorker, ToChartWorker } from './chart-messages';

/** A chart on one canvas: drawn by the chart worker or, where a browser cannot, in the page. */
interface Drawing {
  draw(config: BarConfig): void;
  destroy(): void;
}

/** The page's chart worker, made with its first chart; null where this browser cannot draw off the page. */
let worker: Worker | null | undefined;
let lastId = 0;
const answers = new Map<number, (m: FromChartWorker) => void>();

function chartWorker(): Worker | null {
  if (worker !== undefined) return worker;
  worker = null;
  if (typeof OffscreenCanvas === 'undefined' || !('transferControlToOffscreen' in HTMLCanvasElement.prototype)) return null;
  try {
    const w = new Worker(new URL('./chart-worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = ({ data }: MessageEvent<FromChartWorker>) => answers.get(data.id)?.(data);
    w.onerror = (event) => {
      // Given up: the charts it held are said failed (their tables remain), later ones drawn in the page.
      console.error('[clickwork] the class charts’ worker failed', event.message);
      w.terminate();
      worker = null;
      for (const [id, answer] of answers) answer({ type: 'failed', id, error: event.message });
      answers.clear();
    };
    worker = w;
  } catch (error) {
    console.warn('[clickwork] class charts drawn in the page', error);
  }
  return worker;
}

/** Calls `changed` once when the screen's pixel density changes; returns what stops watching. */
function watchDensity(changed: () => void, stop?: () => void): () => void {
  stop?.();
  const query = matchMedia(`(resolution: ${devicePixelRatio}dppx)`);
  query.addEventListener('change', changed, { once: true });
  return () => query.removeEventListener('change', changed);
}

/**
 * Tells `send` where the pointer is over the canvas (at most once a frame), and when it leaves: the
 * worker's chart shows its tooltip there. Returns what stops it.
 */
function forwardPointer(canvas: HTMLCanvasElement, send: (event: 'mousemove' | 'mouseout', x: number, y: number) => void) {
  let frame = 0;
  let at = { x: 0, y: 0 };
  const move = (e: PointerEvent) => {
    at = { x: e.offsetX, y: e.offsetY };
    frame ||= requestAnimationFrame(() => {
      frame = 0;
      send('mousemove', at.x, at.y);
    });
  };
  const leave = () => {
    cancelAnimationFrame(frame);
    frame = 0;
    send('mouseout', 0, 0);
  };
  // A tap (a touch screen, a class's whiteboard) may bring no move: the tooltip shows where it landed.
  const starts = ['pointermove', 'pointerdown'] as const;
  for (const type of starts) canvas.addEventListener(type, move);
  canvas.addEventListener('pointerleave', leave);
  return () => {
    cancelAnimationFrame(frame);
    for (const type of starts) canvas.removeEventListener(type, move);
    canvas.removeEventListener('pointerleave', leave);
  };
}

/**
 * Hands the canvas to the worker once the layout gave it a size (read from a ResizeObserver: nothing
 * here forces a layout), then sends new bars, new sizes and the pointer's moves (for the tooltip).
 */
function inWorker(w: Worker, canvas: HTMLCanvasElement, onAnswer: (m: FromChartWorker) => void): Drawing {
  const id = ++lastId;
  const send = (m: ToChartWorker, transfer: Transferable[] = []) => w.postMessage(m, transfer);
  let size: ChartSize | undefined;
  let waiting: BarConfig | undefined;
  let handedOver = false;
  const flush = () => {
    if (!size || !waiting) return;
    const config = waiting;
    waiting = undefined;
    if (handedOver) return send({ type: 'draw', id, config, ...size });
    const offscreen = canvas.transferControlToOffscreen();
    handedOver = true;
    send({ type: 'draw', id, config, canvas: offscreen, ...size }, [offscreen]);
  };
  const resized = (width: number, height: number) => {
    const first = !size;
    size = { width, height, ratio: devicePixelRatio };
    if (first) flush();
    else send({ type: 'resize', id, ...size });
  };
  const observer = new ResizeObserver(([entry]) => {
    if (entry?.contentRect.width) resized(entry.contentRect.width, entry.contentRect.height);
  });
  observer.observe(canvas);
  // The window moved to a screen of another pixel density (or the page was zoomed): drawn sharp again.
  const density = () => {
    if (size) resized(size.width, size.height);
    dpr = watchDensity(density, dpr);
  };
  let dpr = watchDensity(density);
  const stopPointer = forwardPointer(canvas, (event, x, y) => send({ type: 'pointer', id, event, x, y }));
  answers.set(id, onAnswer);
  return {
    draw(config) {
      waiting = config;
      flush();
    },
    destroy() {
      observer.disconnect();
      dpr();
      stopPointer();
      answers.delete(id);
      send({ type: 'destroy', id });
    },
  };
}

/** Where a browser has no OffscreenCanvas or worker for it: Chart.js in the page, as before. */
function inPage(canvas: HTMLCanvasElement, onAnswer: (m: FromChartWorker) => void): Drawing {
  Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);
  let chart: Chart<'bar'> | undefined;
  return {
    draw(config) {
      if (chart) {
        chart.data = config.data;
        chart.options = config.options ?? {};
        chart.update();
      } else chart = new Chart(canvas, config);
      onAnswer({ type: 'drawn', id: 0 });
    },
    destroy: () => chart?.destroy(),
  };
}

/**
 * Draws the lines as bars on the canvas, off the page's main thread where the browser can (a
 * worker drawing on an OffscreenCanvas: entrypoints/class/chart-worker.ts). The chart is made once,
 * drawn again when the lines change or the system switches between light and dark (colours come
 * from the page's theme), and destroyed with the component. The canvas's `data-drawn` counts the
 * draws done ("failed" when the worker could not draw it).
 */
export function useBarChart(canvas: RefObject<HTMLCanvasElement | null>, lines: ChartLine[]): void {
  const drawing = useRef<Drawing | null>(null);
  const scheme = useThemeRedraw(useRef(null));

  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    if (!drawing.current) {
      let draws = 0;
      const onAnswer = (m: FromChartWorker) => {
        element.dataset.drawn = m.type === 'drawn' ? String(++draws) : 'failed';
      };
      const w = chartWorker();
      drawing.current = w ? inWorker(w, element, onAnswer) : inPage(element, onAnswer);
    }
    const colours = {
      text: cssVar('--text', '#1d1d1f'),
      grid: cssVar('--grid', '#d8d8dc'),
      accent: cssVar('--accent', '#0b57d0'),
    };
    drawing.current.draw({ type: 'bar', data: barData(lines, colours), options: barOptions(colours) });
  }, [lines, scheme]);

  useEffect(
    () => () => {
      drawing.current?.destroy();
      drawing.current = null;
    },
    [],
  );
}
