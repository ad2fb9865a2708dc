import type { Summary } from '@/lib/db/queries';
import { countOf, formatNumber, type MessageKey, platformLabel, t } from '@/lib/i18n';
import type { KINDS, PlatformId } from '@/lib/taxonomy';

type LedgerRow = { platform: PlatformId; details: Record<string, number>; measuredMs: number };

/** Per platform of one kind: counts per detail and the measured time. */
export function ledger(summary: Summary, kind: (typeof KINDS)[number]) {
  const rows = new Map<PlatformId, LedgerRow>();
  for (const d of summary.byDetail) {
    if (d.kind !== kind) continue;
    const r = rows.get(d.platform) ?? { platform: d.platform, details: {}, measuredMs: 0 };
    r.details[d.detail] = (r.details[d.detail] ?? 0) + d.count;
    r.measuredMs += d.measuredMs;
    rows.set(d.platform, r);
  }
  const total = (r: { details: Record<string, number> }) => Object.values(r.details).reduce((a, b) => a + b, 0);
  return [...rows.values()].sort((a, b) => total(b) - total(a));
}

/** How many of a platform's actions were entered by hand, as the bar's note (none: no note). */
export function manualOf(summary: Summary, platform: PlatformId): string | undefined {
  const n = summary.byDetail.reduce((sum, d) => sum + (d.platform === platform ? (d.manualCount ?? 0) : 0), 0);
  return n > 0 ? countOf('manualOfPlatform', n) : undefined;
}

/** One kind's ledger as a table: a row per platform, a column per detail (or the measured time). */
export function LedgerTable({
  title,
  testId,
  rows,
  rowHead,
  columns,
}: {
  title: MessageKey;
  testId: string;
  rows: LedgerRow[];
  /** The first column's heading (the provider, the assistant). */
  rowHead: MessageKey;
  columns: { head: MessageKey; cell: (r: LedgerRow) => string }[];
}) {
  return (
    <section>
      <h2>{t(title)}</h2>
      {rows.length ? (
        <table data-testid={testId}>
          <thead>
            <tr>
              <th scope="col">{t(rowHead)}</th>
              {columns.map((c) => (
                <th scope="col" key={c.head}>
                  {t(c.head)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.platform}>
                <th scope="row">{platformLabel(r.platform)}</th>
                {columns.map((c) => (
                  <td key={c.head}>{c.cell(r)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t('dashNone')}</p>
      )}
    </section>
  );
}

/** A count of one detail, written out. */
export const detailCount = (detail: string) => (r: LedgerRow) => formatNumber(r.details[detail] ?? 0);
