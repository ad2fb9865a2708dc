import { t } from '@/lib/i18n';
import type { RestoreOutcome } from './useRestore';

interface ImportProps {
  busy: boolean;
  imported: RestoreOutcome | null;
  onFile: (file: File | undefined) => void;
}

/** The backup file chooser (off while a restore runs) and how the last restore ended. */
export function ImportSection({ busy, imported, onFile }: ImportProps) {
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
      {imported && (
        <p role={imported.ok ? 'status' : 'alert'} class={imported.ok ? 'status' : 'error'} data-testid="import-result">
          {imported.text}
        </p>
      )}
    </section>
  );
}
