import { useEffect, useState } from 'preact/hooks';
import { useLive } from '@/components/use-live';
import { ContentContext } from '@/lib/content/context';
import { deliver } from '@/lib/content/entry';
import { runDetector } from '@/lib/content/runtime';
import { openDb } from '@/lib/db/open';
import { resetPractice } from '@/lib/db/practice';
import { practiceOnly, rangeDays, summarize } from '@/lib/db/queries';
import practice from '@/lib/detectors/practice';
import { formatDuration, formatNumber, kindLabel, t, userLocale } from '@/lib/i18n';
import { announce } from '@/lib/page-messages';
import { KINDS, type Kind } from '@/lib/taxonomy';
import { defaultSettings, valuate } from '@/lib/valuation';

/**
 * The same runtime as on real platforms, run in this page: listeners and timers live as long as
 * the page, and sightings go to the background like a content script's.
 */
export function startDetection(): () => void {
  const ctx = new ContentContext();
  runDetector(practice, ctx, (m) => deliver(ctx, m));
  return () => ctx.abort();
}

type Totals = { byKind: Record<Kind, number>; total: number; seconds: number };

/** The practice page's totals of the last 30 days, read again on every stored change. */
export function useTotals(): [Totals | null, () => void] {
  const { value, reload } = useLive(async (): Promise<Totals> => {
    const s = await summarize(openDb(), rangeDays('30d'), practiceOnly);
    const byKind = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;
    for (const k of s.byKind) byKind[k.kind] = k.count;
    return { byKind, total: s.total, seconds: valuate(s.tallies, defaultSettings(userLocale())).seconds };
  }, []);
  return [value ?? null, reload];
}

export function PracticePage() {
  const [present, setPresent] = useState(location.hash === '#present');
  const [totals, reload] = useTotals();
  const [status, setStatus] = useState('');
  useEffect(() => startDetection(), []);
  useEffect(() => {
    const onHash = () => setPresent(location.hash === '#present');
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

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

  if (present) {
    return (
      <main class="present" data-testid="presentation">
        {bar}
        <h1>{t('practiceTotals')}</h1>
        <p class="big" data-testid="present-total">
          {formatNumber(totals?.total ?? 0)}
        </p>
        <p class="big-sub">
          {t('timeGiven')}: {formatDuration(totals?.seconds ?? 0)}
        </p>
        <ul class="tiles">
          {KINDS.map((k) => (
            <li key={k} data-kind={k}>
              <span class="n">{formatNumber(totals?.byKind[k] ?? 0)}</span>
              <span class="k">{kindLabel(k)}</span>
            </li>
          ))}
        </ul>
      </main>
    );
  }

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

function Card({
  name,
  title,
  state,
  children,
}: {
  name: string;
  title: string;
  state: string;
  children: preact.ComponentChildren;
}) {
  return (
    <section class="card" data-practice={name} data-state={state} aria-labelledby={`p-${name}`}>
      <h2 id={`p-${name}`}>{title}</h2>
      {children}
    </section>
  );
}

/** A button that shows its state the way platforms do, with aria-pressed. */
function Toggle({
  on,
  onClick,
  children,
  testId,
}: {
  on: boolean;
  onClick: () => void;
  children: preact.ComponentChildren;
  testId: string;
}) {
  return (
    <button type="button" aria-pressed={on} onClick={onClick} data-testid={testId}>
      {children}
    </button>
  );
}

function Reaction() {
  const [state, set] = useState('');
  return (
    <Card name="reaction" title={t('pReaction')} state={state}>
      <Toggle on={state === 'like'} onClick={() => set(state ? '' : 'like')} testId="p-like">
        ♥ {t('pLike')}
      </Toggle>
    </Card>
  );
}

export function Vote() {
  const [state, set] = useState('');
  return (
    <Card name="vote" title={t('pVote')} state={state}>
      <Toggle on={state === 'up'} onClick={() => set(state === 'up' ? '' : 'up')} testId="p-up">
        ▲ {t('pUp')}
      </Toggle>{' '}
      <Toggle on={state === 'down'} onClick={() => set(state === 'down' ? '' : 'down')} testId="p-down">
        ▼ {t('pDown')}
      </Toggle>
    </Card>
  );
}

function Rating() {
  const [stars, set] = useState(0);
  return (
    <Card name="rating" title={t('pRating')} state={stars ? 'stars' : ''}>
      <div class="stars">
        {[1, 2, 3, 4, 5].map((n) => (
          <button
            type="button"
            key={n}
            aria-pressed={n <= stars}
            aria-label={t('pStar', n)}
            onClick={() => set(stars === n ? 0 : n)}
            data-testid={`p-star-${n}`}
          >
            {n <= stars ? '★' : '☆'}
          </button>
        ))}
      </div>
    </Card>
  );
}

function Composer({ name, title }: { name: 'review' | 'comment'; title: string }) {
  const [text, setText] = useState('');
  const [posted, setPosted] = useState(false);
  return (
    <Card name={name} title={title} state="">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!text.trim()) return;
          // Like a platform: the box empties once the server has taken the text.
          setTimeout(() => {
            setText('');
            setPosted(true);
          }, 300);
        }}
      >
        <label class="sr-only" for={`p-${name}-text`}>
          {title}
        </label>
        <textarea
          id={`p-${name}-text`}
          rows={name === 'review' ? 3 : 2}
          value={text}
          onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
          data-testid={`p-${name}-text`}
        />
        <button type="submit" data-testid={`p-${name}-post`}>
          {t('pPost')}
        </button>
        {posted && <span role="status"> {t('pPosted')}</span>}
      </form>
    </Card>
  );
}

function Share() {
  const [state, set] = useState('');
  const [open, setOpen] = useState(false);
  return (
    <Card name="share" title={t('pShareText')} state={state}>
      <Toggle on={state === 'share'} onClick={() => (state ? set('') : setOpen(true))} testId="p-share">
        ↗ {state ? t('pShared') : t('pShare')}
      </Toggle>
      {open && (
        <div role="dialog" aria-label={t('pShare')} class="popover">
          <button
            type="button"
            onClick={() => {
              setOpen(false);
              set('share');
            }}
            data-testid="p-share-now"
          >
            {t('pShareNow')}
          </button>
        </div>
      )}
    </Card>
  );
}

function Tag() {
  const [answer, setAnswer] = useState('');
  const state = answer ? 'label' : '';
  return (
    <Card name="tag" title={t('pTag')} state={state}>
      <svg viewBox="0 0 120 80" width="120" height="80" aria-hidden="true">
        <rect width="120" height="80" rx="8" fill="#e9e4d4" />
        <circle cx="60" cy="48" r="20" fill="#8a6d3b" />
        <polygon points="44,34 48,16 56,30" fill="#8a6d3b" />
        <polygon points="76,34 72,16 64,30" fill="#8a6d3b" />
      </svg>
      <div>
        <Toggle on={answer === 'yes'} onClick={() => setAnswer('yes')} testId="p-tag-yes">
          {t('pYes')}
        </Toggle>{' '}
        <Toggle on={answer === 'no'} onClick={() => setAnswer('no')} testId="p-tag-no">
          {t('pNo')}
        </Toggle>
      </div>
    </Card>
  );
}

function Captcha() {
  const [state, set] = useState('');
  const [open, setOpen] = useState(false);
  const [picked, setPicked] = useState<number[]>([]);
  const [again, setAgain] = useState(false);
  return (
    <Card name="captcha" title="CAPTCHA" state={state}>
      <button type="button" aria-pressed={state === 'challenge'} onClick={() => !state && setOpen(true)} data-testid="p-captcha">
        {state ? '☑' : '☐'} {state ? t('pCaptchaPassed') : t('pCaptcha')}
      </button>
      {open && (
        <div class="popover" role="dialog" aria-label="CAPTCHA">
          <p>{t('pCaptchaTask')}</p>
          <div class="tiles3">
            {[0, 1, 2, 3, 4, 5, 6, 7, 8].map((i) => (
              <button
                type="button"
                key={i}
                aria-pressed={picked.includes(i)}
                aria-label={t('pTile', i + 1)}
                onClick={() => setPicked(picked.includes(i) ? picked.filter((x) => x !== i) : [...picked, i])}
                data-testid={`p-tile-${i}`}
              >
                {i % 3 === 1 ? <TrafficLight /> : <Tree />}
              </button>
            ))}
          </div>
          {again && <p role="alert">{t('pCaptchaAgain')}</p>}
          <button
            type="button"
            onClick={() => {
              if (!picked.length) return setAgain(true);
              setOpen(false);
              set('challenge');
            }}
            data-testid="p-verify"
          >
            {t('pVerify')}
          </button>
        </div>
      )}
    </Card>
  );
}

function Report() {
  const [state, set] = useState('');
  const [open, setOpen] = useState(false);
  return (
    <Card name="report" title={t('pReportText')} state={state}>
      <button type="button" onClick={() => !state && setOpen(true)} data-testid="p-report">
        ⚑ {state ? t('pReported') : t('pReport')}
      </button>
      {open && (
        <form
          class="popover"
          onSubmit={(e) => {
            e.preventDefault();
            setOpen(false);
            set('report');
          }}
        >
          <fieldset>
            <legend>{t('pReportWhy')}</legend>
            {(['pReasonSpam', 'pReasonHate', 'pReasonFalse'] as const).map((r, i) => (
              <label key={r}>
                <input type="radio" name="reason" value={r} defaultChecked={i === 0} /> {t(r)}
              </label>
            ))}
          </fieldset>
          <button type="submit" data-testid="p-report-send">
            {t('pReportSend')}
          </button>
        </form>
      )}
    </Card>
  );
}

function AiFeedback() {
  const [state, set] = useState('');
  return (
    <Card name="ai-feedback" title={t('pAi')} state={state}>
      <p class="answer">{t('pAiAnswer')}</p>
      <Toggle on={state === 'thumbs-up'} onClick={() => set(state === 'thumbs-up' ? '' : 'thumbs-up')} testId="p-good">
        ✓ {t('pGood')}
      </Toggle>{' '}
      <Toggle on={state === 'thumbs-down'} onClick={() => set(state === 'thumbs-down' ? '' : 'thumbs-down')} testId="p-bad">
        ✗ {t('pBad')}
      </Toggle>
    </Card>
  );
}

function Compare() {
  const [pick, setPick] = useState('');
  const state = pick ? 'compare' : '';
  return (
    <Card name="compare" title={t('pCompare')} state={state}>
      <p class="answer">{t('pAnswerA')}</p>
      <p class="answer">{t('pAnswerB')}</p>
      <Toggle on={pick === 'a'} onClick={() => setPick('a')} testId="p-pick-a">
        {t('pPickA')}
      </Toggle>{' '}
      <Toggle on={pick === 'b'} onClick={() => setPick('b')} testId="p-pick-b">
        {t('pPickB')}
      </Toggle>
    </Card>
  );
}

// Drawn rather than emoji: emoji fonts are missing on many systems (and projectors' laptops).
function TrafficLight() {
  return (
    <svg viewBox="0 0 20 40" width="14" height="28" aria-hidden="true">
      <rect x="2" y="1" width="16" height="38" rx="4" fill="#333" />
      <circle cx="10" cy="9" r="5" fill="#e53935" />
      <circle cx="10" cy="20" r="5" fill="#fbc02d" />
      <circle cx="10" cy="31" r="5" fill="#43a047" />
    </svg>
  );
}

function Tree() {
  return (
    <svg viewBox="0 0 30 40" width="22" height="28" aria-hidden="true">
      <rect x="12" y="24" width="6" height="14" fill="#795548" />
      <circle cx="15" cy="15" r="12" fill="#388e3c" />
    </svg>
  );
}
