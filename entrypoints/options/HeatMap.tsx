import { useEffect, useState } from 'preact/hooks';
import { openDb } from '@/lib/db/open';
import { hourOfWeek } from '@/lib/db/queries';
import { formatNumber, t, uiLanguage } from '@/lib/i18n';

/** Monday first, in the UI language. */
function weekdayNames(): string[] {
  const fmt = new Intl.DateTimeFormat(uiLanguage(), { weekday: 'short' });
  return Array.from({ length: 7 }, (_, i) => fmt.format(new Date(2024, 0, 1 + i))); // 2024-01-01 was a Monday
}

/** Hour-of-week heat map as a table: the numbers are in the cells, the shade only repeats them. */
export function HeatMap({ days, version }: { days: string[]; version: number }) {
  const [grid, setGrid] = useState<number[][] | null>(null);
  // Reloaded when the range or the stored data changes.
  useEffect(() => {
    let live = true;
    hourOfWeek(openDb(), days).then((g) => live && setGrid(g));
    return () => {
      live = false;
    };
  }, [days.join(), version]);
  if (!grid) return null;
  const max = Math.max(1, ...grid.flat());
  const names = weekdayNames();
  return (
    <section aria-labelledby="heatmap">
      <h2 id="heatmap">{t('dashHeatmap')}</h2>
      <div class="heat-scroll">
        <table class="heat" data-testid="heatmap">
          <thead>
            <tr>
              <td />
              {Array.from({ length: 24 }, (_, h) => (
                <th scope="col" key={h}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {grid.map((row, d) => (
              <tr key={names[d]}>
                <th scope="row">{names[d]}</th>
                {row.map((n, h) => (
                  <td
                    key={h}
                    title={t('heatCell', names[d] as string, h, formatNumber(n))}
                    style={{
                      background: n
                        ? `color-mix(in srgb, var(--accent) ${Math.round(15 + (85 * n) / max)}%, transparent)`
                        : undefined,
                    }}
                    class={n / max > 0.55 ? 'strong' : undefined}
                  >
                    {n ? formatNumber(n) : ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
