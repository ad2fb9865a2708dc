import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { openDb } from '@/lib/db/open';
import { formatMoment, formatNumber, t } from '@/lib/i18n';
import type { AnonymisedExport } from '@/lib/research/format';
import { alreadySent, requestOrigin, send, sha256Hex } from '@/lib/research/send';
import { addReceipt, type Enrolment } from '@/lib/research/study';
import { type Receipt, studyKey } from '@/lib/research/study-extras';
import { receiptLine } from './StudyExtras';
import { fileBytes, sendError } from './sending';

/** The file under review, its fingerprint, and — where the study names an address — "Send to the study". */
export function SendPanel({ enrolment, file, onSent }: { enrolment: Enrolment; file: AnonymisedExport; onSent: () => void }) {
  const [sha, setSha] = useState('');
  const [message, setMessage] = useState('');
  const [sending, setSending] = useState(false);
  // A second click before the page re-renders must not send a second time.
  const busy = useRef(false);
  const bytes = fileBytes(file);
  const json = new TextDecoder().decode(bytes);
  useEffect(() => {
    let live = true;
    sha256Hex(new TextEncoder().encode(json)).then((h) => live && setSha(h));
    return () => {
      live = false;
    };
  }, [json]);
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
      const r = await send(endpoint, bytes, 'file', file.rows.length);
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

  return (
    <div class="send" data-testid="send-panel">
      <p>
        {t('participantFingerprint')} <code data-testid="file-sha256">{sha}</code>
      </p>
      {endpoint && (
        <>
          <p>{t('participantSendHelp', formatNumber(file.rows.length), formatNumber(bytes.length), new URL(endpoint).origin)}</p>
          <p class="actions">
            <button type="button" class="primary" disabled={sending} onClick={click} data-testid="study-send">
              {t('participantSend')}
            </button>
          </p>
        </>
      )}
      <p role="status" data-testid="send-status">
        {message}
      </p>
    </div>
  );
}
