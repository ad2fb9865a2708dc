import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { UnreadableNotice } from '@/components/UnreadableNotice';
import { openDb } from '@/lib/db/open';
import { t } from '@/lib/i18n';
import { type Enrolment, enrolments } from '@/lib/research/study';
import { studyKey } from '@/lib/research/study-extras';
import { Enrolled } from './Enrolled';
import { Join } from './Join';
import { Review } from './Review';
import { StudyFacts } from './StudyFacts';

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
