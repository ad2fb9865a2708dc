import { useEffect, useState } from 'preact/hooks';
import { openDb } from '@/lib/db/open';
import { loadValuationSettings, resetValuationSettings, saveValuationSettings } from '@/lib/db/settings';
import { detailLabel, formatMoney, formatNumber, kindLabel, t, userLocale } from '@/lib/i18n';
import { announce } from '@/lib/page-messages';
import type { Lens, ValuationSettings } from '@/lib/valuation';
import {
  CITATIONS,
  type CitationId,
  type Currency,
  DURATION_DEFAULTS,
  MARKET_PRICES,
  RATE_PRESETS,
} from '@/lib/valuation/sources';

const CITATION_IDS = Object.keys(CITATIONS) as CitationId[];
const CURRENCIES: Currency[] = ['EUR', 'USD', 'GBP'];

/** A numbered link to a source in the list at the bottom of the page. */
function Cite({ id }: { id: CitationId }) {
  return (
    <a href={`#src-${id}`} class="cite">
      [{CITATION_IDS.indexOf(id) + 1}]
    </a>
  );
}

function announceChange() {
  // The popup redraws its figures when it hears this.
  announce('events-changed');
}

export function About() {
  const [settings, setSettings] = useState<ValuationSettings | null>(null);
  const [status, setStatus] = useState('');

  useEffect(() => {
    loadValuationSettings(openDb(), userLocale()).then(setSettings);
  }, []);

  const save = async (next: ValuationSettings) => {
    setSettings(next);
    await saveValuationSettings(openDb(), next);
    setStatus(t('saved'));
    announceChange();
  };

  const restore = async () => {
    await resetValuationSettings(openDb());
    setSettings(await loadValuationSettings(openDb(), userLocale()));
    setStatus(t('saved'));
    announceChange();
  };

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
                <th scope="row">
                  {kindLabel(d.kind)}
                  {d.detail ? ` (${detailLabel(d.detail)})` : ''}
                </th>
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
                <th scope="row">
                  {kindLabel(m.kind)}
                  {m.detail ? ` (${detailLabel(m.detail)})` : ''}
                </th>
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
    </main>
  );
}

function RateChooser({
  lens,
  settings,
  onChange,
}: {
  lens: Lens;
  settings: ValuationSettings;
  onChange: (s: ValuationSettings) => void;
}) {
  const custom = settings.custom?.[lens];
  const selected = lens === 'micro' ? settings.microPresetId : settings.fairPresetId;
  const [amount, setAmount] = useState(custom ? String(custom.amount) : '');
  const [currency, setCurrency] = useState<Currency>(custom?.currency ?? 'EUR');
  const [error, setError] = useState('');
  const name = `rate-${lens}`;

  const pick = (id: string) => {
    const { [lens]: _dropped, ...rest } = settings.custom ?? {};
    const next: ValuationSettings = {
      ...settings,
      ...(lens === 'micro' ? { microPresetId: id } : { fairPresetId: id }),
      custom: rest,
    };
    if (!Object.keys(rest).length) delete next.custom;
    onChange(next);
  };

  const useCustom = (e: Event) => {
    e.preventDefault();
    const value = Number(amount.replace(',', '.'));
    if (!amount.trim() || !Number.isFinite(value) || value < 0 || value >= 10_000) {
      setError(t('invalidAmount'));
      return;
    }
    setError('');
    onChange({ ...settings, custom: { ...settings.custom, [lens]: { amount: value, currency } } });
  };

  return (
    <fieldset class="rates" data-testid={`rates-${lens}`}>
      <legend>{t(lens === 'micro' ? 'lensMicro' : 'lensFair')}</legend>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('colRate')}</th>
            <th scope="col">{t('colPerHour')}</th>
            <th scope="col">{t('colYear')}</th>
            <th scope="col">{t('colSource')}</th>
          </tr>
        </thead>
        <tbody>
          {RATE_PRESETS.filter((p) => p.lens === lens).map((p) => (
            <tr key={p.id}>
              <th scope="row">
                <label>
                  <input
                    type="radio"
                    name={name}
                    value={p.id}
                    checked={!custom && selected === p.id}
                    onChange={() => pick(p.id)}
                  />{' '}
                  {t(p.name)}
                </label>
              </th>
              <td class="num">{formatMoney(p.amount, p.currency)}</td>
              <td class="num">{p.year}</td>
              <td>
                <Cite id={p.source} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form class="custom" onSubmit={useCustom}>
        <span class="custom-title">
          {t('customRate')}
          {custom && <span class="tag measured">✓</span>}
        </span>
        <label>
          {t('customAmount')}{' '}
          <input
            type="text"
            inputMode="decimal"
            size={8}
            value={amount}
            onInput={(e) => setAmount((e.target as HTMLInputElement).value)}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? `${name}-error` : undefined}
          />
        </label>
        <label>
          {t('currency')}{' '}
          <select value={currency} onChange={(e) => setCurrency((e.target as HTMLSelectElement).value as Currency)}>
            {CURRENCIES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t('useCustom')}</button>
        {error && (
          <span id={`${name}-error`} role="alert" class="error">
            {error}
          </span>
        )}
      </form>
    </fieldset>
  );
}
