import { useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { openDb } from '@/lib/db/open';
import { t } from '@/lib/i18n';
import { requestOrigin, send, withdrawalBytes } from '@/lib/research/send';
import { type Enrolment, leaveStudy } from '@/lib/research/study';
import { studyKey } from '@/lib/research/study-extras';
import { sendError } from './sending';

/**
 * Leaving a study: at once, or after sending a withdrawal request to the study's address (asking
 * the browser for it first, in the click). A failed request says why and leaves nothing; `busy`
 * while it runs, and a second click meanwhile does nothing.
 */
export function useLeave(enrolment: Enrolment, onLeft: (message: string) => void) {
  const { study } = enrolment;
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

  return { origin, error, busy, confirm };
}
