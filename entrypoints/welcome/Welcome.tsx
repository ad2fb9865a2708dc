import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { startDetection, useTotals } from '@/entrypoints/practice/live';
import { Vote } from '@/entrypoints/practice/Vote';
import { DETECTORS } from '@/lib/detectors/registry';
import { beneficiaryLabel, detailLabel, formatNumber, kindLabel, platformLabel, t } from '@/lib/i18n';
import { platformRows } from '@/lib/welcome';
import { Choices } from './Choices';

/**
 * Opened once, on installation (lib/background/welcome.ts), and from the popup later: what is counted
 * and where, the privacy promise, a practice widget counted live, pinning the button, first choices.
 */
export function WelcomePage() {
  return (
    <main class="welcome">
      <header class="hero">
        <img src="/icon/128.png" width="64" height="64" alt="" />
        <h1>{t('welcomeTitle')}</h1>
      </header>
      <p class="lead">{t('welcomeIntro')}</p>
      <div class="columns">
        <Privacy />
        <TryIt />
      </div>
      <Pin />
      <Choices />
      <Platforms />
      <p class="next">
        <a
          href={browser.runtime.getURL('/options.html')}
          onClick={(e) => {
            e.preventDefault();
            browser.runtime.openOptionsPage();
          }}
          data-testid="welcome-dashboard"
        >
          {t('welcomeDashboard')}
        </a>
      </p>
    </main>
  );
}

function Privacy() {
  return (
    <section class="panel" aria-labelledby="w-privacy" data-testid="welcome-privacy">
      <h2 id="w-privacy">{t('welcomePrivacyTitle')}</h2>
      <ul>
        <li>{t('welcomePrivacy1')}</li>
        <li>{t('welcomePrivacy2')}</li>
        <li>{t('welcomePrivacy3')}</li>
      </ul>
      <p>
        <a href={browser.runtime.getURL('/privacy.html')} data-testid="welcome-privacy-link">
          {t('welcomePrivacyLink')}
        </a>
      </p>
    </section>
  );
}

/** One practice widget, run by the practice page's own detector and counted live from the database. */
function TryIt() {
  const [totals] = useTotals();
  useEffect(() => startDetection(), []);
  return (
    <section class="panel" aria-labelledby="w-try">
      <h2 id="w-try">{t('welcomeTryTitle')}</h2>
      <p>{t('welcomeTryBody', platformLabel('practice'))}</p>
      <Vote />
      <p role="status" data-testid="welcome-try-count">
        {t('welcomeTryCount', formatNumber(totals?.byKind.vote ?? 0))}
      </p>
    </section>
  );
}

function Pin() {
  return (
    <section aria-labelledby="w-pin">
      <h2 id="w-pin">{t('welcomePinTitle')}</h2>
      <ul>
        <li>{t('welcomePinChrome')}</li>
        <li>{t('welcomePinFirefox')}</li>
      </ul>
    </section>
  );
}

/** The registry's platforms, each with its company and the kinds its detector counts. */
function Platforms() {
  return (
    <section aria-labelledby="w-where">
      <h2 id="w-where">{t('welcomeWhereTitle')}</h2>
      <p>{t('welcomeWhereIntro')}</p>
      <table class="where" data-testid="welcome-platforms">
        <thead>
          <tr>
            <th scope="col">{t('welcomeColSite')}</th>
            <th scope="col">{t('welcomeColCompany')}</th>
            <th scope="col">{t('welcomeColKinds')}</th>
          </tr>
        </thead>
        <tbody>
          {platformRows(DETECTORS).map((r) => (
            <tr key={r.id} data-platform={r.id}>
              <th scope="row">{r.label}</th>
              <td>{beneficiaryLabel(r.beneficiary)}</td>
              <td>
                {r.kinds.map(kindLabel).join(', ')}
                {r.unconfirmed.length > 0 && (
                  <em class="unconfirmed"> · {t('healthUnconfirmed', r.unconfirmed.map(detailLabel).join(', '))}</em>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
