import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { Card } from './Card';
import { Toggle } from './Toggle';

export function AiFeedback() {
  const [state, set] = useState('');
  return (
    <Card name="ai-feedback" title={t('pAi')} state={state}>
      <p class="answer">{t('pAiAnswer')}</p>
      <Toggle on={state === 'thumbs-up'} onClick={() => set(state === 'thumbs-up' ? '' : 'thumbs-up')} testId="p-good">
        ✓ {t('pGood')}
      </Toggle>{' '}
      <Toggle on={state === 'thumbs-down'} onClick={() => set(state === 'thumbs-down' ? '' : 'thumbs-down')} testId="p-bad">
        ✗ {t('pBad')}
      </Toggle>
    </Card>
  );
}
