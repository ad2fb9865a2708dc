import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';

/** Links to the dashboard (opened as the options page) and the other pages, and the privacy note. */
export function Footer() {
  return (
    <footer>
      <a
        href={browser.runtime.getURL('/options.html')}
        onClick={(e) => {
          e.preventDefault();
          browser.runtime.openOptionsPage();
        }}
        data-testid="dashboard-link"
      >
        {t('dashOpen')}
      </a>
      {' · '}
      <a href={browser.runtime.getURL('/practice.html')} target="_blank" rel="noopener" data-testid="practice-link">
        {t('practiceLink')}
      </a>
      {' · '}
      <a href={browser.runtime.getURL('/data.html')} target="_blank" rel="noopener" data-testid="data-link">
        {t('dataLink')}
      </a>
      {' · '}
      <a href={browser.runtime.getURL('/welcome.html')} target="_blank" rel="noopener" data-testid="welcome-link">
        {t('welcomeLink')}
      </a>
      <p>
        {t('privacyNote')}{' '}
        <a href={browser.runtime.getURL('/privacy.html')} target="_blank" rel="noopener" data-testid="privacy-link">
          {t('privacyLink')}
        </a>
      </p>
    </footer>
  );
}
