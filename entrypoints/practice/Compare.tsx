import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { Card } from './Card';
import { Toggle } from './Toggle';

export function Compare() {
  const [pick, setPick] = useState('');
  const state = pick ? 'compare' : '';
  return (
    <Card name="compare" title={t('pCompare')} state={state}>
      <p class="answer">{t('pAnswerA')}</p>
      <p class="answer">{t('pAnswerB')}</p>
      <Toggle on={pick === 'a'} onClick={() => setPick('a')} testId="p-pick-a">
        {t('pPickA')}
      </Toggle>{' '}
      <Toggle on={pick === 'b'} onClick={() => setPick('b')} testId="p-pick-b">
        {t('pPickB')}
      </Toggle>
    </Card>
  );
}
