import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t, uiLanguage } from '@/lib/i18n';
import { chosenLanguage, INTERFACE_LANGUAGES, isInterfaceLanguage, saveLanguageChoice } from '@/lib/i18n-fallback';

/** Each packaged language in its own words (the same in every catalogue). */
const OWN_NAMES = { en: 'uiLangEnglish', fr: 'uiLangFrench' } as const;

/**
 * The packaged language the browser's own choice gives: that of the catalogue the browser serves (its
 * `catalogueLanguage`; getUILanguage() can name another, see uiLanguage()), else the browser's language
 * where packaged, else English, the default locale.
 */
export function browserInterfaceLanguage(): string {
  const served = browser.i18n.getMessage('catalogueLanguage');
  if (isInterfaceLanguage(served)) return served;
  const lang = (browser.i18n.getUILanguage() || 'en').split(/[-_]/)[0] as string;
  return isInterfaceLanguage(lang) ? lang : 'en';
}

/** `lang`'s name in the interface language ("French", "anglais"), or its code where the browser cannot name it. */
function languageName(lang: string): string {
  try {
    return new Intl.DisplayNames([uiLanguage()], { type: 'language' }).of(lang) ?? lang;
  } catch {
    return lang;
  }
}

/**
 * "Interface language": the browser's, or one of the packaged languages (welcome page, dashboard).
 * Saving it makes every open extension page draw itself again in that language (components/start-page.tsx).
 */
export function LanguageChoice() {
  const [value, setValue] = useState<string>(chosenLanguage() ?? '');
  const [failed, setFailed] = useState(false);
  const pick = (next: string) => {
    setValue(next);
    saveLanguageChoice(isInterfaceLanguage(next) ? next : undefined).then(
      () => setFailed(false),
      () => setFailed(true),
    );
  };
  return (
    <>
      <p>
        <label>
          {t('uiLangLabel')}{' '}
          <select value={value} onChange={(e) => pick((e.target as HTMLSelectElement).value)} data-testid="ui-language">
            <option value="">{t('uiLangDefault', languageName(browserInterfaceLanguage()))}</option>
            {INTERFACE_LANGUAGES.map((lang) => (
              <option key={lang} value={lang} lang={lang}>
                {t(OWN_NAMES[lang])}
              </option>
            ))}
          </select>
        </label>
      </p>
      <p class="hint">{t('uiLangHint')}</p>
      {failed && (
        <p role="alert" data-testid="ui-language-error">
          {t('uiLangSaveFailed')}
        </p>
      )}
    </>
  );
}
