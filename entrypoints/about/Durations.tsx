import { formatNumber, t } from '@/lib/i18n';
import { DURATION_DEFAULTS } from '@/lib/valuation/sources';
import { ActionName, Cite } from './cells';

/** The default duration of each action, how it was arrived at, and its source. */
export function DurationsSection() {
  return (
    <section id="durations">
      <h2>{t('aboutDurationsTitle')}</h2>
      <table data-testid="durations">
        <thead>
          <tr>
            <th scope="col">{t('colAction')}</th>
            <th scope="col">{t('colSeconds')}</th>
            <th scope="col">{t('colHow')}</th>
            <th scope="col">{t('colSource')}</th>
          </tr>
        </thead>
        <tbody>
          {DURATION_DEFAULTS.map((d) => (
            <tr key={`${d.kind}/${d.detail ?? ''}`}>
              <ActionName kind={d.kind} detail={d.detail} />
              <td class="num">{formatNumber(d.seconds)}</td>
              <td>
                <span class="tag">{t(d.basis === 'modeled' ? 'basis_modeled' : 'basis_observed')}</span> {t(d.working)}
              </td>
              <td>
                <Cite id={d.source} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
