import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { openDb } from '@/lib/db/open';
import { formatDay, kindLabel, type MessageKey, platformLabel, t } from '@/lib/i18n';
import { joinStudy, MAX_STUDY_BYTES, parseStudy, type Study } from '@/lib/research/study';
import { isJoinLink, parseJoinLink } from '@/lib/research/study-extras';
import { DisclosureFacts, grainLabel } from './Disclosure';
import { ConsentCopyButton, EthicsFacts, PastHistoryNote } from './StudyExtras';

/** What a study asks for, as text only: nothing the researcher wrote is ever read as HTML. */
export function StudyFacts({ study, children }: { study: Study; children?: ComponentChildren }) {
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
      <dd data-testid="study-granularity">{grainLabel(study.granularity)}</dd>
      <DisclosureFacts study={study} />
      <dt>{t('studyPlatforms')}</dt>
      <dd>{study.platforms.map(platformLabel).join(', ')}</dd>
      <dt>{t('studyKinds')}</dt>
      <dd>{study.kinds.map(kindLabel).join(', ')}</dd>
      <dt>{t('studyManual')}</dt>
      <dd data-testid="study-manual">{t(study.includeManual ? 'studyManualYes' : 'studyManualNo')}</dd>
      <EthicsFacts study={study} />
      {children}
    </dl>
  );
}

interface PreviewProps {
  study: Study;
  panelId: string | undefined;
  agreed: boolean;
  joining: boolean;
  onAgree: (agreed: boolean) => void;
  onJoin: () => void;
  onCancel: () => void;
}

/** A study read but not joined: everything it asks for, the consent text, and the agreement. */
function StudyPreview({ study, panelId, agreed, joining, onAgree, onJoin, onCancel }: PreviewProps) {
  return (
    <article class="card" data-testid="study-preview" aria-labelledby="preview-title">
      <h3 id="preview-title">{study.title}</h3>
      <StudyFacts study={study}>
        {panelId && (
          <>
            <dt>{t('studyPanelId')}</dt>
            <dd data-testid="study-panel-id">
              {panelId}
              <p class="hint">{t('studyPanelIdHelp')}</p>
            </dd>
          </>
        )}
      </StudyFacts>
      <PastHistoryNote study={study} />
      <h4>{t('studyConsent', study.consent.version)}</h4>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the consent text scrolls; the keyboard must reach it */}
      <div class="consent" tabIndex={0} data-testid="study-consent">
        {study.consent.text}
      </div>
      <p>
        <ConsentCopyButton study={study} />
      </p>
      <p class="what-leaves">{t('studyWhatLeaves')}</p>
      <p>
        <label>
          <input
            type="checkbox"
            checked={agreed}
            onChange={(e) => onAgree((e.target as HTMLInputElement).checked)}
            data-testid="study-agree"
          />{' '}
          {t('studyAgree')}
        </label>
      </p>
      <p class="actions">
        <button type="button" class="primary" disabled={!agreed || joining} onClick={onJoin} data-testid="study-join">
          {t('studyJoin')}
        </button>{' '}
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </p>
    </article>
  );
}

interface SourceProps {
  text: string;
  setText: (text: string) => void;
  read: (source: string) => void;
  refuse: (reason: string) => void;
}

/** Where a study comes from: a file chosen, or text pasted (the file itself or a join link). */
function StudySource({ text, setText, read, refuse }: SourceProps) {
  return (
    <>
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
    </>
  );
}

/** Reading a study (a file, pasted text or a join link) and joining it after consent. */
export function Join({ onJoined }: { onJoined: () => void }) {
  const [text, setText] = useState('');
  const [study, setStudy] = useState<Study | null>(null);
  const [error, setError] = useState('');
  const [agreed, setAgreed] = useState(false);
  const [joining, setJoining] = useState(false);
  const [panelId, setPanelId] = useState<string | undefined>();

  const refuse = (reason: string) => {
    setStudy(null);
    setAgreed(false);
    setError(t('studyRefused', reason));
  };

  const read = (source: string) => {
    setStudy(null);
    setAgreed(false);
    setPanelId(undefined);
    // A join link carries the study file itself (and perhaps a panel id): it is read like a file.
    if (isJoinLink(source)) {
      const link = parseJoinLink(source);
      if (!link.ok) return refuse(t(link.error === 'bad-link' ? 'studyErr_bad_link' : 'studyErr_bad_panel_id'));
      source = link.studyText;
      setPanelId(link.panelId);
    }
    const r = parseStudy(source);
    if (r.ok) {
      setError('');
      setStudy(r.study);
    } else {
      refuse(t(`studyErr_${r.error.replaceAll('-', '_')}` as MessageKey, r.field ?? ''));
    }
  };

  // Opened from a join link: research.html#join=…
  useEffect(() => {
    if (isJoinLink(location.hash)) read(location.hash);
  }, []);

  const join = async () => {
    if (!study || joining) return;
    setJoining(true);
    const r = await joinStudy(openDb(), study, Date.now(), panelId).finally(() => setJoining(false));
    if (r.ok) {
      if (isJoinLink(location.hash)) history.replaceState(null, '', location.pathname);
      setStudy(null);
      setPanelId(undefined);
      setText('');
      setAgreed(false);
      onJoined();
    } else setError(t(r.error === 'ended' ? 'studyErr_ended' : 'studyErr_already_joined'));
  };

  return (
    <section aria-labelledby="join-title">
      <h2 id="join-title">{t('studyJoinTitle')}</h2>
      <p>{t('studyJoinHelp')}</p>
      <StudySource text={text} setText={setText} read={read} refuse={refuse} />
      {error && (
        <p role="alert" class="error" data-testid="study-error">
          {error}
        </p>
      )}
      {study && (
        <StudyPreview
          study={study}
          panelId={panelId}
          agreed={agreed}
          joining={joining}
          onAgree={setAgreed}
          onJoin={join}
          onCancel={() => setStudy(null)}
        />
      )}
    </section>
  );
}
