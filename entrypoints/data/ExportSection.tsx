import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { download } from '@/components/download';
import { backupToCsv, exportBackup } from '@/lib/db/backup';
import { openDb } from '@/lib/db/open';
import { isReadableEvent } from '@/lib/db/rows';
import { formatNumber, t, userLocale } from '@/lib/i18n';

/** Saves the whole history as a JSON backup or a CSV, and says how many actions the file holds. */
async function saveBackup(as: 'json' | 'csv'): Promise<string> {
  const backup = await exportBackup(openDb(), browser.runtime.getManifest().version, userLocale());
  const day = new Date().toISOString().slice(0, 10);
  if (as === 'json') download(`clickwork-backup-${day}.json`, 'application/json', JSON.stringify(backup));
  else download(`clickwork-history-${day}.csv`, 'text/csv', backupToCsv(backup));
  const unreadable = backup.events.reduce((n, e) => (isReadableEvent(e) ? n : n + 1), 0);
  const saved = t('dataExported', formatNumber(backup.events.length));
  return unreadable ? `${saved} ${t('dataExportedUnreadable', formatNumber(unreadable))}` : saved;
}

/** The two save buttons and what the last save held. */
export function ExportSection() {
  const [exported, setExported] = useState('');
  const save = async (as: 'json' | 'csv') => setExported(await saveBackup(as));
  return (
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
  );
}
