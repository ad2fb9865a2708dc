import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { EmptyState } from '@/components/EmptyState';
import { HealthDetails, HealthWarnings } from '@/components/HealthPanel';
import { KindChart } from '@/components/KindChart';
import { LanguageChoice } from '@/components/LanguageChoice';
import { drawPayslip, payslipLines } from '@/components/payslip';
import { UnreadableNotice } from '@/components/UnreadableNotice';
import { useLive } from '@/components/use-live';
import { ValueCard } from '@/components/ValueCard';
import { hasRealActions } from '@/lib/db/empty';
import { healthStatus, type PlatformHealth } from '@/lib/db/health';
import { openDb } from '@/lib/db/open';
import { daysBetween, previousPeriod, type Summary, summarize } from '@/lib/db/queries';
import { dayKey } from '@/lib/db/schema';
import { loadValuationSettings } from '@/lib/db/settings';
import { DETECTORS } from '@/lib/detectors/registry';
import {
  beneficiaryLabel,
  countOf,
  formatDuration,
  formatNumber,
  kindLabel,
  type MessageKey,
  platformLabel,
  t,
  uiLanguage,
  userLocale,
} from '@/lib/i18n';
import { type BeneficiaryId, beneficiaryOf, KINDS, type PlatformId } from '@/lib/taxonomy';
import { type Valuation, valuate } from '@/lib/valuation';
import { HeatMap } from './HeatMap';
import { History } from './History';
import { Tracking } from './Tracking';
import { WeeklySettings } from './WeeklySettings';

type RangeChoice = 'day' | 'week' | 'month' | 'year' | 'custom';
const RANGE_LENGTH: Record<Exclude<RangeChoice, 'custom'>, number> = { day: 1, week: 7, month: 30, year: 365 };
const RANGE_LABEL: Record<RangeChoice, MessageKey> = {
  day: 'rangeToday',
  week: 'rangeWeek',
  month: 'rangeMonth',
  year: 'rangeYear',
  custom: 'rangeCustom',
};

const today = () => dayKey(Date.now());
const daysAgo = (n: number) => {
  const d = new Date();
  return dayKey(new Date(d.getFullYear(), d.getMonth(), d.getDate() - n, 12).getTime());
};

interface Data {
  summary: Summary;
  previousTotal: number;
  valuation: Valuation;
  health: PlatformHealth[];
  everCounted: boolean;
}

const label = platformLabel;

export function Dashboard() {
  const [range, setRange] = useState<RangeChoice>('month');
  const [from, setFrom] = useState(daysAgo(29));
  const [to, setTo] = useState(today());
  // Dates as YYYY-MM-DD strings sort as they read; a reversed choice is put in order.
  const [first, last] = [from, to].sort();
  const days =
    range === 'custom' ? daysBetween(first as string, last as string) : daysBetween(daysAgo(RANGE_LENGTH[range] - 1), today());

  // Read again for another range and on every stored change; `version` (one per result shown)
  // makes the heat map and the history table read again with the charts.
  const {
    value,
    version,
    reload: load,
  } = useLive(async (): Promise<Data> => {
    const db = openDb();
    const [summary, previous, settings, health, everCounted] = await Promise.all([
      summarize(db, days),
      summarize(db, previousPeriod(days)),
      loadValuationSettings(db, userLocale()),
      healthStatus(
        db,
        DETECTORS.map((d) => d.id),
      ),
      hasRealActions(db),
    ]);
    return { summary, previousTotal: previous.total, valuation: valuate(summary.tallies, settings), health, everCounted };
  }, [days.join()]);
  const data = value ?? null;

  return (
    <main data-state={data ? 'ready' : 'loading'}>
      <header class="dash-head">
        <h1>{t('dashTitle')}</h1>
        <fieldset class="range-picker">
          <legend class="sr-only">{t('rangeLabel')}</legend>
          <div class="ranges">
            {(['day', 'week', 'month', 'year', 'custom'] as const).map((r) => (
              <button type="button" key={r} aria-pressed={r === range} onClick={() => setRange(r)} data-testid={`range-${r}`}>
                {t(RANGE_LABEL[r])}
              </button>
            ))}
          </div>
          {range === 'custom' && (
            <span class="custom-range">
              <label>
                {t('rangeFrom')}{' '}
                <input
                  type="date"
                  value={from}
                  max={today()}
                  onChange={(e) => setFrom((e.target as HTMLInputElement).value || from)}
                />
              </label>{' '}
              <label>
                {t('rangeTo')}{' '}
                <input type="date" value={to} max={today()} onChange={(e) => setTo((e.target as HTMLInputElement).value || to)} />
              </label>
            </span>
          )}
        </fieldset>
      </header>
      {data && <UnreadableNotice onRepaired={load} />}
      {data && <Body data={data} />}
      {data && <HeatMap days={days} version={version} />}
      {data && <Tracking />}
      {data && <WeeklySettings />}
      {data && (
        <section aria-labelledby="ui-language-title" data-testid="language-settings">
          <h2 id="ui-language-title">{t('uiLangTitle')}</h2>
          <LanguageChoice />
        </section>
      )}
      {data && <History onChange={load} version={version} />}
      <footer class="dash-links">
        <nav aria-label={t('dashMoreLabel')}>
          <a href={browser.runtime.getURL('/about.html')}>{t('aboutLink')}</a>
          {' · '}
          <a href={browser.runtime.getURL('/data.html')}>{t('dataLink')}</a>
          {' · '}
          <a href={browser.runtime.getURL('/research.html')} data-testid="research-link">
            {t('researchLink')}
          </a>
          {' · '}
          <a href={browser.runtime.getURL('/class.html')}>{t('classTotalsLink')}</a>
          {' · '}
          <a href={browser.runtime.getURL('/practice.html')}>{t('practiceLink')}</a>
        </nav>
      </footer>
    </main>
  );
}

function Change({ now, before }: { now: number; before: number }) {
  if (before === 0) return <p class="compare">{t('dashNoCompare')}</p>;
  const pct = new Intl.NumberFormat(uiLanguage(), {
    style: 'percent',
    signDisplay: 'exceptZero',
    maximumFractionDigits: 0,
  }).format((now - before) / before);
  return (
    <p class="compare" data-testid="compare">
      {t('dashCompare', pct, countOf('actions', before))}
    </p>
  );
}

/** A labelled horizontal bar per row, with the number written out: readable without the bar. */
function Bars({ rows, testId }: { rows: { key: string; label: string; sub?: string; count: number }[]; testId: string }) {
  const max = Math.max(1, ...rows.map((r) => r.count));
  if (!rows.length) return <p>{t('dashNone')}</p>;
  return (
    <ul class="bars" data-testid={testId}>
      {rows.map((r) => (
        <li key={r.key}>
          <span class="bar-label">
            {r.label}
            {r.sub && <span class="who"> {r.sub}</span>}
          </span>
          <span class="bar-track" aria-hidden="true">
            <span class="bar-fill" style={{ width: `${(100 * r.count) / max}%` }} />
          </span>
          <span class="bar-value">{formatNumber(r.count)}</span>
        </li>
      ))}
    </ul>
  );
}

function Body({ data }: { data: Data }) {
  const { summary, valuation, health } = data;
  const byBeneficiary = new Map<BeneficiaryId, number>();
  for (const p of summary.byPlatform)
    byBeneficiary.set(beneficiaryOf(p.platform), (byBeneficiary.get(beneficiaryOf(p.platform)) ?? 0) + p.count);
  const captcha = ledger(summary, 'captcha');
  const ai = ledger(summary, 'ai-feedback');
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
        <section aria-labelledby="by-platform">
          <h2 id="by-platform">{t('byPlatform')}</h2>
          <Bars
            testId="by-platform"
            rows={summary.byPlatform.map((p) => ({
              key: p.platform,
              label: label(p.platform),
              sub: manualOf(summary, p.platform),
              count: p.count,
            }))}
          />
          <h2>{t('dashByBeneficiary')}</h2>
          <Bars
            testId="by-beneficiary"
            rows={[...byBeneficiary]
              .sort((a, b) => b[1] - a[1])
              .map(([b, count]) => ({ key: b, label: beneficiaryLabel(b), count }))}
          />
        </section>
      </div>
      <div class="columns">
        <section>
          <h2>{t('dashCaptchaLedger')}</h2>
          {captcha.length ? (
            <table data-testid="captcha-ledger">
              <thead>
                <tr>
                  <th scope="col">{t('colProvider')}</th>
                  <th scope="col">{t('colPassedAtOnce')}</th>
                  <th scope="col">{t('colPuzzles')}</th>
                  <th scope="col">{t('colMeasuredTime')}</th>
                </tr>
              </thead>
              <tbody>
                {captcha.map((r) => (
                  <tr key={r.platform}>
                    <th scope="row">{label(r.platform)}</th>
                    <td>{formatNumber(r.details.checkbox ?? 0)}</td>
                    <td>{formatNumber(r.details.challenge ?? 0)}</td>
                    <td>{r.measuredMs ? formatDuration(r.measuredMs / 1000) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p>{t('dashNone')}</p>
          )}
        </section>
        <section>
          <h2>{t('dashAiLedger')}</h2>
          {ai.length ? (
            <table data-testid="ai-ledger">
              <thead>
                <tr>
                  <th scope="col">{t('colAssistant')}</th>
                  <th scope="col">{t('colUp')}</th>
                  <th scope="col">{t('colDown')}</th>
                  <th scope="col">{t('colCompare')}</th>
                </tr>
              </thead>
              <tbody>
                {ai.map((r) => (
                  <tr key={r.platform}>
                    <th scope="row">{label(r.platform)}</th>
                    <td>{formatNumber(r.details.up ?? 0)}</td>
                    <td>{formatNumber(r.details.down ?? 0)}</td>
                    <td>{formatNumber(r.details.compare ?? 0)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p>{t('dashNone')}</p>
          )}
        </section>
      </div>
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
      <HealthDetails health={health} />
    </>
  );
}

/** How many of a platform's actions were entered by hand, as the bar's note (none: no note). */
function manualOf(summary: Summary, platform: PlatformId): string | undefined {
  const n = summary.byDetail.reduce((sum, d) => sum + (d.platform === platform ? (d.manualCount ?? 0) : 0), 0);
  return n > 0 ? countOf('manualOfPlatform', n) : undefined;
}

/** Per platform of one kind: counts per detail and the measured time. */
function ledger(summary: Summary, kind: (typeof KINDS)[number]) {
  const rows = new Map<PlatformId, { platform: PlatformId; details: Record<string, number>; measuredMs: number }>();
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

/** A shareable image of the period's unpaid work: aggregates only, no host, URL or target. */
function Payslip({ summary, valuation }: { summary: Summary; valuation: Valuation }) {
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
