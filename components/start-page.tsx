import { render, type VNode } from 'preact';
import { type MessageKey, t, uiLanguage } from '@/lib/i18n';
import { ensureMessages, onLanguageChanged } from '@/lib/i18n-fallback';

/**
 * Draws an extension page once its message catalogue is there (lib/i18n-fallback.ts: Chromium may
 * hand a page an empty one): the document's language, its title (`<title> — Clickwork Meter`, or the
 * title alone), then `view()` in `#app`. A change of the interface language (here or on another
 * page) reloads it, drawn in the new language.
 */
export function startPage(view: () => VNode, titleKey?: MessageKey, withName = true): void {
  void ensureMessages().then(() => {
    document.documentElement.lang = uiLanguage();
    if (titleKey) document.title = withName ? `${t(titleKey)} — Clickwork Meter` : t(titleKey);
    render(view(), document.getElementById('app') as HTMLElement);
  });
  onLanguageChanged(() => location.reload());
}
