import { useState } from 'preact/hooks';
import { download } from '@/components/download';
import { dayKey } from '@/lib/db/schema';
import { formatDay, formatMoment, formatNumber, t } from '@/lib/i18n';
import type { Enrolment, Study } from '@/lib/research/study';
import type { Receipt } from '@/lib/research/study-extras';

/** Whole days from `a` to `b` (YYYY-MM-DD, local). */
function daysBetween(a: string, b: string): number {
  const [ya, ma, da] = a.split('-').map(Number) as [number, number, number];
  const [yb, mb, db] = b.split('-').map(Number) as [number, number, number];
  return Math.round((Date.UTC(yb, mb - 1, db) - Date.UTC(ya, ma - 1, da)) / 86_400_000);
}

/** A study whose start comes before joining collects past history: said plainly, before and after. */
export function PastHistoryNote({ study, joinedOn }: { study: Study; joinedOn?: string }) {
  const day = joinedOn ?? dayKey(Date.now());
  if (!study.startDate || study.startDate >= day) return null;
  return (
    <p class="notice" data-testid="study-past-history">
      {joinedOn
        ? t('studyPastHistoryJoined', formatDay(study.startDate, 'long'), formatDay(joinedOn, 'long'))
        : t('studyPastHistory', formatDay(study.startDate, 'long'), formatNumber(daysBetween(study.startDate, day)))}
    </p>
  );
}

/** The ethics fields and where files may be sent, as `<dt>/<dd>` pairs of the study's facts. */
export function EthicsFacts({ study }: { study: Study }) {
  const { ethics, endpoint } = study;
  return (
    <>
      {ethics ? (
        <>
          <dt>{t('studyEthicsApproval')}</dt>
          <dd data-testid="study-ethics-approval">{ethics.approval}</dd>
          <dt>{t('studyEthicsDataProtection')}</dt>
          <dd>{ethics.data_protection}</dd>
          <dt>{t('studyEthicsRetention')}</dt>
          <dd>{ethics.retention}</dd>
        </>
      ) : (
        <>
          <dt>{t('studyEthicsApproval')}</dt>
          <dd class="error" data-testid="study-ethics-none">
            {t('studyEthicsNone')}
          </dd>
        </>
      )}
      <dt>{t('studyEndpoint')}</dt>
      <dd data-testid="study-endpoint">{endpoint ? t('studyEndpointAt', new URL(endpoint).origin) : t('studyEndpointNone')}</dd>
    </>
  );
}

/** The consent text and what it was agreed to, as a plain-text file the participant keeps. */
function consentCopy(study: Study, enrolment?: Enrolment): string {
  const lines = [
    study.title,
    `${t('studyResearcher')}: ${study.researcher}`,
    `${t('studyContact')}: ${study.contact}`,
    `${t('studyId')}: ${study.id}`,
  ];
  if (study.ethics)
    lines.push(
      `${t('studyEthicsApproval')}: ${study.ethics.approval}`,
      `${t('studyEthicsDataProtection')}: ${study.ethics.data_protection}`,
      `${t('studyEthicsRetention')}: ${study.ethics.retention}`,
    );
  if (study.endpoint) lines.push(`${t('studyEndpoint')}: ${study.endpoint}`);
  if (enrolment) {
    lines.push(`${t('studyConsented')}: ${t('studyConsentedOn', study.consent.version, enrolment.consentDay)}`);
    lines.push(`${t('studyPseudonym')}: ${enrolment.pseudonym}`);
    if (enrolment.panelId) lines.push(`${t('studyPanelId')}: ${enrolment.panelId}`);
  }
  lines.push('', t('studyConsent', study.consent.version), '', study.consent.text, '');
  return lines.join('\n');
}

export function ConsentCopyButton({ study, enrolment }: { study: Study; enrolment?: Enrolment }) {
  return (
    <button
      type="button"
      onClick={() => download(`consent-${study.id}-${study.consent.version}.txt`, 'text/plain', consentCopy(study, enrolment))}
      data-testid="study-consent-save"
    >
      {t('studyConsentSave')}
    </button>
  );
}

/** The pseudonym, what it is for, and a copy button. */
export function PseudonymFact({ pseudonym }: { pseudonym: string }) {
  const [copied, setCopied] = useState('');
  const copy = () =>
    navigator.clipboard.writeText(pseudonym).then(
      () => setCopied(t('studyPseudonymCopied')),
      () => setCopied(t('studyPseudonymCopyFailed')),
    );
  return (
    <>
      <dt>{t('studyPseudonym')}</dt>
      <dd>
        <code data-testid="pseudonym">{pseudonym}</code>{' '}
        <button type="button" onClick={copy} data-testid="pseudonym-copy">
          {t('studyPseudonymCopy')}
        </button>{' '}
        <span role="status" data-testid="pseudonym-copied">
          {copied}
        </span>
        <p class="hint" data-testid="pseudonym-help">
          {t('studyPseudonymHelp')}
        </p>
      </dd>
    </>
  );
}

/** What was sent to the study, with the server's receipts. */
export function Receipts({ receipts }: { receipts: readonly Receipt[] }) {
  if (!receipts.length) return null;
  return (
    <section aria-label={t('participantReceipts')}>
      <h4>{t('participantReceipts')}</h4>
      <ul data-testid="study-receipts">
        {receipts.map((r) => (
          <li key={`${r.at}-${r.sha256}`}>{receiptLine(r)}</li>
        ))}
      </ul>
    </section>
  );
}

export function receiptLine(r: Receipt): string {
  return t(
    'participantSent',
    formatMoment(r.at),
    new URL(r.endpoint).origin,
    formatNumber(r.rows),
    r.sha256.slice(0, 16),
    r.receipt || t('participantNoReceipt'),
  );
}
