import { useEffect, useState } from 'preact/hooks';
import { LanguageChoice } from '@/components/LanguageChoice';
import { PlatformSwitches, useTrackingSettings } from '@/components/PlatformSwitches';
import { openDb } from '@/lib/db/open';
import { loadValuationSettings, saveValuationSettings } from '@/lib/db/settings';
import { formatMoney, t, userLocale } from '@/lib/i18n';
import type { ValuationSettings } from '@/lib/valuation';
import { RATE_PRESETS } from '@/lib/valuation/sources';

/** First choices, saved at once with the dashboard's own code: interface language, platforms counted, and the fair wage. */
export function Choices() {
  const [tracking, saveTracking] = useTrackingSettings();
  return (
    <section aria-labelledby="w-choices" data-testid="welcome-choices">
      <h2 id="w-choices">{t('welcomeChoicesTitle')}</h2>
      <LanguageChoice />
      <FairWage />
      {tracking && <PlatformSwitches settings={tracking} save={saveTracking} />}
      <p class="hint">{t('welcomeChoicesNote')}</p>
    </section>
  );
}

function FairWage() {
  const [settings, setSettings] = useState<ValuationSettings | null>(null);
  useEffect(() => {
    loadValuationSettings(openDb(), userLocale()).then(setSettings);
  }, []);
  if (!settings) return null;
  const pick = async (id: string) => {
    // A preset replaces a custom fair rate, as on the "What the labor is worth" page.
    const { fair: _dropped, ...custom } = settings.custom ?? {};
    const next: ValuationSettings = { ...settings, fairPresetId: id, ...(Object.keys(custom).length ? { custom } : {}) };
    if (!Object.keys(custom).length) delete next.custom;
    setSettings(next);
    await saveValuationSettings(openDb(), next);
  };
  return (
    <p>
      <label>
        {t('welcomeWage')}{' '}
        <select
          value={settings.custom?.fair ? '' : settings.fairPresetId}
          onChange={(e) => pick((e.target as HTMLSelectElement).value)}
          data-testid="welcome-wage"
        >
          {settings.custom?.fair && (
            <option value="">{formatMoney(settings.custom.fair.amount, settings.custom.fair.currency)}</option>
          )}
          {RATE_PRESETS.filter((p) => p.lens === 'fair').map((p) => (
            <option key={p.id} value={p.id}>
              {t('welcomeWageOption', t(p.name), formatMoney(p.amount, p.currency))}
            </option>
          ))}
        </select>
      </label>
    </p>
  );
}
