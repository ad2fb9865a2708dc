import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { Card } from './Card';
import { Toggle } from './Toggle';

export function Reaction() {
  const [state, set] = useState('');
  return (
    <Card name="reaction" title={t('pReaction')} state={state}>
      <Toggle on={state === 'like'} onClick={() => set(state ? '' : 'like')} testId="p-like">
        ♥ {t('pLike')}
      </Toggle>
    </Card>
  );
}
