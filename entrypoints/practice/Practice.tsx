import { useEffect, useState } from 'preact/hooks';
import { openDb } from '@/lib/db/open';
import { resetPractice } from '@/lib/db/practice';
import { formatNumber, kindLabel, t } from '@/lib/i18n';
import { announce } from '@/lib/page-messages';
import { KINDS } from '@/lib/taxonomy';
import { AiFeedback } from './AiFeedback';
import { Captcha } from './Captcha';
import { Compare } from './Compare';
import { Composer } from './Composer';
import { startDetection, useTotals } from './live';
import { Presentation } from './Presentation';
import { Rating } from './Rating';
import { Reaction } from './Reaction';
import { Report } from './Report';
import { Share } from './Share';
import { Tag } from './Tag';
import { Vote } from './Vote';

/** Whether the address asks for the projector view (#present), followed as it changes. */
function usePresent(): boolean {
  const [present, setPresent] = useState(location.hash === '#present');
  useEffect(() => {
    const onHash = () => setPresent(location.hash === '#present');
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return present;
}

/** The practice page: one widget per kind of click-work, counted by the real runtime, and its totals. */
export function PracticePage() {
  const present = usePresent();
  const [totals, reload] = useTotals();
  const [status, setStatus] = useState('');
  useEffect(() => startDetection(), []);

  const reset = async () => {
    if (!confirm(t('practiceResetConfirm'))) return;
    const n = await resetPractice(openDb());
    setStatus(t('practiceResetDone', formatNumber(n)));
    announce('events-changed');
    reload();
  };

  const bar = (
    <nav class="bar">
      <a href={present ? '#' : '#present'} data-testid="toggle-view">
        {present ? t('practiceBack') : t('practicePresent')}
      </a>
      <button type="button" onClick={reset} data-testid="reset">
        {t('practiceReset')}
      </button>
      <span role="status">{status}</span>
    </nav>
  );
  if (present) return <Presentation totals={totals} bar={bar} />;

  return (
    <main>
      {bar}
      <h1>{t('practiceTitle')}</h1>
      <p>{t('practiceIntro')}</p>
      <div class="grid">
        <Reaction />
        <Vote />
        <Rating />
        <Composer name="review" title={t('pReview')} />
        <Composer name="comment" title={t('pComment')} />
        <Share />
        <Tag />
        <Captcha />
        <Report />
        <AiFeedback />
        <Compare />
      </div>
      <aside class="totals" aria-live="polite">
        <h2>{t('practiceTotals')}</h2>
        <ul data-testid="practice-totals">
          {KINDS.map((k) => (
            <li key={k} data-kind={k}>
              {kindLabel(k)}: <strong>{formatNumber(totals?.byKind[k] ?? 0)}</strong>
            </li>
          ))}
        </ul>
      </aside>
    </main>
  );
}
