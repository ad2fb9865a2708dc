import { useState } from 'preact/hooks';
import { drawPayslip, payslipLines } from '@/components/payslip';
import type { Summary } from '@/lib/db/queries';
import { countOf, formatDuration, t } from '@/lib/i18n';
import type { Valuation } from '@/lib/valuation';

/** A shareable image of the period's unpaid work: aggregates only, no host, URL or target. */
export function Payslip({ summary, valuation }: { summary: Summary; valuation: Valuation }) {
  const [url, setUrl] = useState('');
  const make = async () => {
    const blob = await drawPayslip(payslipLines(summary, valuation));
    const next = URL.createObjectURL(blob);
    setUrl((old) => {
      if (old) URL.revokeObjectURL(old);
      return next;
    });
    const a = Object.assign(document.createElement('a'), {
      href: next,
      download: `clickwork-payslip-${summary.days.at(-1)}.png`,
    });
    document.body.append(a);
    a.click();
    a.remove();
  };
  return (
    <section class="payslip">
      <button type="button" onClick={make} data-testid="payslip">
        {t('payslipButton')}
      </button>
      {url && (
        <img
          src={url}
          alt={t('payslipAlt', `${countOf('actions', summary.total)}, ${formatDuration(valuation.seconds)}`)}
          data-testid="payslip-image"
        />
      )}
    </section>
  );
}
