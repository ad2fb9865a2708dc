import type { Summary } from '@/lib/db/queries';
import { BENEFICIARIES, beneficiaryOf } from '@/lib/taxonomy';
import type { Valuation } from '@/lib/valuation';
import { formatDay, formatDuration, formatMoney, formatNumber, kindLabel, t } from '../lib/i18n';

export interface PayslipLines {
  title: string;
  period: string;
  worker: string;
  sections: { heading: string; rows: [string, string][] }[];
  foot: string;
}

/**
 * What the payslip says, from aggregates only: kinds, companies and values. It holds no host, URL
 * or target, so the image can be shared.
 */
export function payslipLines(summary: Summary, valuation: Valuation): PayslipLines {
  const byCompany = new Map<string, number>();
  for (const p of summary.byPlatform) {
    const name = BENEFICIARIES[beneficiaryOf(p.platform)];
    byCompany.set(name, (byCompany.get(name) ?? 0) + p.count);
  }
  const market = Object.entries(valuation.market.amounts)
    .map(([c, a]) => formatMoney(a, c))
    .join(' + ');
  const rate = (r: Valuation['fair']['rate']) =>
    `${r.preset ? t(r.preset.name) : t('rate_custom')}, ${formatMoney(r.amount, r.currency)}`;
  return {
    title: t('payslipTitle'),
    period: t('payslipPeriod', formatDay(summary.days[0] as string, 'long'), formatDay(summary.days.at(-1) as string, 'long')),
    worker: t('payslipWorker'),
    sections: [
      {
        heading: t('payslipHours'),
        rows: [
          [t('totalLabel'), formatNumber(summary.total)],
          [t('payslipHours'), formatDuration(valuation.seconds)],
        ],
      },
      { heading: t('payslipKinds'), rows: summary.byKind.map((k) => [kindLabel(k.kind), formatNumber(k.count)]) },
      {
        heading: t('payslipReceivers'),
        rows: [...byCompany].sort((a, b) => b[1] - a[1]).map(([name, n]) => [name, formatNumber(n)]),
      },
      {
        heading: t('payslipWorth'),
        rows: [
          [`${t('valueFair')} (${rate(valuation.fair.rate)})`, formatMoney(valuation.fair.amount, valuation.fair.rate.currency)],
          [
            `${t('valueMicro')} (${rate(valuation.micro.rate)})`,
            formatMoney(valuation.micro.amount, valuation.micro.rate.currency),
          ],
          [t('valueMarket'), market || formatMoney(0, 'EUR')],
        ],
      },
    ],
    foot: t('payslipFoot'),
  };
}

/** Draws the payslip on a canvas, like a printed pay statement, and returns it as a PNG blob. */
export async function drawPayslip(lines: PayslipLines): Promise<Blob> {
  const width = 900;
  const rowH = 30;
  // A heading, its rows and half a row of space per section, between the header and the footnote.
  const rows = lines.sections.reduce((n, s) => n + s.rows.length + 1.5, 0);
  const height = Math.ceil(190 + rows * rowH + 60);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const g = canvas.getContext('2d') as CanvasRenderingContext2D;
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, width, height);
  g.strokeStyle = '#1d1d1f';
  g.lineWidth = 2;
  g.strokeRect(20, 20, width - 40, height - 40);
  g.fillStyle = '#1d1d1f';
  g.font = 'bold 30px system-ui, sans-serif';
  g.fillText(lines.title, 48, 78);
  g.font = '18px system-ui, sans-serif';
  g.fillText(lines.period, 48, 112);
  g.fillText(lines.worker, 48, 140);
  let y = 190;
  for (const section of lines.sections) {
    g.fillStyle = '#e8eefc';
    g.fillRect(40, y - 22, width - 80, rowH);
    g.fillStyle = '#0b3d91';
    g.font = 'bold 18px system-ui, sans-serif';
    g.fillText(section.heading, 52, y);
    y += rowH;
    g.font = '17px system-ui, sans-serif';
    g.fillStyle = '#1d1d1f';
    for (const [label, value] of section.rows) {
      g.fillText(label, 60, y, width - 300);
      g.textAlign = 'right';
      g.fillText(value, width - 60, y);
      g.textAlign = 'left';
      y += rowH;
    }
    y += rowH / 2;
  }
  g.font = 'italic 15px system-ui, sans-serif';
  g.fillStyle = '#55555c';
  g.fillText(lines.foot, 48, height - 48, width - 96);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('no image'))), 'image/png'));
}
