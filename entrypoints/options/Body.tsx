import { browser } from 'wxt/browser';
import { EmptyState } from '@/components/EmptyState';
import { KindChart } from '@/components/KindChart';
import { lazyPart } from '@/components/lazy';
import { ValueCard } from '@/components/ValueCard';
import type { PlatformHealth } from '@/lib/db/health';
import type { Summary } from '@/lib/db/queries';
import { beneficiaryLabel, formatDuration, formatNumber, kindLabel, type MessageKey, platformLabel, t } from '@/lib/i18n';
import { type BeneficiaryId, beneficiaryOf, KINDS } from '@/lib/taxonomy';
import type { Valuation } from '@/lib/valuation';
import { Bars } from './Bars';
import { Change } from './Change';
import { detailCount, LedgerTable, ledger, manualOf } from './Ledger';
import { Payslip } from './Payslip';

// Drawn from the detector registry, whose code comes after the first chart (wxt.config.ts), as the health it shows.
const HealthWarnings = lazyPart(() => import('@/components/HealthPanel').then((m) => m.HealthWarnings));
const HealthDetails = lazyPart(() => import('@/components/HealthPanel').then((m) => m.HealthDetails));

/** What the dashboard reads for the chosen range. */
export interface Data {
  summary: Summary;
  previousTotal: number;
  valuation: Valuation;
  everCounted: boolean;
}

/**
 * The dashboard's numbers for the chosen range: headline, charts, ledgers, explainers; the platforms'
 * health (read apart, empty until read) above and below them.
 */
export function Body({ data, health }: { data: Data; health: PlatformHealth[] }) {
  const { summary, valuation } = data;
  return (
    <>
      <HealthWarnings health={health} />
      <section class="headline">
        <p>
          <span class="label">{t('totalLabel')}</span> <strong data-testid="total">{formatNumber(summary.total)}</strong>
        </p>
        <Change now={summary.total} before={data.previousTotal} />
      </section>
      {summary.total > 0 && <ValueCard valuation={valuation} aboutUrl={browser.runtime.getURL('/about.html')} />}
      {summary.total > 0 && <Payslip summary={summary} valuation={valuation} />}
      <div class="columns">
        <section>
          {summary.total > 0 ? (
            <KindChart summary={summary} />
          ) : (
            <EmptyState state={data.everCounted ? 'period' : 'never'} where="dashboard" />
          )}
        </section>
        <WhoReceived summary={summary} />
      </div>
      <Ledgers summary={summary} />
      <KindExplainers />
      <HealthDetails health={health} />
    </>
  );
}

/** Actions by platform, and by the company that received them. */
function WhoReceived({ summary }: { summary: Summary }) {
  const byBeneficiary = new Map<BeneficiaryId, number>();
  for (const p of summary.byPlatform)
    byBeneficiary.set(beneficiaryOf(p.platform), (byBeneficiary.get(beneficiaryOf(p.platform)) ?? 0) + p.count);
  return (
    <section aria-labelledby="by-platform">
      <h2 id="by-platform">{t('byPlatform')}</h2>
      <Bars
        testId="by-platform"
        rows={summary.byPlatform.map((p) => ({
          key: p.platform,
          label: platformLabel(p.platform),
          sub: manualOf(summary, p.platform),
          count: p.count,
        }))}
      />
      <h2>{t('dashByBeneficiary')}</h2>
      <Bars
        testId="by-beneficiary"
        rows={[...byBeneficiary].sort((a, b) => b[1] - a[1]).map(([b, count]) => ({ key: b, label: beneficiaryLabel(b), count }))}
      />
    </section>
  );
}

/** The CAPTCHA and AI-feedback ledgers, side by side. */
function Ledgers({ summary }: { summary: Summary }) {
  return (
    <div class="columns">
      <LedgerTable
        title="dashCaptchaLedger"
        testId="captcha-ledger"
        rows={ledger(summary, 'captcha')}
        rowHead="colProvider"
        columns={[
          { head: 'colPassedAtOnce', cell: detailCount('checkbox') },
          { head: 'colPuzzles', cell: detailCount('challenge') },
          { head: 'colMeasuredTime', cell: (r) => (r.measuredMs ? formatDuration(r.measuredMs / 1000) : '—') },
        ]}
      />
      <LedgerTable
        title="dashAiLedger"
        testId="ai-ledger"
        rows={ledger(summary, 'ai-feedback')}
        rowHead="colAssistant"
        columns={[
          { head: 'colUp', cell: detailCount('up') },
          { head: 'colDown', cell: detailCount('down') },
          { head: 'colCompare', cell: detailCount('compare') },
        ]}
      />
    </div>
  );
}

/** What each kind of click-work is. */
function KindExplainers() {
  return (
    <section>
      <h2>{t('dashKinds')}</h2>
      <dl class="explainers">
        {KINDS.map((k) => (
          <div key={k}>
            <dt>{kindLabel(k)}</dt>
            <dd>{t(`explain_${k.replace('-', '_')}` as MessageKey)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
