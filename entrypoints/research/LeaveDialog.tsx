import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { Enrolment } from '@/lib/research/study';
import { domId } from './dom-id';
import { useLeave } from './useLeave';

interface LeaveProps {
  enrolment: Enrolment;
  onLeft: (message: string) => void;
  onCancel: () => void;
}

/** Confirms leaving; where the study names an address, can send a withdrawal request there first. */
export function LeaveDialog({ enrolment, onLeft, onCancel }: LeaveProps) {
  const { study } = enrolment;
  const [withdraw, setWithdraw] = useState(Boolean(study.endpoint));
  const { origin, error, busy, confirm } = useLeave(enrolment, onLeft);
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
