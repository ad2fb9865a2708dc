import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { Card } from './Card';
import { Toggle } from './Toggle';

export function Share() {
  const [state, set] = useState('');
  const [open, setOpen] = useState(false);
  return (
    <Card name="share" title={t('pShareText')} state={state}>
      <Toggle on={state === 'share'} onClick={() => (state ? set('') : setOpen(true))} testId="p-share">
        ↗ {state ? t('pShared') : t('pShare')}
      </Toggle>
      {open && (
        <div role="dialog" aria-label={t('pShare')} class="popover">
          <button
            type="button"
            onClick={() => {
              setOpen(false);
              set('share');
            }}
            data-testid="p-share-now"
          >
            {t('pShareNow')}
          </button>
        </div>
      )}
    </Card>
  );
}
