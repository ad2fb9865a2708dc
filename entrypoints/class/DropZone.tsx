import { useRef } from 'preact/hooks';
import { formatNumber, t } from '@/lib/i18n';
import { type DropProgress, MAX_CLASS_BYTES, MAX_CLASS_FILES } from '@/lib/research/class-drop';
import { MAX_EXPORT_BYTES } from '@/lib/research/format';
import { ProgressPanel } from './ProgressPanel';
import type { Outcome } from './useClassWorker';
import { useDropTarget, useNoDropBesideZone } from './useDropTarget';

const MB = 1024 * 1024;

/** What the live region says: files being read, or how the last reading ended. */
function statusText(progress: DropProgress | null, outcome: Outcome): string {
  if (progress) return outcome === 'cancelling' ? t('classCancelling') : t('classReading', formatNumber(progress.total));
  if (outcome === 'cancelled') return t('classCancelled');
  if (outcome === 'failed') return t('classFailed');
  if (outcome === 'folder-failed') return t('classFolderFailed');
  return '';
}

/** Chromium's folder chooser (File System Access API); Firefox has none: its users choose the files. */
type FolderPicker = (options: { id?: string; mode?: 'read' }) => Promise<FileSystemDirectoryHandle>;
const folderPicker = () => (globalThis as { showDirectoryPicker?: FolderPicker }).showDirectoryPicker;

/** "Choose a folder": the chosen folder's handle goes to the worker, which lists and reads it. */
function FolderButton(props: { onEntries: (entries: FileSystemHandle[]) => void; onFailed: () => void }) {
  const choose = async () => {
    try {
      props.onEntries([await (folderPicker() as FolderPicker)({ id: 'class-exports', mode: 'read' })]);
    } catch (error) {
      // Closing the chooser is not a failure.
      if ((error as Error | undefined)?.name !== 'AbortError') props.onFailed();
    }
  };
  return (
    <p class="folder">
      <button type="button" onClick={choose} data-testid="class-folder">
        {t('classChooseFolder')}
      </button>{' '}
      <span class="hint">{t('classChooseFolderHint')}</span>
    </p>
  );
}

/**
 * The drop zone, file chooser and folder chooser (where the browser has one), with the page's
 * limits, the reading's progress and its status.
 */
export function DropZone(props: {
  onFiles: (files: File[]) => void;
  onEntries: (entries: FileSystemHandle[]) => void;
  onFailed: () => void;
  onCancel: () => void;
  progress: DropProgress | null;
  outcome: Outcome;
}) {
  const input = useRef<HTMLInputElement>(null);
  useNoDropBesideZone();
  const take = (files: FileList | null | undefined) => {
    props.onFiles([...(files ?? [])]);
    // The files are handed over: the same files can be chosen again.
    if (input.current) input.current.value = '';
  };
  const { over, handlers } = useDropTarget(take, props.onEntries);

  return (
    <section class={`drop${over ? ' over' : ''}`} aria-labelledby="drop-title" data-testid="drop-zone" {...handlers}>
      <p id="drop-title" class="drop-title">
        {t('classDropHere')}
      </p>
      <label>
        {t('classChooseFiles')}{' '}
        <input
          ref={input}
          type="file"
          multiple
          accept=".json,.zip,.csv,application/json,application/zip,text/csv"
          onChange={(e) => take((e.target as HTMLInputElement).files)}
          data-testid="class-files"
        />
      </label>
      {folderPicker() && <FolderButton onEntries={props.onEntries} onFailed={props.onFailed} />}
      <p class="limits" data-testid="limits">
        {t('classLimits', formatNumber(MAX_CLASS_FILES), formatNumber(MAX_EXPORT_BYTES / MB), formatNumber(MAX_CLASS_BYTES / MB))}
      </p>
      {props.progress && (
        <ProgressPanel progress={props.progress} onCancel={props.onCancel} cancelling={props.outcome === 'cancelling'} />
      )}
      <p role="status" class="reading" data-testid="reading-status">
        {statusText(props.progress, props.outcome)}
      </p>
    </section>
  );
}
