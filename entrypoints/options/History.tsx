import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ManualForm } from '@/components/ManualForm';
import { deleteEverything } from '@/lib/db/edit';
import { openDb } from '@/lib/db/open';
import type { LaborEvent } from '@/lib/db/schema';
import { t } from '@/lib/i18n';
import { announce } from '@/lib/page-messages';
import { HistoryFilters } from './HistoryFilters';
import { HistoryTable } from './HistoryTable';
import { useHistory } from './use-history';

/**
 * The history as a table: filter it, delete a miscounted row, correct a row's kind, add or edit
 * a hand-entered one. `version` changes when the dashboard reads its numbers again; the table
 * reads its rows again then too (and on every change the background announces, see useHistory).
 */
export function History({ onChange, version }: { onChange: () => void; version: number }) {
  const history = useHistory(version);
  const [editing, setEditing] = useState<LaborEvent | null>(null);

  const changed = async () => {
    onChange(); // reloads the charts, then this table through `version`
    announce('events-changed');
  };

  return (
    <section aria-labelledby="history">
      <details class="manual" data-testid="manual-dashboard">
        <summary>{t('manualOpen')}</summary>
        <p class="hint">{t('manualHint')}</p>
        <ManualForm id="dash-manual" onDone={() => changed()} />
      </details>
      {editing && (
        <EditRow
          editing={editing}
          onDone={() => {
            setEditing(null);
            changed();
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      <h2 id="history">{t('dashHistory')}</h2>
      <HistoryFilters filter={history.filter} onChange={history.setFilter} />
      {history.rows.length ? (
        <HistoryTable rows={history.rows} onEdit={setEditing} changed={changed} />
      ) : (
        <p>{t('historyEmpty')}</p>
      )}
      {history.more && (
        <button type="button" onClick={history.loadMore} data-testid="load-more">
          {t('loadMore')}
        </button>
      )}
      <DeleteEverything changed={changed} />
    </section>
  );
}

/** The form that edits a hand-entered row. */
function EditRow({ editing, onDone, onCancel }: { editing: LaborEvent; onDone: () => void; onCancel: () => void }) {
  const ref = useRef<HTMLElement>(null);
  // The edit form takes the focus when it opens, so that a keyboard user lands in it.
  useEffect(() => {
    ref.current?.querySelector('select')?.focus();
  }, [editing]);
  return (
    <section class="manual-edit" aria-labelledby="manual-edit-title" ref={ref} data-testid="manual-edit">
      <h3 id="manual-edit-title">{t('historyEditTitle')}</h3>
      <ManualForm key={editing.id} id="edit-manual" editing={editing} onDone={onDone} />
      <button type="button" onClick={onCancel}>
        {t('manualCancel')}
      </button>
    </section>
  );
}

/** "Delete all my counted actions", after the user confirms, with a link to the backups. */
function DeleteEverything({ changed }: { changed: () => Promise<void> }) {
  const [status, setStatus] = useState('');
  return (
    <>
      <h2>{t('dangerTitle')}</h2>
      <p>
        <button
          type="button"
          class="danger"
          data-testid="delete-all"
          onClick={async () => {
            if (!confirm(t('deleteAllConfirm'))) return;
            await deleteEverything(openDb());
            setStatus(t('deletedAll'));
            await changed();
          }}
        >
          {t('deleteAll')}
        </button>{' '}
        <span role="status">{status}</span> <a href={browser.runtime.getURL('/data.html')}>{t('dataLink')}</a>
      </p>
    </>
  );
}
