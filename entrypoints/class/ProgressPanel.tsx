import { formatNumber, t } from '@/lib/i18n';
import type { DropProgress } from '@/lib/research/class-drop';

const mb = (bytes: number) => formatNumber(Math.round((bytes / (1024 * 1024)) * 10) / 10);

/**
 * The reading's progress: "n of N files" and the megabytes read (the bar follows the bytes, so
 * that one large file moves it too), with a button that cancels the drop.
 */
export function ProgressPanel(props: { progress: DropProgress; onCancel: () => void; cancelling: boolean }) {
  const { progress, onCancel } = props;
  const { done, total, bytesDone, bytesTotal } = progress;
  return (
    <div class="progress" data-testid="progress">
      <label for="class-progress" data-testid="progress-label">
        {t('classProgress', formatNumber(done), formatNumber(total))}
        {bytesTotal > 0 && ` ${t('classProgressBytes', mb(bytesDone), mb(bytesTotal))}`}
      </label>
      <progress
        id="class-progress"
        data-testid="progress-bar"
        max={bytesTotal || total || 1}
        value={bytesTotal ? bytesDone : done}
      />
      <button type="button" data-testid="cancel" onClick={onCancel} disabled={props.cancelling}>
        {t('classCancel')}
      </button>
    </div>
  );
}
