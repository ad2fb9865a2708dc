import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { openDb } from '@/lib/db/open';
import { formatMoment, t } from '@/lib/i18n';
import { alreadySent, requestOrigin, send, sha256Hex } from '@/lib/research/send';
import { addReceipt, type Enrolment } from '@/lib/research/study';
import { type Receipt, studyKey } from '@/lib/research/study-extras';
import { receiptLine } from './StudyExtras';
import { sendError } from './sending';

/** The SHA-256 of the file's JSON form, '' until computed (a result for older text is dropped). */
export function useFingerprint(json: string): string {
  const [sha, setSha] = useState('');
  useEffect(() => {
    let live = true;
    sha256Hex(new TextEncoder().encode(json)).then((h) => live && setSha(h));
    return () => {
      live = false;
    };
  }, [json]);
  return sha;
}

/**
 * Sending the file's bytes to the study's address once: the browser is asked for the address first
 * in the click, a file already sent (same fingerprint) is not sent again, the receipt is kept.
 * `message` says how it goes; `sending` while it runs.
 */
export function useSendFile(enrolment: Enrolment, bytes: Uint8Array, rows: number, sha: string, onSent: () => void) {
  const [message, setMessage] = useState('');
  const [sending, setSending] = useState(false);
  // A second click before the page re-renders must not send a second time.
  const busy = useRef(false);
  const { endpoint } = enrolment.study;
  // Sent from this panel, before the enrolment read back holds the receipt.
  const [sentHere, setSentHere] = useState<Receipt | undefined>();
  const sent = !sha ? undefined : (alreadySent(enrolment, sha) ?? (sentHere?.sha256 === sha ? sentHere : undefined));

  const click = () => {
    if (!endpoint || busy.current || !sha) return;
    if (sent) return setMessage(t('participantAlreadySent', formatMoment(sent.at)));
    busy.current = true;
    // First thing in the click: the browser shows its prompt only during the user's gesture.
    const granted = requestOrigin(browser.permissions, endpoint);
    const origin = new URL(endpoint).origin;
    setSending(true);
    setMessage(t('participantSending'));
    (async () => {
      if (!(await granted)) return setMessage(t('participantSendDenied', origin));
      const r = await send(endpoint, bytes, 'file', rows);
      if (!r.ok) return setMessage(sendError(r, origin));
      setSentHere(r.receipt);
      await addReceipt(openDb(), studyKey(enrolment.study), r.receipt);
      setMessage(receiptLine(r.receipt));
      onSent();
    })().finally(() => {
      busy.current = false;
      setSending(false);
    });
  };

  return { message, sending, click };
}
