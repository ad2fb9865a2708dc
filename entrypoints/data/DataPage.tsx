import { t } from '@/lib/i18n';
import { ExportSection } from './ExportSection';
import { ImportSection } from './ImportSection';
import { SettingsStep } from './SettingsStep';
import { useRestore } from './useRestore';

/** Backup and restore: save the history, restore a file as a merge, then offer the file's settings. */
export function DataPage() {
  const { imported, busy, progress, fileSettings, restore } = useRestore();
  return (
    <main>
      <h1>{t('dataTitle')}</h1>
      <p>{t('dataIntro')}</p>
      <ExportSection />
      <ImportSection busy={busy} progress={progress} imported={imported} onFile={restore} />
      {fileSettings && <SettingsStep settings={fileSettings} />}
    </main>
  );
}
