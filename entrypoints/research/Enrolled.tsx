import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { dayKey } from '@/lib/db/schema';
import { formatDay, t } from '@/lib/i18n';
import { exportPeriod } from '@/lib/research/export';
import type { Enrolment } from '@/lib/research/study';
import { domId } from './dom-id';
import { LeaveDialog } from './LeaveDialog';
import { ConsentCopyButton, PastHistoryNote, PseudonymFact, Receipts } from './StudyExtras';

interface EnrolledProps {
  enrolment: Enrolment;
  onLeft: (message: string) => void;
  /** The study's facts (the page's StudyFacts), given the rows this card adds to them. */
  facts: (extra: ComponentChildren) => ComponentChildren;
  /** The review of a file, given how to close it. */
  review: (onClose: () => void) => ComponentChildren;
}

export function Enrolled({ enrolment, onLeft, facts, review }: EnrolledProps) {
  const [reviewing, setReviewing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const { study } = enrolment;
  const period = exportPeriod(enrolment);
  const ended = study.endDate < dayKey(Date.now());
  return (
    <article class="card" data-testid="enrolment" aria-labelledby={domId(study)}>
      <h3 id={domId(study)}>
        {study.title} {ended && <span class="badge">{t('studyEnded')}</span>}
      </h3>
      {facts(
        <>
          <PseudonymFact pseudonym={enrolment.pseudonym} />
          {enrolment.panelId && (
            <>
              <dt>{t('studyPanelId')}</dt>
              <dd data-testid="panel-id">{enrolment.panelId}</dd>
            </>
          )}
          <dt>{t('studyConsented')}</dt>
          <dd>{t('studyConsentedOn', study.consent.version, formatDay(enrolment.consentDay, 'long'))}</dd>
          <dt>{t('studyExportCovers')}</dt>
          <dd>
            {period ? t('studyPeriodFromTo', formatDay(period.from, 'long'), formatDay(period.to, 'long')) : t('studyNotStarted')}
          </dd>
        </>,
      )}
      <PastHistoryNote study={study} joinedOn={enrolment.consentDay} />
      <details>
        <summary>{t('studyConsent', study.consent.version)}</summary>
        <div class="consent">{study.consent.text}</div>
        <ConsentCopyButton study={study} enrolment={enrolment} />
      </details>
      <Receipts receipts={enrolment.receipts ?? []} />
      {reviewing && review(() => setReviewing(false))}
      <p class="actions">
        {!reviewing && (
          <>
            <button type="button" class="primary" onClick={() => setReviewing(true)} data-testid="study-review">
              {t('studyReview')}
            </button>{' '}
          </>
        )}
        <button type="button" onClick={() => setConfirming(true)} data-testid="study-leave">
          {t('studyLeave')}
        </button>
      </p>
      {confirming && <LeaveDialog enrolment={enrolment} onLeft={onLeft} onCancel={() => setConfirming(false)} />}
    </article>
  );
}
