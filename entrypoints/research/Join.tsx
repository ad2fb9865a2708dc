import { t } from '@/lib/i18n';
import { StudyPreview } from './StudyPreview';
import { StudySource } from './StudySource';
import { useJoin } from './useJoin';

/** Reading a study (a file, pasted text or a join link) and joining it after consent. */
export function Join({ onJoined }: { onJoined: () => void }) {
  const { text, setText, study, setStudy, error, agreed, setAgreed, joining, panelId, refuse, read, join } = useJoin(onJoined);
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
