import { Options } from '@/components/Options';
import { correctKind, deleteEvent } from '@/lib/db/edit';
import { openDb } from '@/lib/db/open';
import type { LaborEvent } from '@/lib/db/schema';
import { detailLabel, formatDuration, formatMoment, formatNumber, kindLabel, platformLabel, t } from '@/lib/i18n';
import { KINDS, type Kind } from '@/lib/taxonomy';

/** What a row's buttons do: open the edit form, or tell the page that a row changed. */
interface RowActions {
  onEdit: (e: LaborEvent) => void;
  changed: () => Promise<void>;
}

/** The history's rows, newest first. */
export function HistoryTable({ rows, ...actions }: { rows: LaborEvent[] } & RowActions) {
  return (
    <table data-testid="history">
      <thead>
        <tr>
          <th scope="col">{t('colWhen')}</th>
          <th scope="col">{t('colPlatform')}</th>
          <th scope="col">{t('colKind')}</th>
          <th scope="col">{t('colDetail')}</th>
          <th scope="col">{t('colMeasuredTime')}</th>
          <th scope="col">
            <span class="sr-only">{t('deleteRow')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((e) => (
          <HistoryRow key={e.id} e={e} {...actions} />
        ))}
      </tbody>
    </table>
  );
}

/** A row, as its buttons and the kind's select name it for screen readers. */
const describe = (e: LaborEvent) => `${kindLabel(e.kind)}, ${platformLabel(e.platform)}, ${formatMoment(e.ts)}`;

/** One action: when, where, its kind (corrected in place), detail and time; edit (hand-entered) and delete. */
function HistoryRow({ e, onEdit, changed }: { e: LaborEvent } & RowActions) {
  return (
    <tr data-id={e.id} data-signal={e.signal}>
      <td>
        <time dateTime={new Date(e.ts).toISOString()}>{formatMoment(e.ts)}</time>
        {e.signal === 'manual' && (
          <>
            {' '}
            <span class="tag manual">{t('handEntered')}</span>
          </>
        )}
      </td>
      <td>{platformLabel(e.platform)}</td>
      <td>
        <select
          value={e.kind}
          aria-label={t('correctLabel', describe(e))}
          onChange={async (ev) => {
            await correctKind(openDb(), e.id as number, (ev.target as HTMLSelectElement).value as Kind);
            await changed();
          }}
        >
          <Options values={KINDS} label={kindLabel} />
        </select>
      </td>
      <td>
        {detailLabel(e.detail)}
        {e.count !== undefined && e.count > 1 && <strong> × {formatNumber(e.count)}</strong>}
      </td>
      <td>{timeCell(e)}</td>
      <td>
        {e.signal === 'manual' && (
          <>
            <button type="button" aria-label={t('editRowLabel', describe(e))} onClick={() => onEdit(e)}>
              {t('editRow')}
            </button>{' '}
          </>
        )}
        <button
          type="button"
          aria-label={t('deleteRowLabel', describe(e))}
          onClick={async () => {
            await deleteEvent(openDb(), e.id as number);
            await changed();
          }}
        >
          {t('deleteRow')}
        </button>
      </td>
    </tr>
  );
}

/** Measured time, or for a hand-entered row the time the user stated, marked as such. */
function timeCell(e: LaborEvent): string {
  if (e.durationMs === undefined) return '—';
  const time = formatDuration(e.durationMs / 1000);
  return e.signal === 'manual' ? t('statedTime', time) : time;
}
