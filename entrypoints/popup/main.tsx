import { render } from 'preact';
import { browser } from 'wxt/browser';
import { uiLanguage } from '@/lib/i18n';
import { ensureMessages, onLanguageChanged } from '@/lib/i18n-fallback';
import { App } from './App';
import { startReading } from './read';
import '@/components/base.css';
import './style.css';

// The numbers are read from now on, beside the catalogue (read.ts startReading).
startReading();
// The catalogue first (lib/i18n-fallback.ts: Chromium may hand this page an empty one).
void ensureMessages().then(() => {
  document.documentElement.lang = uiLanguage();
  // In a tab (opened as a page, as Firefox for Android does) or on a phone's screen, the popup fits
  // the screen instead of its fixed toolbar width; the toolbar popup has no tab. A fixed width keeps
  // Chromium's popup sizing (it lays the popup out at a tiny width first, then grows it to fit).
  if (screen.width < 420) document.documentElement.classList.add('as-page');
  browser.tabs
    .getCurrent()
    .then((tab) => {
      if (tab) document.documentElement.classList.add('as-page');
    })
    .catch(() => {});
  render(<App />, document.getElementById('app') as HTMLElement);
});
// Another page changed the interface language: drawn again in it.
onLanguageChanged(() => location.reload());
