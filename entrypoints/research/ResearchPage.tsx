import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { download } from '@/components/download';
import { UnreadableNotice } from '@/components/UnreadableNotice';
import { openDb } from '@/lib/db/open';
import { dayKey } from '@/lib/db/schema';
import { formatDay, formatDuration, formatNumber, kindLabel, type MessageKey, platformLabel, t } from '@/lib/i18n';
import { buildExport, candidateRows, exportPeriod, exportZip } from '@/lib/research/export';
import { type ExportRow, exportBaseName } from '@/lib/research/format';
import { type Enrolment, enrolments, joinStudy, leaveStudy, MAX_STUDY_BYTES, parseStudy, type Study } from '@/lib/research/study';
import { rowKey, saveWithheld, withheldKeys } from '@/lib/research/withheld';
import type { PlatformId } from '@/lib/taxonomy';

const PAGE = 100;

/** What a study asks for, as text only: nothing the researcher wrote is ever read as HTML. */
function StudyFacts({ study, children }: { study: Study; children?: ComponentChildren }) {
  return (
    <dl class="facts">
      <dt>{t('studyResearcher')}</dt>
      <dd data-testid="study-researcher">{study.researcher}</dd>
      <dt>{t('studyContact')}</dt>
      <dd>{study.contact}</dd>
      <dt>{t('studyId')}</dt>
      <dd>
        <code>{study.id}</code>
      </dd>
      <dt>{t('studyPeriod')}</dt>
      <dd>
        {study.startDate
          ? t('studyPeriodFromTo', formatDay(study.startDate, 'long'), formatDay(study.endDate, 'long'))
          : t('studyPeriodUntil', formatDay(study.endDate, 'long'))}
      </dd>
      <dt>{t('studyGranularity')}</dt>
      <dd>{t(study.granularity === 'hour' ? 'studyByHour' : 'studyByDay')}</dd>
      <dt>{t('studyPlatforms')}</dt>
      <dd>{study.platforms.map(platformLabel).join(', ')}</dd>
      <dt>{t('studyKinds')}</dt>
      <dd>{study.kinds.map(kindLabel).join(', ')}</dd>
      <dt>{t('studyManual')}</dt>
      <dd data-testid="study-manual">{t(study.includeManual ? 'studyManualYes' : 'studyManualNo')}</dd>
      {children}
    </dl>
  );
}

function Join({ onJoined }: { onJoined: () => void }) {
  const [text, setText] = useState('');
  const [study, setStudy] = useState<Study | null>(null);
  const [error, setError] = useState('');
  const [agreed, setAgreed] = useState(false);
  const [joining, setJoining] = useState(false);

  const refuse = (reason: string) => {
    setStudy(null);
    setAgreed(false);
    setError(t('studyRefused', reason));
  };

  const read = (source: string) => {
    setStudy(null);
    setAgreed(false);
    const r = parseStudy(source);
    if (r.ok) {
      setError('');
      setStudy(r.study);
    } else {
      refuse(t(`studyErr_${r.error.replaceAll('-', '_')}` as MessageKey, r.field ?? ''));
    }
  };

  const join = async () => {
    if (!study || joining) return;
    setJoining(true);
    const r = await joinStudy(openDb(), study).finally(() => setJoining(false));
    if (r.ok) {
      setStudy(null);
      setText('');
      setAgreed(false);
      onJoined();
    } else setError(t(r.error === 'ended' ? 'studyErr_ended' : 'studyErr_already_joined'));
  };

  return (
    <section aria-labelledby="join-title">
      <h2 id="join-title">{t('studyJoinTitle')}</h2>
      <p>{t('studyJoinHelp')}</p>
      <p>
        <label>
          {t('studyFile')}{' '}
          <input
            type="file"
            accept=".json,application/json"
            data-testid="study-file"
            onChange={async (e) => {
              const input = e.target as HTMLInputElement;
              const file = input.files?.[0];
              // Cleared, so that choosing the same file again (corrected) reads it again.
              input.value = '';
              if (!file) return;
              // A huge file is refused from its size, without reading it into memory.
              if (file.size > MAX_STUDY_BYTES) refuse(t('studyErr_too_large'));
              else read(await file.text());
            }}
          />
        </label>
      </p>
      <p>
        <label for="study-text">{t('studyPaste')}</label>
        <textarea
          id="study-text"
          rows={4}
          value={text}
          onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
          data-testid="study-text"
        />
        <button type="button" onClick={() => read(text)} disabled={!text.trim()} data-testid="study-read">
          {t('studyRead')}
        </button>
      </p>
      {error && (
        <p role="alert" class="error" data-testid="study-error">
          {error}
        </p>
      )}
      {study && (
        <article class="card" data-testid="study-preview" aria-labelledby="preview-title">
          <h3 id="preview-title">{study.title}</h3>
          <StudyFacts study={study} />
          <h4>{t('studyConsent', study.consent.version)}</h4>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the consent text scrolls; the keyboard must reach it */}
          <div class="consent" tabIndex={0} data-testid="study-consent">
            {study.consent.text}
          </div>
          <p class="what-leaves">{t('studyWhatLeaves')}</p>
          <p>
            <label>
              <input
                type="checkbox"
                checked={agreed}
                onChange={(e) => setAgreed((e.target as HTMLInputElement).checked)}
                data-testid="study-agree"
              />{' '}
              {t('studyAgree')}
            </label>
          </p>
          <p class="actions">
            <button type="button" class="primary" disabled={!agreed || joining} onClick={join} data-testid="study-join">
              {t('studyJoin')}
            </button>{' '}
            <button type="button" onClick={() => setStudy(null)}>
              {t('cancel')}
            </button>
          </p>
        </article>
      )}
    </section>
  );
}

function Review({ enrolment, onClose }: { enrolment: Enrolment; onClose: () => void }) {
  const [rows, setRows] = useState<ExportRow[] | null>(null);
  // Removed rows by their key, never their position: rows read again (a new action, another study
  // joined) must not shift a removal onto another row.
  const [dropped, setDropped] = useState<Set<string>>(new Set());
  const [platform, setPlatform] = useState<PlatformId | ''>('');
  const [page, setPage] = useState(0);
  const [saved, setSaved] = useState('');
  const hourly = enrolment.study.granularity === 'hour';

  const { id: studyId } = enrolment.study;
  // Read again for another study or pseudonym only, not for a new object of the same enrolment.
  useEffect(() => {
    // Rows removed from an earlier file of this study stay removed until put back.
    Promise.all([candidateRows(openDb(), enrolment), withheldKeys(openDb(), enrolment.pseudonym)]).then(
      ([r, w]) => {
        setDropped(w);
        setRows(r);
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

  const save = async (as: 'json' | 'csv') => {
    await saveWithheld(openDb(), enrolment.pseudonym, dropped);
    const file = buildExport(enrolment, kept, droppedCount, browser.runtime.getManifest().version);
    const base = exportBaseName(file);
    if (as === 'json') download(`${base}.json`, 'application/json', JSON.stringify(file, null, 1));
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
                        hourly ? `${formatDay(row.day)} ${String(row.hour).padStart(2, '0')}:00` : formatDay(row.day),
                        platformLabel(row.platform),
                        kindLabel(row.kind),
                        row.detail,
                      )}
                      onChange={(e) => setMany([i], !(e.target as HTMLInputElement).checked)}
                      data-testid="review-keep"
                    />
                  </td>
                  <td>{formatDay(row.day)}</td>
                  {hourly && <td>{`${String(row.hour).padStart(2, '0')}:00`}</td>}
                  <td>{platformLabel(row.platform)}</td>
                  <td>{kindLabel(row.kind)}</td>
                  <td>{row.detail}</td>
                  <td class="num">
                    {formatNumber(row.count)}
                    {row.manual_count > 0 && (
                      <span class="tag manual">{t('manualOfPlatform', formatNumber(row.manual_count))}</span>
                    )}
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

function Enrolled({ enrolment, onLeft }: { enrolment: Enrolment; onLeft: () => void }) {
  const [reviewing, setReviewing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const { study } = enrolment;
  const period = exportPeriod(enrolment);
  const ended = study.endDate < dayKey(Date.now());
  return (
    <article class="card" data-testid="enrolment" aria-labelledby={`study-${study.id}`}>
      <h3 id={`study-${study.id}`}>
        {study.title} {ended && <span class="badge">{t('studyEnded')}</span>}
      </h3>
      <StudyFacts study={study}>
        <dt>{t('studyPseudonym')}</dt>
        <dd>
          <code data-testid="pseudonym">{enrolment.pseudonym}</code>
        </dd>
        <dt>{t('studyConsented')}</dt>
        <dd>{t('studyConsentedOn', study.consent.version, formatDay(enrolment.consentDay, 'long'))}</dd>
        <dt>{t('studyExportCovers')}</dt>
        <dd>
          {period ? t('studyPeriodFromTo', formatDay(period.from, 'long'), formatDay(period.to, 'long')) : t('studyNotStarted')}
        </dd>
      </StudyFacts>
      <details>
        <summary>{t('studyConsent', study.consent.version)}</summary>
        <div class="consent">{study.consent.text}</div>
      </details>
      {reviewing && <Review enrolment={enrolment} onClose={() => setReviewing(false)} />}
      <p class="actions">
        {!reviewing && (
          <>
            <button type="button" class="primary" onClick={() => setReviewing(true)} data-testid="study-review">
              {t('studyReview')}
            </button>{' '}
          </>
        )}
        <button type="button" onClick={() => setConfirming(true)} data-testid="study-leave">
          {t('studyLeave')}
        </button>
      </p>
      {confirming && (
        <div role="alertdialog" aria-labelledby={`leave-${study.id}`} class="confirm">
          <p id={`leave-${study.id}`}>{t('studyLeaveConfirm')}</p>
          <button
            type="button"
            class="danger"
            onClick={async () => {
              await leaveStudy(openDb(), study.id);
              onLeft();
            }}
            data-testid="study-leave-confirm"
          >
            {t('studyLeaveYes')}
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            {t('cancel')}
          </button>
        </div>
      )}
    </article>
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
            key={e.study.id}
            enrolment={e}
            onLeft={() => {
              setStatus(t('studyLeft', e.study.title));
              reload();
            }}
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
