import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { Card } from './Card';
import { Toggle } from './Toggle';

export function Vote() {
  const [state, set] = useState('');
  return (
    <Card name="vote" title={t('pVote')} state={state}>
      <Toggle on={state === 'up'} onClick={() => set(state === 'up' ? '' : 'up')} testId="p-up">
        ▲ {t('pUp')}
      </Toggle>{' '}
      <Toggle on={state === 'down'} onClick={() => set(state === 'down' ? '' : 'down')} testId="p-down">
        ▼ {t('pDown')}
      </Toggle>
    </Card>
  );
}
