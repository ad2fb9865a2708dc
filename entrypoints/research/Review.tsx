import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { download } from '@/components/download';
import { openDb } from '@/lib/db/open';
import { formatNumber, t } from '@/lib/i18n';
import { disclosedRows } from '@/lib/research/disclose';
import type { RuleEffect } from '@/lib/research/disclosure-apply';
import { buildExport, exportZip } from '@/lib/research/export';
import { type AnonymisedExport, type ExportRow, exportBaseName } from '@/lib/research/format';
import type { Enrolment } from '@/lib/research/study';
import { rowKey, saveWithheld, withheldKeys } from '@/lib/research/withheld';
import type { PlatformId } from '@/lib/taxonomy';
import { RuleEffects } from './Disclosure';
import { FileFacts } from './FileFacts';
import { Pager } from './Pager';
import { ReviewFilter } from './ReviewFilter';
import { ReviewTable } from './ReviewTable';
import { SendPanel } from './SendPanel';
import { fileBytes } from './sending';

const PAGE = 100;

/**
 * A study's candidate rows and the keys of the rows removed. Removed rows by their key, never their
 * position: rows read again (a new action, another study joined) must not shift a removal onto
 * another row.
 */
function useCandidates(enrolment: Enrolment, fail: (message: string) => void) {
  const [rows, setRows] = useState<ExportRow[] | null>(null);
  const [effects, setEffects] = useState<RuleEffect[]>([]);
  const [dropped, setDropped] = useState<Set<string>>(new Set());
  const { id: studyId } = enrolment.study;
  // Read again for another study or pseudonym only, not for a new object of the same enrolment.
  useEffect(() => {
    // Rows removed from an earlier file of this study stay removed until put back. The study's
    // disclosure rules are applied first: the participant reviews what would leave.
    Promise.all([disclosedRows(openDb(), enrolment), withheldKeys(openDb(), enrolment.pseudonym)]).then(
      ([d, w]) => {
        setDropped(w);
        setEffects(d.effects);
        setRows(d.rows);
      },
      (e) => fail(String(e)),
    );
  }, [studyId, enrolment.pseudonym]);
  const setMany = (keys: string[], drop: boolean) => {
    const next = new Set(dropped);
    for (const k of keys) drop ? next.add(k) : next.delete(k);
    setDropped(next);
  };
  return { rows, effects, dropped, setMany };
}

/** Saves the file as JSON, or as CSV files in a zip. */
function saveFile(file: AnonymisedExport, as: 'json' | 'csv') {
  const base = exportBaseName(file);
  if (as === 'json') download(`${base}.json`, 'application/json', fileBytes(file) as BlobPart);
  else download(`${base}.zip`, 'application/zip', exportZip(file) as BlobPart);
}

/** The file as it will be saved or sent, and how to save it. */
function studyFile(enrolment: Enrolment, rows: ExportRow[], dropped: Set<string>, setSaved: (message: string) => void) {
  const kept = rows.filter((r) => !dropped.has(rowKey(r)));
  const droppedCount = rows.length - kept.length;
  // Built once per render: what is shown is what leaves.
  const file = buildExport(enrolment, kept, droppedCount, browser.runtime.getManifest().version);
  // Rows removed from a file saved or sent stay removed in the study's later files until put back.
  const remember = () => saveWithheld(openDb(), enrolment.pseudonym, dropped);
  const save = async (as: 'json' | 'csv') => {
    await remember();
    saveFile(file, as);
    setSaved(t('reviewSaved', formatNumber(kept.length), formatNumber(droppedCount)));
  };
  return { file, kept, droppedCount, remember, save };
}

/** Save the file as JSON, or as CSV files in a zip. */
function SaveButtons({ save }: { save: (as: 'json' | 'csv') => void }) {
  return (
    <p class="actions">
      <button type="button" class="primary" onClick={() => save('json')} data-testid="export-study-json">
        {t('reviewSaveJson')}
      </button>{' '}
      <button type="button" onClick={() => save('csv')} data-testid="export-study-csv">
        {t('reviewSaveCsv')}
      </button>
    </p>
  );
}

/** A study file before it leaves: every row shown, each one can be left out, then saved or sent. */
export function Review({ enrolment, onClose, onSent }: { enrolment: Enrolment; onClose: () => void; onSent: () => void }) {
  const [saved, setSaved] = useState('');
  const { rows, effects, dropped, setMany } = useCandidates(enrolment, setSaved);
  const [platform, setPlatform] = useState<PlatformId | ''>('');
  const [page, setPage] = useState(0);
  const shown = useMemo(
    () => (rows ?? []).map((row) => ({ row, i: rowKey(row) })).filter(({ row }) => !platform || row.platform === platform),
    [rows, platform],
  );
  if (!rows) return <p>{t('loading')}</p>;
  const shownKeys = shown.map((s) => s.i);
  const { file, kept, droppedCount, remember, save } = studyFile(enrolment, rows, dropped, setSaved);
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
          <ReviewFilter
            platforms={[...new Set(rows.map((r) => r.platform))]}
            platform={platform}
            choose={(p) => {
              setPlatform(p);
              setPage(0);
            }}
            setShown={(drop) => setMany(shownKeys, drop)}
          />
          <ReviewTable
            visible={shown.slice(page * PAGE, (page + 1) * PAGE)}
            hourly={rows.some((r) => r.grain === 'hour')}
            dropped={dropped}
            setMany={setMany}
          />
          <Pager page={page} pages={Math.max(1, Math.ceil(shown.length / PAGE))} setPage={setPage} />
          <RuleEffects study={enrolment.study} effects={effects} />
          <FileFacts file={file} />
          <SendPanel
            enrolment={enrolment}
            file={file}
            onSent={() => {
              remember().finally(onSent);
            }}
          />
          <SaveButtons save={save} />
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
