import { t } from '@/lib/i18n';
import type { AnonymisedExport } from '@/lib/research/format';
import type { SendResult } from '@/lib/research/send';

/** The bytes of the JSON form: what is saved and what is sent are the same bytes. */
export const fileBytes = (file: AnonymisedExport) => new TextEncoder().encode(JSON.stringify(file, null, 1));

/** A failed send, in words. */
export function sendError(r: Exclude<SendResult, { ok: true }>, origin: string): string {
  if (r.error === 'refused') return t('participantSendRefused', String(r.status));
  return t(r.error === 'timeout' ? 'participantSendTimeout' : 'participantSendNetwork', origin);
}
