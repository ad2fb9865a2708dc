import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ManualForm } from '@/components/ManualForm';
import { correctKind, deleteEvent, deleteEverything, historyPage } from '@/lib/db/edit';
import { openDb } from '@/lib/db/open';
import type { LaborEvent } from '@/lib/db/schema';
import { detailLabel, formatDuration, formatMoment, formatNumber, kindLabel, platformLabel, t } from '@/lib/i18n';
import { announce } from '@/lib/page-messages';
import { KINDS, type Kind, PLATFORM_IDS } from '@/lib/taxonomy';

const PAGE = 50;

/** The history as a table: filter it, delete a miscounted row, correct a row's kind. */
export function History({ onChange, version }: { onChange: () => void; version: number }) {
  const [rows, setRows] = useState<LaborEvent[]>([]);
  const [more, setMore] = useState(false);
  const [platform, setPlatform] = useState('');
  const [kind, setKind] = useState('');
  const [status, setStatus] = useState('');
  const [editing, setEditing] = useState<LaborEvent | null>(null);
  const editRef = useRef<HTMLElement>(null);
  // The edit form takes the focus when it opens, so that a keyboard user lands in it.
  useEffect(() => {
    if (editing) editRef.current?.querySelector('select')?.focus();
  }, [editing]);

  const load = useCallback(
    async (append: boolean, before?: number) => {
      const page = await historyPage(openDb(), { before, limit: PAGE, platform, kind });
      setRows((old) => (append ? [...old, ...page] : page));
      setMore(page.length === PAGE);
    },
    [platform, kind],
  );
  // `version` changes whenever stored data does: reload the page of rows then.
  useEffect(() => {
    load(false);
  }, [load, version]);

  const changed = async () => {
    onChange(); // reloads the charts, then this table through `version`
    announce('events-changed');
  };
  const describe = (e: LaborEvent) => `${kindLabel(e.kind)}, ${platformLabel(e.platform)}, ${formatMoment(e.ts)}`;

  return (
    <section aria-labelledby="history">
      <details class="manual" data-testid="manual-dashboard">
        <summary>{t('manualOpen')}</summary>
        <p class="hint">{t('manualHint')}</p>
        <ManualForm id="dash-manual" onDone={() => changed()} />
      </details>
      {editing && (
        <section class="manual-edit" aria-labelledby="manual-edit-title" ref={editRef} data-testid="manual-edit">
          <h3 id="manual-edit-title">{t('historyEditTitle')}</h3>
          <ManualForm
            key={editing.id}
            id="edit-manual"
            editing={editing}
            onDone={() => {
              setEditing(null);
              changed();
            }}
          />
          <button type="button" onClick={() => setEditing(null)}>
            {t('manualCancel')}
          </button>
        </section>
      )}
      <h2 id="history">{t('dashHistory')}</h2>
      <p class="filters">
        <label>
          {t('colPlatform')}{' '}
          <select
            value={platform}
            onChange={(e) => setPlatform((e.target as HTMLSelectElement).value)}
            data-testid="filter-platform"
          >
            <option value="">{t('filterAll')}</option>
            {PLATFORM_IDS.filter((p) => p !== 'practice').map((p) => (
              <option key={p} value={p}>
                {platformLabel(p)}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {t('colKind')}{' '}
          <select value={kind} onChange={(e) => setKind((e.target as HTMLSelectElement).value)} data-testid="filter-kind">
            <option value="">{t('filterAll')}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {kindLabel(k)}
              </option>
            ))}
          </select>
        </label>
      </p>
      {rows.length ? (
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
              <tr key={e.id} data-id={e.id} data-signal={e.signal}>
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
                    {KINDS.map((k) => (
                      <option key={k} value={k}>
                        {kindLabel(k)}
                      </option>
                    ))}
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
                      <button type="button" aria-label={t('editRowLabel', describe(e))} onClick={() => setEditing(e)}>
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
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t('historyEmpty')}</p>
      )}
      {more && (
        <button type="button" onClick={() => load(true, rows.at(-1)?.ts)} data-testid="load-more">
          {t('loadMore')}
        </button>
      )}
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
    </section>
  );
}

/** Measured time, or for a hand-entered row the time the user stated, marked as such. */
function timeCell(e: LaborEvent): string {
  if (e.durationMs === undefined) return '—';
  const time = formatDuration(e.durationMs / 1000);
  return e.signal === 'manual' ? t('statedTime', time) : time;
}
