import { t } from '@/lib/i18n';
import { DropZone } from './DropZone';
import { FileLists } from './FileLists';
import { TotalsView } from './TotalsView';
import { useClassWorker } from './useClassWorker';

/**
 * The class-totals page: files are read, checked and merged in a worker (see useClassWorker);
 * the page shows the drop zone, the files taken and refused, and the totals.
 */
export function ClassTotals() {
  const { view, progress, outcome, add, addEntries, cancel, clear, folderFailed } = useClassWorker();
  const totals = view?.totals;
  const anything = !!view && (view.files > 0 || view.notices.length > 0);
  return (
    <main>
      <h1>{t('classTitle')}</h1>
      <p>{t('classIntro')}</p>
      <p class="privacy" data-testid="privacy-note">
        {t('classPrivacy')}
      </p>
      <DropZone
        onFiles={add}
        onEntries={addEntries}
        onFailed={folderFailed}
        onCancel={cancel}
        progress={progress}
        outcome={outcome}
      />
      <FileLists view={view} />
      {totals && totals.accepted.length > 0 && <TotalsView totals={totals} onClear={clear} />}
      {anything && !totals?.accepted.length && (
        <p class="actions">
          <button type="button" data-testid="clear" onClick={clear}>
            {t('classClear')}
          </button>
        </p>
      )}
    </main>
  );
}
