import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { Card } from './Card';
import { Toggle } from './Toggle';

export function Tag() {
  const [answer, setAnswer] = useState('');
  const state = answer ? 'label' : '';
  return (
    <Card name="tag" title={t('pTag')} state={state}>
      <svg viewBox="0 0 120 80" width="120" height="80" aria-hidden="true">
        <rect width="120" height="80" rx="8" fill="#e9e4d4" />
        <circle cx="60" cy="48" r="20" fill="#8a6d3b" />
        <polygon points="44,34 48,16 56,30" fill="#8a6d3b" />
        <polygon points="76,34 72,16 64,30" fill="#8a6d3b" />
      </svg>
      <div>
        <Toggle on={answer === 'yes'} onClick={() => setAnswer('yes')} testId="p-tag-yes">
          {t('pYes')}
        </Toggle>{' '}
        <Toggle on={answer === 'no'} onClick={() => setAnswer('no')} testId="p-tag-no">
          {t('pNo')}
        </Toggle>
      </div>
    </Card>
  );
}
