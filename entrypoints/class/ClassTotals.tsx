import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { download } from '@/components/download';
import { KIND_COLORS } from '@/components/kind-colors';
import { detectorFor } from '@/lib/detectors/registry';
import { countOf, formatDuration, formatNumber, kindLabel, type MessageKey, t } from '@/lib/i18n';
import { classTotalsCsv, mergeClass, type ReadResult, readExportFile } from '@/lib/research/class';
import { MAX_EXPORT_BYTES } from '@/lib/research/format';
import { BENEFICIARIES, type BeneficiaryId, type PlatformId } from '@/lib/taxonomy';
import { type ChartLine, ClassChart } from './ClassChart';

interface Entry {
  name: string;
  result: ReadResult;
}

/** Names of the taxonomy's platforms that have no detector yet (an export may still name them). */
const OTHER_NAMES: Partial<Record<PlatformId, string>> = {
  'google-maps': 'Google Maps',
  claude: 'Claude',
  arkose: 'Arkose Labs',
};
const platformLabel = (p: PlatformId) => (p === 'practice' ? t('classPractice') : (detectorFor(p)?.label ?? OTHER_NAMES[p] ?? p));
const beneficiaryLabel = (b: BeneficiaryId) => (b === 'nobody' ? t('classNobody') : BENEFICIARIES[b]);
const reasonText = (error: string, line?: number) => {
  const reason = t(`classErr_${error.replaceAll('-', '_')}` as MessageKey);
  return line ? t('classAtLine', reason, line) : reason;
};

/** Reads dropped files one after another (a class is tens of files, each at most 20 MB). */
async function readAll(files: readonly File[]): Promise<Entry[]> {
  const out: Entry[] = [];
  for (const file of files) {
    // An oversized file is refused without being read into memory.
    if (file.size > MAX_EXPORT_BYTES) out.push({ name: file.name, result: { ok: false, error: 'too-large' } });
    else out.push({ name: file.name, result: readExportFile(file.name, new Uint8Array(await file.arrayBuffer())) });
  }
  return out;
}

export function ClassTotals() {
  const [entries, setEntries] = useState<Entry[]>([]);
  const [reading, setReading] = useState(0);
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  // A file dropped beside the zone must not make the browser open it in place of the page.
  useEffect(() => {
    const stop = (e: DragEvent) => e.preventDefault();
    window.addEventListener('dragover', stop);
    window.addEventListener('drop', stop);
    return () => {
      window.removeEventListener('dragover', stop);
      window.removeEventListener('drop', stop);
    };
  }, []);

  const add = async (files: readonly File[]) => {
    if (!files.length) return;
    setReading(files.length);
    try {
      const read = await readAll(files);
      setEntries((list) => [...list, ...read]);
    } finally {
      setReading(0);
      if (input.current) input.current.value = '';
    }
  };

  const totals = useMemo(
    () => mergeClass(entries.flatMap((e) => (e.result.ok ? [{ name: e.name, file: e.result.file }] : []))),
    [entries],
  );
  const refused = [
    ...entries.flatMap((e) => (e.result.ok ? [] : [{ name: e.name, text: reasonText(e.result.error, e.result.line) }])),
    ...totals.refused.map((r) => ({
      name: r.name,
      text: t(r.error === 'older-file' ? 'classErr_older_file' : 'classErr_duplicate_participant', r.duplicateOf),
    })),
  ];
  const charts = useMemo(
    () => ({
      kind: totals.byKind.map(
        (r): ChartLine => ({
          key: r.kind,
          label: kindLabel(r.kind),
          count: r.count,
          participants: r.participants,
          measuredSeconds: r.measured_seconds,
          color: KIND_COLORS[r.kind],
        }),
      ),
      platform: totals.byPlatform.map(
        (r): ChartLine => ({
          key: r.platform,
          label: platformLabel(r.platform),
          count: r.count,
          participants: r.participants,
          measuredSeconds: r.measured_seconds,
        }),
      ),
      beneficiary: totals.byBeneficiary.map(
        (r): ChartLine => ({
          key: r.beneficiary,
          label: beneficiaryLabel(r.beneficiary),
          count: r.count,
          participants: r.participants,
          measuredSeconds: r.measured_seconds,
        }),
      ),
    }),
    [totals],
  );
  const seconds = totals.measuredSeconds + totals.estimatedSeconds;

  return (
    <main>
      <h1>{t('classTitle')}</h1>
      <p>{t('classIntro')}</p>
      <p class="privacy" data-testid="privacy-note">
        {t('classPrivacy')}
      </p>

      <section
        class={`drop${over ? ' over' : ''}`}
        aria-labelledby="drop-title"
        data-testid="drop-zone"
        onDragEnter={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragOver={(e) => {
          e.preventDefault();
          if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
          setOver(true);
        }}
        onDragLeave={(e) => {
          if (!(e.currentTarget as HTMLElement).contains(e.relatedTarget as Node | null)) setOver(false);
        }}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          add([...(e.dataTransfer?.files ?? [])]);
        }}
      >
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
            onChange={(e) => add([...((e.target as HTMLInputElement).files ?? [])])}
            data-testid="class-files"
          />
        </label>
        <p role="status" class="reading">
          {reading ? t('classReading', formatNumber(reading)) : ''}
        </p>
      </section>

      <section class="files" aria-label={t('classTitle')}>
        {!entries.length && <p>{t('classNoFiles')}</p>}
        {totals.accepted.length > 0 && (
          <details>
            <summary>
              <h2>{t('classAcceptedTitle', formatNumber(totals.accepted.length))}</h2>
            </summary>
            <ul data-testid="accepted-list">
              {totals.accepted.map((f, i) => (
                <li key={`${i}-${f.name}`}>
                  <span class="name">{f.name}</span> — {countOf('actions', f.actions)}
                </li>
              ))}
            </ul>
          </details>
        )}
        {refused.length > 0 && (
          <div class="refused">
            <h2>{t('classRefusedTitle', formatNumber(refused.length))}</h2>
            <ul data-testid="refused-list">
              {refused.map((r, i) => (
                <li key={`${i}-${r.name}`} data-name={r.name}>
                  {t('classRefusedLine', r.name, r.text)}
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>

      {totals.accepted.length > 0 && (
        <>
          <section class="tiles" aria-label={t('classTitle')}>
            <div class="tile">
              <span class="tile-label">{t('classTileParticipants')}</span>
              <strong data-testid="total-participants" data-value={totals.participants}>
                {formatNumber(totals.participants)}
              </strong>
            </div>
            <div class="tile">
              <span class="tile-label">{t('classTileActions')}</span>
              <strong data-testid="total-actions" data-value={totals.actions}>
                {formatNumber(totals.actions)}
              </strong>
            </div>
            <div class="tile">
              <span class="tile-label">{t('classTileHours')}</span>
              <strong data-testid="total-hours" data-value={seconds}>
                {formatDuration(seconds)}
              </strong>
              <span class="tile-note" data-testid="measured-note" data-value={totals.measuredSeconds}>
                {t('classHoursNote', formatDuration(totals.measuredSeconds), formatNumber(totals.measuredCount))}{' '}
                <a href={browser.runtime.getURL('/about.html')} target="_blank" rel="noopener">
                  {t('aboutLink')}
                </a>
              </span>
            </div>
          </section>
          <p class="studies" data-testid="studies">
            {t('classStudies', totals.studies.join(', '))}
          </p>
          <p class="actions">
            <button
              type="button"
              data-testid="download-csv"
              onClick={() =>
                download(
                  `clickwork-class-totals-${new Date().toISOString().slice(0, 10)}.csv`,
                  'text/csv',
                  classTotalsCsv(totals),
                )
              }
            >
              {t('classDownload')}
            </button>{' '}
            <button type="button" data-testid="clear" onClick={() => setEntries([])}>
              {t('classClear')}
            </button>
          </p>
          <div class="charts">
            <ClassChart title={t('classByKind')} lines={charts.kind} testId="chart-kind" />
            <ClassChart title={t('byPlatform')} lines={charts.platform} testId="chart-platform" />
            <ClassChart title={t('classByBeneficiary')} lines={charts.beneficiary} testId="chart-beneficiary" />
          </div>
          <section aria-labelledby="all-lines">
            <details>
              <summary>
                <h2 id="all-lines">{t('classAllLines')}</h2>
              </summary>
              <table data-testid="all-lines">
                <thead>
                  <tr>
                    <th scope="col">{t('colPlatform')}</th>
                    <th scope="col">{t('classColCompany')}</th>
                    <th scope="col">{t('colKind')}</th>
                    <th scope="col">{t('colDetail')}</th>
                    <th scope="col" class="num">
                      {t('classColActions')}
                    </th>
                    <th scope="col" class="num">
                      {t('classColTimed')}
                    </th>
                    <th scope="col" class="num">
                      {t('colMeasuredTime')}
                    </th>
                    <th scope="col" class="num">
                      {t('classColParticipants')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {totals.rows.map((r) => (
                    <tr key={`${r.platform}|${r.kind}|${r.detail}`}>
                      <th scope="row">{platformLabel(r.platform)}</th>
                      <td>{beneficiaryLabel(r.beneficiary)}</td>
                      <td>{kindLabel(r.kind)}</td>
                      <td>{r.detail}</td>
                      <td class="num">{formatNumber(r.count)}</td>
                      <td class="num">{formatNumber(r.measured_count)}</td>
                      <td class="num">{r.measured_seconds ? formatDuration(r.measured_seconds) : '—'}</td>
                      <td class="num">{formatNumber(r.participants)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          </section>
        </>
      )}
      {entries.length > 0 && !totals.accepted.length && (
        <p class="actions">
          <button type="button" data-testid="clear" onClick={() => setEntries([])}>
            {t('classClear')}
          </button>
        </p>
      )}
    </main>
  );
}
