import { formatNumber, t } from '@/lib/i18n';
import type { RestoreOutcome, RestoreProgress } from './useRestore';

interface ImportProps {
  busy: boolean;
  progress: RestoreProgress | null;
  imported: RestoreOutcome | null;
  onFile: (file: File | undefined) => void;
}

/**
 * How many events a running restore has written: a bar and its label (not announced at every step:
 * the page's status line says once that it runs).
 */
function Progress({ progress }: { progress: RestoreProgress | null }) {
  return (
    <div class="restoring" data-testid="import-progress">
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

/**
 * The section's one status line, on the page from the start so that screen readers announce what it
 * comes to say (a live region added with its text already in it is not announced by all of them):
 * that a restore runs and the page must stay open, then what it did. A refusal is an alert apart.
 */
function Status({ busy, imported }: { busy: boolean; imported: RestoreOutcome | null }) {
  return (
    <div role="status" class="restore-status" data-testid="import-status">
      {busy && (
        <p class="restore-running" data-testid="import-running">
          {t('dataImportRunning')}
        </p>
      )}
      {!busy && imported?.ok && (
        <p class="status" data-testid="import-result">
          {imported.text}
        </p>
      )}
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
      <Status busy={busy} imported={imported} />
      {busy && <Progress progress={progress} />}
      {!busy && imported && !imported.ok && (
        <p role="alert" class="error" data-testid="import-result">
          {imported.text}
        </p>
      )}
    </section>
  );
}
