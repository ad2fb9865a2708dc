import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { Card } from './Card';

export function Report() {
  const [state, set] = useState('');
  const [open, setOpen] = useState(false);
  return (
    <Card name="report" title={t('pReportText')} state={state}>
      <button type="button" onClick={() => !state && setOpen(true)} data-testid="p-report">
        ⚑ {state ? t('pReported') : t('pReport')}
      </button>
      {open && (
        <form
          class="popover"
          onSubmit={(e) => {
            e.preventDefault();
            setOpen(false);
            set('report');
          }}
        >
          <fieldset>
            <legend>{t('pReportWhy')}</legend>
            {(['pReasonSpam', 'pReasonHate', 'pReasonFalse'] as const).map((r, i) => (
              <label key={r}>
                <input type="radio" name="reason" value={r} defaultChecked={i === 0} /> {t(r)}
              </label>
            ))}
          </fieldset>
          <button type="submit" data-testid="p-report-send">
            {t('pReportSend')}
          </button>
        </form>
      )}
    </Card>
  );
}
