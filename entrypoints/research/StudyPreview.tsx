import { t } from '@/lib/i18n';
import type { Study } from '@/lib/research/study';
import { ConsentCopyButton, PastHistoryNote } from './StudyExtras';
import { StudyFacts } from './StudyFacts';

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
export function StudyPreview({ study, panelId, agreed, joining, onAgree, onJoin, onCancel }: PreviewProps) {
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
