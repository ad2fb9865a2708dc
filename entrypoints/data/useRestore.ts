import { useState } from 'preact/hooks';
import { type FileSettings, type ImportResult, importBackup } from '@/lib/db/backup';
import { openDb } from '@/lib/db/open';
import { isQuotaError } from '@/lib/db/quota';
import { loadTracking } from '@/lib/db/tracking';
import { formatNumber, type MessageKey, t, userLocale } from '@/lib/i18n';
import { announce } from '@/lib/page-messages';

/** How the last restore ended, in words: ok (added…) or refused (why). */
export interface RestoreOutcome {
  ok: boolean;
  text: string;
}

/** Exactly what a restore did, in words: added, already here, skipped and why, nothing deleted. */
async function restoredText(result: Extract<ImportResult, { ok: true }>): Promise<string> {
  const lines = [t('dataImported', formatNumber(result.added), formatNumber(result.duplicates))];
  if (result.skipped.unreadable) lines.push(t('dataSkippedUnreadable', formatNumber(result.skipped.unreadable)));
  if (result.skipped.retention) {
    const days = (await loadTracking(openDb())).retentionDays ?? 0;
    lines.push(t('dataSkippedRetention', formatNumber(result.skipped.retention), formatNumber(days)));
  }
  lines.push(t('dataNothingDeleted'));
  return lines.join(' ');
}

/**
 * Why a restore that had started writing failed, in words. The transaction was undone as a whole, so
 * nothing was changed: a full disk says so and what to do; anything else that stopped it keeps the browser's words.
 */
export function restoreFailure(error: unknown): string {
  if (isQuotaError(error)) return t('dataImportRefused', t('importErr_storage_full'));
  const words = error instanceof Error ? error.message || error.name : String(error);
  return t('dataImportRefused', t('importErr_stopped', words));
}

/** How far a restore is: `null` while the file is read and checked, then events written of the total. */
export interface RestoreProgress {
  written: number;
  total: number;
}

/**
 * Restoring a backup file as a merge: busy while it runs (with its progress), then how it ended and
 * the file's settings (not applied: the page offers them apart, one by one).
 */
export function useRestore() {
  const [imported, setImported] = useState<RestoreOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<RestoreProgress | null>(null);
  const [fileSettings, setFileSettings] = useState<FileSettings | null>(null);

  const restore = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setProgress(null);
    setImported(null);
    setFileSettings(null);
    try {
      const result = await importBackup(openDb(), await file.text(), userLocale(), (written, total) =>
        setProgress({ written, total }),
      );
      if (result.ok) {
        setImported({ ok: true, text: await restoredText(result) });
        announce('events-changed');
        // The file's settings are not applied: they are offered apart, one by one.
        setFileSettings(result.settings);
      } else {
        setImported({
          ok: false,
          text: t('dataImportRefused', t(`importErr_${result.error.replaceAll('-', '_')}` as MessageKey)),
        });
      }
    } catch (error) {
      setImported({ ok: false, text: restoreFailure(error) });
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  return { imported, busy, progress, fileSettings, restore };
}
