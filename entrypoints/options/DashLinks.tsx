import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';

/** The dashboard's links to the other extension pages. */
export function DashLinks() {
  return (
    <footer class="dash-links">
      <nav aria-label={t('dashMoreLabel')}>
        <a href={browser.runtime.getURL('/about.html')}>{t('aboutLink')}</a>
        {' · '}
        <a href={browser.runtime.getURL('/data.html')}>{t('dataLink')}</a>
        {' · '}
        <a href={browser.runtime.getURL('/research.html')} data-testid="research-link">
          {t('researchLink')}
        </a>
        {' · '}
        <a href={browser.runtime.getURL('/class.html')}>{t('classTotalsLink')}</a>
        {' · '}
        <a href={browser.runtime.getURL('/practice.html')}>{t('practiceLink')}</a>
      </nav>
    </footer>
  );
}
