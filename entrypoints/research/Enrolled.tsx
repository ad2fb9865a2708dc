import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { openDb } from '@/lib/db/open';
import { dayKey } from '@/lib/db/schema';
import { formatDay, t } from '@/lib/i18n';
import { exportPeriod } from '@/lib/research/export';
import { requestOrigin, send, withdrawalBytes } from '@/lib/research/send';
import { type Enrolment, leaveStudy, type Study } from '@/lib/research/study';
import { studyKey } from '@/lib/research/study-extras';
import { sendError } from './SendPanel';
import { ConsentCopyButton, PastHistoryNote, PseudonymFact, Receipts } from './StudyExtras';

/** A DOM id for a study: its key without the characters ids should not hold. */
export const domId = (study: Study) => `study-${studyKey(study).replace(/[^a-z0-9-]/g, '-')}`;

/** Confirms leaving; where the study names an address, can send a withdrawal request there first. */
function LeaveDialog({
  enrolment,
  onLeft,
  onCancel,
}: {
  enrolment: Enrolment;
  onLeft: (message: string) => void;
  onCancel: () => void;
}) {
  const { study } = enrolment;
  const [withdraw, setWithdraw] = useState(Boolean(study.endpoint));
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const clicked = useRef(false);
  const origin = study.endpoint ? new URL(study.endpoint).origin : '';

  const leave = async (message: string) => {
    await leaveStudy(openDb(), studyKey(study));
    onLeft(message);
  };
  const confirm = (sendRequest: boolean) => {
    if (clicked.current) return;
    if (!sendRequest || !study.endpoint) return void leave(t('studyLeft', study.title));
    clicked.current = true;
    // First thing in the click: the browser shows its prompt only during the user's gesture.
    const granted = requestOrigin(browser.permissions, study.endpoint);
    const endpoint = study.endpoint;
    setBusy(true);
    setError('');
    (async () => {
      if (!(await granted)) return setError(t('participantWithdrawFailed', t('participantSendDenied', origin)));
      const r = await send(endpoint, withdrawalBytes(enrolment), 'withdrawal', 0);
      if (!r.ok) return setError(t('participantWithdrawFailed', sendError(r, origin)));
      await leave(
        t('participantWithdrawSent', study.title, origin, enrolment.pseudonym, r.receipt.receipt || t('participantNoReceipt')),
      );
    })().finally(() => {
      clicked.current = false;
      setBusy(false);
    });
  };

  return (
    <div role="alertdialog" aria-labelledby={`leave-${domId(study)}`} class="confirm">
      <p id={`leave-${domId(study)}`}>{t('studyLeaveConfirm')}</p>
      <p>
        {t('studyPseudonym')}: <code data-testid="leave-pseudonym">{enrolment.pseudonym}</code>
      </p>
      {study.endpoint && (
        <p>
          <label>
            <input
              type="checkbox"
              checked={withdraw}
              onChange={(e) => setWithdraw((e.target as HTMLInputElement).checked)}
              data-testid="study-withdraw"
            />{' '}
            {t('participantWithdrawAlso', origin)}
          </label>
        </p>
      )}
      {error && (
        <p role="alert" class="error" data-testid="leave-error">
          {error}
        </p>
      )}
      <button type="button" class="danger" disabled={busy} onClick={() => confirm(withdraw)} data-testid="study-leave-confirm">
        {t('studyLeaveYes')}
      </button>{' '}
      {error && (
        <>
          <button type="button" onClick={() => confirm(false)} data-testid="study-leave-anyway">
            {t('participantLeaveWithoutSending')}
          </button>{' '}
        </>
      )}
      <button type="button" onClick={onCancel}>
        {t('cancel')}
      </button>
    </div>
  );
}

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
