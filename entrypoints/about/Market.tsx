import { formatMoney, t } from '@/lib/i18n';
import { MARKET_PRICES } from '@/lib/valuation/sources';
import { ActionName, Cite } from './cells';

/** What the market pays for the same actions, with sources. */
export function MarketSection() {
  return (
    <section id="market">
      <h2>{t('aboutMarketTitle')}</h2>
      <p>{t('aboutMarketIntro')}</p>
      <table data-testid="market">
        <thead>
          <tr>
            <th scope="col">{t('colAction')}</th>
            <th scope="col">{t('colPrice')}</th>
            <th scope="col">{t('colFor')}</th>
            <th scope="col">{t('colSource')}</th>
          </tr>
        </thead>
        <tbody>
          {MARKET_PRICES.map((m) => (
            <tr key={`${m.kind}/${m.detail ?? ''}`}>
              <ActionName kind={m.kind} detail={m.detail} />
              <td class="num">{t('perUnit', formatMoney(m.amount, m.currency))}</td>
              <td>{t(m.what)}</td>
              <td>
                <Cite id={m.source} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
