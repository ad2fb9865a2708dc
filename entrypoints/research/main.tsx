import { render } from 'preact';
import { t, uiLanguage } from '@/lib/i18n';
import { ensureMessages } from '@/lib/i18n-fallback';
import { ResearchPage } from './ResearchPage';
import '@/components/base.css';
import '../about/style.css';
import './style.css';

// The catalogue first (lib/i18n-fallback.ts: Chromium may hand this page an empty one).
void ensureMessages().then(() => {
  document.documentElement.lang = uiLanguage();
  document.title = `${t('researchTitle')} — Clickwork Meter`;
  render(<ResearchPage />, document.getElementById('app') as HTMLElement);
});
