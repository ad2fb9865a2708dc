import type { RefObject } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/** A colour of the page's theme (base.css custom properties). */
export function cssVar(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

/**
 * Chart.js paints colours read once from the theme: when the system switches between light and
 * dark, the chart is destroyed and the returned counter changes, so that an effect depending on it
 * draws the chart again.
 */
export function useThemeRedraw(chart: RefObject<{ destroy(): void } | null>): number {
  const [scheme, setScheme] = useState(0);
  useEffect(() => {
    const media = matchMedia('(prefers-color-scheme: dark)');
    const onChange = () => {
      chart.current?.destroy();
      chart.current = null;
      setScheme((n) => n + 1);
    };
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, []);
  return scheme;
}
