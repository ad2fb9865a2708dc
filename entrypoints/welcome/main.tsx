import { render } from 'preact';
import { t, uiLanguage } from '@/lib/i18n';
import { ensureMessages } from '@/lib/i18n-fallback';
import { WelcomePage } from './Welcome';
import '@/components/base.css';
import '@/entrypoints/practice/style.css';
import './style.css';

// The catalogue first (lib/i18n-fallback.ts: Chromium may hand this page an empty one).
void ensureMessages().then(() => {
  document.documentElement.lang = uiLanguage();
  document.title = `${t('welcomeTitle')}`;
  render(<WelcomePage />, document.getElementById('app') as HTMLElement);
});
