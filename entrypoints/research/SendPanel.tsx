import { formatNumber, t } from '@/lib/i18n';
import type { AnonymisedExport } from '@/lib/research/format';
import type { Enrolment } from '@/lib/research/study';
import { fileBytes } from './sending';
import { useFingerprint, useSendFile } from './useSendFile';

/** The file under review, its fingerprint, and — where the study names an address — "Send to the study". */
export function SendPanel({ enrolment, file, onSent }: { enrolment: Enrolment; file: AnonymisedExport; onSent: () => void }) {
  const bytes = fileBytes(file);
  const sha = useFingerprint(new TextDecoder().decode(bytes));
  const { message, sending, click } = useSendFile(enrolment, bytes, file.rows.length, sha, onSent);
  const { endpoint } = enrolment.study;
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
