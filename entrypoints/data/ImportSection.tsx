import { formatNumber, t } from '@/lib/i18n';
import type { RestoreOutcome, RestoreProgress } from './useRestore';

interface ImportProps {
  busy: boolean;
  progress: RestoreProgress | null;
  imported: RestoreOutcome | null;
  onFile: (file: File | undefined) => void;
}

/**
 * While a restore runs: that it runs and that the page must stay open (announced once), and how many
 * events are written (a bar and its label, not announced at every step).
 */
function Restoring({ progress }: { progress: RestoreProgress | null }) {
  return (
    <div class="restoring" data-testid="import-progress">
      <p role="status" data-testid="import-running">
        {t('dataImportRunning')}
      </p>
      <label for="import-progress-bar" data-testid="import-progress-label">
        {progress
          ? t('dataImportProgress', formatNumber(progress.written), formatNumber(progress.total))
          : t('dataImportReading')}
      </label>
      <progress
        id="import-progress-bar"
        max={progress?.total || 1}
        // Without a value the bar is indeterminate: the file is still being read and checked.
        value={progress ? progress.written : undefined}
      />
    </div>
  );
}

/** The backup file chooser (off while a restore runs), its progress and how the last restore ended. */
export function ImportSection({ busy, progress, imported, onFile }: ImportProps) {
  return (
    <section>
      <h2>{t('dataImportTitle')}</h2>
      <p>{t('dataImportHelp')}</p>
      <label>
        {t('dataImportFile')}{' '}
        <input
          type="file"
          accept=".json,application/json"
          disabled={busy}
          onChange={(e) => onFile((e.target as HTMLInputElement).files?.[0])}
          data-testid="import-file"
        />
      </label>
      {busy && <Restoring progress={progress} />}
      {imported && (
        <p role={imported.ok ? 'status' : 'alert'} class={imported.ok ? 'status' : 'error'} data-testid="import-result">
          {imported.text}
        </p>
      )}
    </section>
  );
}
