import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { correctKind, deleteEvent, deleteEverything, historyPage } from '@/lib/db/edit';
import { openDb } from '@/lib/db/open';
import type { LaborEvent } from '@/lib/db/schema';
import { DETECTORS, detectorFor } from '@/lib/detectors/registry';
import { formatDuration, formatMoment, kindLabel, t } from '@/lib/i18n';
import { KINDS, type Kind } from '@/lib/taxonomy';

const PAGE = 50;
const announce = () => browser.runtime.sendMessage({ type: 'events-changed' }).catch(() => {});

/** The history as a table: filter it, delete a miscounted row, correct a row's kind. */
export function History({ onChange, version }: { onChange: () => void; version: number }) {
  const [rows, setRows] = useState<LaborEvent[]>([]);
  const [more, setMore] = useState(false);
  const [platform, setPlatform] = useState('');
  const [kind, setKind] = useState('');
  const [status, setStatus] = useState('');

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
    announce();
  };
  const describe = (e: LaborEvent) =>
    `${kindLabel(e.kind)}, ${detectorFor(e.platform)?.label ?? e.platform}, ${formatMoment(e.ts)}`;

  return (
    <section aria-labelledby="history">
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
            {DETECTORS.map((d) => (
              <option key={d.id} value={d.id}>
                {d.label}
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
              <tr key={e.id} data-id={e.id}>
                <td>
                  <time dateTime={new Date(e.ts).toISOString()}>{formatMoment(e.ts)}</time>
                </td>
                <td>{detectorFor(e.platform)?.label ?? e.platform}</td>
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
                <td>{e.detail}</td>
                <td>{e.durationMs !== undefined ? formatDuration(e.durationMs / 1000) : '—'}</td>
                <td>
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
