import { useState } from 'preact/hooks';
import { formatMoney, t } from '@/lib/i18n';
import type { Lens, ValuationSettings } from '@/lib/valuation';
import { type Currency, RATE_PRESETS } from '@/lib/valuation/sources';
import { Cite } from './cells';
import { parseAmount, withPreset } from './rates';

const CURRENCIES: Currency[] = ['EUR', 'USD', 'GBP'];

interface ChooserProps {
  lens: Lens;
  settings: ValuationSettings;
  onChange: (s: ValuationSettings) => void;
}

/** The lens's presets as a table of radio buttons, each with its year and source. */
function PresetTable({ lens, settings, onChange }: ChooserProps) {
  const custom = settings.custom?.[lens];
  const selected = lens === 'micro' ? settings.microPresetId : settings.fairPresetId;
  return (
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
                  name={`rate-${lens}`}
                  value={p.id}
                  checked={!custom && selected === p.id}
                  onChange={() => onChange(withPreset(settings, lens, p.id))}
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
  );
}

/** A custom hourly amount and its currency, refused with a message when it is not a valid amount. */
function CustomRateForm({ lens, settings, onChange }: ChooserProps) {
  const custom = settings.custom?.[lens];
  const [amount, setAmount] = useState(custom ? String(custom.amount) : '');
  const [currency, setCurrency] = useState<Currency>(custom?.currency ?? 'EUR');
  const [error, setError] = useState('');
  const errorId = `rate-${lens}-error`;

  const useCustom = (e: Event) => {
    e.preventDefault();
    const value = parseAmount(amount);
    if (value === null) return setError(t('invalidAmount'));
    setError('');
    onChange({ ...settings, custom: { ...settings.custom, [lens]: { amount: value, currency } } });
  };

  return (
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
          aria-describedby={error ? errorId : undefined}
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
        <span id={errorId} role="alert" class="error">
          {error}
        </span>
      )}
    </form>
  );
}

/** One lens's rate: a preset from the table, or a custom amount (which then replaces the preset). */
export function RateChooser(props: ChooserProps) {
  return (
    <fieldset class="rates" data-testid={`rates-${props.lens}`}>
      <legend>{t(props.lens === 'micro' ? 'lensMicro' : 'lensFair')}</legend>
      <PresetTable {...props} />
      <CustomRateForm {...props} />
    </fieldset>
  );
}
