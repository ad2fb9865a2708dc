import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { download } from '@/components/download';
import { backupToCsv, exportBackup, type FileSettings, type ImportResult, importBackup } from '@/lib/db/backup';
import { openDb } from '@/lib/db/open';
import { isReadableEvent } from '@/lib/db/rows';
import { loadTracking } from '@/lib/db/tracking';
import { formatNumber, type MessageKey, t, userLocale } from '@/lib/i18n';
import { announce } from '@/lib/page-messages';
import { SettingsStep } from './SettingsStep';

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

export function DataPage() {
  const [exported, setExported] = useState('');
  const [imported, setImported] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [fileSettings, setFileSettings] = useState<FileSettings | null>(null);

  const save = async (as: 'json' | 'csv') => {
    const backup = await exportBackup(openDb(), browser.runtime.getManifest().version, userLocale());
    const day = new Date().toISOString().slice(0, 10);
    if (as === 'json') download(`clickwork-backup-${day}.json`, 'application/json', JSON.stringify(backup));
    else download(`clickwork-history-${day}.csv`, 'text/csv', backupToCsv(backup));
    const unreadable = backup.events.reduce((n, e) => (isReadableEvent(e) ? n : n + 1), 0);
    const saved = t('dataExported', formatNumber(backup.events.length));
    setExported(unreadable ? `${saved} ${t('dataExportedUnreadable', formatNumber(unreadable))}` : saved);
  };

  const restore = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setFileSettings(null);
    try {
      const result = await importBackup(openDb(), await file.text(), userLocale());
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
      setImported({ ok: false, text: t('dataImportRefused', String(error)) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <main>
      <h1>{t('dataTitle')}</h1>
      <p>{t('dataIntro')}</p>
      <section>
        <h2>{t('dataExportTitle')}</h2>
        <p class="actions">
          <button type="button" onClick={() => save('json')} data-testid="export-json">
            {t('dataExportJson')}
          </button>{' '}
          <button type="button" onClick={() => save('csv')} data-testid="export-csv">
            {t('dataExportCsv')}
          </button>
        </p>
        <p role="status">{exported}</p>
      </section>
      <section>
        <h2>{t('dataImportTitle')}</h2>
        <p>{t('dataImportHelp')}</p>
        <label>
          {t('dataImportFile')}{' '}
          <input
            type="file"
            accept=".json,application/json"
            disabled={busy}
            onChange={(e) => restore((e.target as HTMLInputElement).files?.[0])}
            data-testid="import-file"
          />
        </label>
        {imported && (
          <p role={imported.ok ? 'status' : 'alert'} class={imported.ok ? 'status' : 'error'} data-testid="import-result">
            {imported.text}
          </p>
        )}
      </section>
      {fileSettings && <SettingsStep settings={fileSettings} />}
    </main>
  );
}
