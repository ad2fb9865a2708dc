import { t } from '@/lib/i18n';
import { CITATIONS } from '@/lib/valuation/sources';
import { CITATION_IDS } from './cells';

/** The numbered list of sources the page's links point to. */
export function SourcesSection() {
  return (
    <section id="sources">
      <h2>{t('aboutSourcesTitle')}</h2>
      <ol data-testid="sources">
        {CITATION_IDS.map((id) => {
          const c = CITATIONS[id];
          return (
            <li key={id} id={`src-${id}`}>
              {c.reference}
              {c.verification === 'secondary' && <em class="secondary"> ({t('secondaryNote')})</em>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
