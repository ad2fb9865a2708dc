import { t } from '@/lib/i18n';
import type { ValuationSettings } from '@/lib/valuation';
import { Cite } from './cells';
import { DurationsSection } from './Durations';
import { MarketSection } from './Market';
import { RateChooser } from './RateChooser';
import { SourcesSection } from './Sources';
import { useValuationSettings } from './useValuationSettings';

interface RatesProps {
  settings: ValuationSettings | null;
  status: string;
  save: (next: ValuationSettings) => void;
  restore: () => void;
}

/** The two lenses' rates (once read), the button restoring the defaults, and the saved status. */
function RatesSection({ settings, status, save, restore }: RatesProps) {
  return (
    <section id="rates">
      <h2>{t('aboutRatesTitle')}</h2>
      <p>{t('aboutRatesIntro')}</p>
      {settings &&
        (['fair', 'micro'] as const).map((lens) => <RateChooser key={lens} lens={lens} settings={settings} onChange={save} />)}
      <p class="actions">
        <button type="button" onClick={restore} data-testid="restore">
          {t('restoreDefaults')}
        </button>
        <span role="status" class="status">
          {status}
        </span>
      </p>
    </section>
  );
}

/** What is measured and how it is valued: durations, rates (chosen here), market prices, sources. */
export function About() {
  const rates = useValuationSettings();
  return (
    <main>
      <h1>{t('aboutTitle')}</h1>
      <p>{t('aboutIntro')}</p>
      <p class="claim" data-testid="not-a-claim">
        {t('aboutNotClaim')}
      </p>
      <section id="measured">
        <h2>{t('aboutMeasuredTitle')}</h2>
        <p>{t('aboutMeasured')}</p>
      </section>
      <DurationsSection />
      <RatesSection {...rates} />
      <MarketSection />
      <section id="moderation">
        <h2>{t('aboutModerationTitle')}</h2>
        <p data-testid="about-moderation">
          {t('aboutModeration')} <Cite id="li2022" />
        </p>
      </section>
      <section id="manual">
        <h2>{t('aboutManualTitle')}</h2>
        <p>{t('aboutManual')}</p>
      </section>
      <SourcesSection />
    </main>
  );
}
