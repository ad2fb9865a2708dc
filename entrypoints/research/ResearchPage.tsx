import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { download } from '@/components/download';
import { UnreadableNotice } from '@/components/UnreadableNotice';
import { openDb } from '@/lib/db/open';
import { countOf, formatDay, formatDuration, formatNumber, kindLabel, platformLabel, t } from '@/lib/i18n';
import { disclosedRows } from '@/lib/research/disclose';
import type { RuleEffect } from '@/lib/research/disclosure-apply';
import { buildExport, exportZip } from '@/lib/research/export';
import { type ExportRow, exportBaseName } from '@/lib/research/format';
import { type Enrolment, enrolments } from '@/lib/research/study';
import { studyKey } from '@/lib/research/study-extras';
import { rowKey, saveWithheld, withheldKeys } from '@/lib/research/withheld';
import type { PlatformId } from '@/lib/taxonomy';
import { RuleEffects, spanLabel } from './Disclosure';
import { Enrolled } from './Enrolled';
import { FileFacts } from './FileFacts';
import { Join, StudyFacts } from './Join';
import { fileBytes, SendPanel } from './SendPanel';

const PAGE = 100;

function Review({ enrolment, onClose, onSent }: { enrolment: Enrolment; onClose: () => void; onSent: () => void }) {
  const [rows, setRows] = useState<ExportRow[] | null>(null);
  const [effects, setEffects] = useState<RuleEffect[]>([]);
  // Removed rows by their key, never their position: rows read again (a new action, another study
  // joined) must not shift a removal onto another row.
  const [dropped, setDropped] = useState<Set<string>>(new Set());
  const [platform, setPlatform] = useState<PlatformId | ''>('');
  const [page, setPage] = useState(0);
  const [saved, setSaved] = useState('');
  const hourly = rows?.some((r) => r.grain === 'hour') ?? false;

  const { id: studyId } = enrolment.study;
  // Read again for another study or pseudonym only, not for a new object of the same enrolment.
  useEffect(() => {
    // Rows removed from an earlier file of this study stay removed until put back.
    // The study's disclosure rules are applied first: the participant reviews what would leave.
    Promise.all([disclosedRows(openDb(), enrolment), withheldKeys(openDb(), enrolment.pseudonym)]).then(
      ([d, w]) => {
        setDropped(w);
        setEffects(d.effects);
        setRows(d.rows);
      },
      (e) => setSaved(String(e)),
    );
  }, [studyId, enrolment.pseudonym]);

  const shown = useMemo(
    () => (rows ?? []).map((row) => ({ row, i: rowKey(row) })).filter(({ row }) => !platform || row.platform === platform),
    [rows, platform],
  );
  if (!rows) return <p>{t('loading')}</p>;
  const pages = Math.max(1, Math.ceil(shown.length / PAGE));
  const visible = shown.slice(page * PAGE, (page + 1) * PAGE);
  const kept = rows.filter((r) => !dropped.has(rowKey(r)));
  const droppedCount = rows.length - kept.length;
  const platforms = [...new Set(rows.map((r) => r.platform))];
  const setMany = (indices: string[], drop: boolean) => {
    const next = new Set(dropped);
    for (const i of indices) drop ? next.add(i) : next.delete(i);
    setDropped(next);
  };

  // The file as it will be saved or sent, built once per render: what is shown is what leaves.
  const file = buildExport(enrolment, kept, droppedCount, browser.runtime.getManifest().version);
  // Rows removed from a file saved or sent stay removed in the study's later files until put back.
  const remember = () => saveWithheld(openDb(), enrolment.pseudonym, dropped);
  const save = async (as: 'json' | 'csv') => {
    await remember();
    const base = exportBaseName(file);
    if (as === 'json') download(`${base}.json`, 'application/json', fileBytes(file) as BlobPart);
    else download(`${base}.zip`, 'application/zip', exportZip(file) as BlobPart);
    setSaved(t('reviewSaved', formatNumber(kept.length), formatNumber(droppedCount)));
  };

  return (
    <section class="review" aria-labelledby="review-title" data-testid="review">
      <h3 id="review-title">{t('reviewTitle', enrolment.study.title)}</h3>
      <p>{t('reviewHelp')}</p>
      {rows.length === 0 ? (
        <p data-testid="review-empty">{t('reviewEmpty')}</p>
      ) : (
        <>
          <p role="status" data-testid="review-counts">
            {t('reviewCounts', formatNumber(rows.length), formatNumber(kept.length), formatNumber(droppedCount))}
          </p>
          <p class="actions">
            <label>
              {t('reviewFilter')}{' '}
              <select
                value={platform}
                onChange={(e) => {
                  setPlatform((e.target as HTMLSelectElement).value as PlatformId | '');
                  setPage(0);
                }}
              >
                <option value="">{t('reviewAllPlatforms')}</option>
                {platforms.map((p) => (
                  <option key={p} value={p}>
                    {platformLabel(p)}
                  </option>
                ))}
              </select>
            </label>{' '}
            <button
              type="button"
              onClick={() =>
                setMany(
                  shown.map((s) => s.i),
                  true,
                )
              }
            >
              {t('reviewDropShown')}
            </button>{' '}
            <button
              type="button"
              onClick={() =>
                setMany(
                  shown.map((s) => s.i),
                  false,
                )
              }
            >
              {t('reviewKeepShown')}
            </button>
          </p>
          <table data-testid="review-table">
            <caption class="sr-only">{t('reviewCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reviewKeep')}</th>
                <th scope="col">{t('tableDay')}</th>
                {hourly && <th scope="col">{t('reviewHour')}</th>}
                <th scope="col">{t('colPlatform')}</th>
                <th scope="col">{t('colKind')}</th>
                <th scope="col">{t('colDetail')}</th>
                <th scope="col" class="num">
                  {t('reviewCount')}
                </th>
                <th scope="col" class="num">
                  {t('reviewMeasured')}
                </th>
              </tr>
            </thead>
            <tbody>
              {visible.map(({ row, i }) => (
                <tr key={i} class={dropped.has(i) ? 'dropped' : ''}>
                  <td>
                    <input
                      type="checkbox"
                      checked={!dropped.has(i)}
                      aria-label={t(
                        'reviewKeepRow',
                        spanLabel(row),
                        platformLabel(row.platform),
                        kindLabel(row.kind),
                        row.detail,
                      )}
                      onChange={(e) => setMany([i], !(e.target as HTMLInputElement).checked)}
                      data-testid="review-keep"
                    />
                  </td>
                  <td data-testid="review-span">{row.grain === 'hour' ? formatDay(row.day) : spanLabel(row)}</td>
                  {hourly && <td>{row.grain === 'hour' ? `${String(row.hour).padStart(2, '0')}:00` : ''}</td>}
                  <td>{platformLabel(row.platform)}</td>
                  <td>{kindLabel(row.kind)}</td>
                  <td>{row.detail}</td>
                  <td class="num">
                    {formatNumber(row.count)}
                    {row.manual_count > 0 && <span class="tag manual">{countOf('manualOfPlatform', row.manual_count)}</span>}
                  </td>
                  <td class="num">{row.measured_count ? formatDuration(row.measured_seconds) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {pages > 1 && (
            <p class="actions">
              <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
                {t('reviewPrev')}
              </button>{' '}
              <span>{t('reviewPage', page + 1, pages)}</span>{' '}
              <button type="button" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
                {t('reviewNext')}
              </button>
            </p>
          )}
          <RuleEffects study={enrolment.study} effects={effects} />
          <FileFacts file={file} />
          <SendPanel
            enrolment={enrolment}
            file={file}
            onSent={() => {
              remember().finally(onSent);
            }}
          />
          <p class="actions">
            <button type="button" class="primary" onClick={() => save('json')} data-testid="export-study-json">
              {t('reviewSaveJson')}
            </button>{' '}
            <button type="button" onClick={() => save('csv')} data-testid="export-study-csv">
              {t('reviewSaveCsv')}
            </button>
          </p>
        </>
      )}
      <p role="status" data-testid="review-saved">
        {saved}
      </p>
      <button type="button" onClick={onClose}>
        {t('reviewClose')}
      </button>
    </section>
  );
}

export function ResearchPage() {
  const [list, setList] = useState<Enrolment[] | null>(null);
  const [status, setStatus] = useState('');
  const reload = () => enrolments(openDb()).then(setList);
  useEffect(() => {
    reload();
  }, []);

  return (
    <main>
      <h1>{t('researchTitle')}</h1>
      <p>{t('researchIntro')}</p>
      <UnreadableNotice onRepaired={reload} />
      <section aria-labelledby="mine-title">
        <h2 id="mine-title">{t('studyMine')}</h2>
        {list?.length === 0 && <p data-testid="no-study">{t('studyNone')}</p>}
        {list?.map((e) => (
          <Enrolled
            key={studyKey(e.study)}
            enrolment={e}
            onLeft={(message) => {
              setStatus(message);
              reload();
            }}
            facts={(extra) => <StudyFacts study={e.study}>{extra}</StudyFacts>}
            review={(onClose) => <Review enrolment={e} onClose={onClose} onSent={reload} />}
          />
        ))}
        <p role="status" data-testid="study-status">
          {status}
        </p>
      </section>
      <Join
        onJoined={() => {
          setStatus(t('studyJoined'));
          reload();
        }}
      />
      <footer class="research-links">
        <p>
          <a href={browser.runtime.getURL('/class.html')} data-testid="class-link">
            {t('classLink')}
          </a>
        </p>
      </footer>
    </main>
  );
}
