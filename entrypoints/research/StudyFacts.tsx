import type { ComponentChildren } from 'preact';
import { formatDay, kindLabel, platformLabel, t } from '@/lib/i18n';
import type { Study } from '@/lib/research/study';
import { DisclosureFacts, grainLabel } from './Disclosure';
import { EthicsFacts } from './StudyExtras';

/** What a study asks for, as text only: nothing the researcher wrote is ever read as HTML. */
export function StudyFacts({ study, children }: { study: Study; children?: ComponentChildren }) {
  return (
    <dl class="facts">
      <dt>{t('studyResearcher')}</dt>
      <dd data-testid="study-researcher">{study.researcher}</dd>
      <dt>{t('studyContact')}</dt>
      <dd>{study.contact}</dd>
      <dt>{t('studyId')}</dt>
      <dd>
        <code>{study.id}</code>
      </dd>
      <dt>{t('studyPeriod')}</dt>
      <dd>
        {study.startDate
          ? t('studyPeriodFromTo', formatDay(study.startDate, 'long'), formatDay(study.endDate, 'long'))
          : t('studyPeriodUntil', formatDay(study.endDate, 'long'))}
      </dd>
      <dt>{t('studyGranularity')}</dt>
      <dd data-testid="study-granularity">{grainLabel(study.granularity)}</dd>
      <DisclosureFacts study={study} />
      <dt>{t('studyPlatforms')}</dt>
      <dd>{study.platforms.map(platformLabel).join(', ')}</dd>
      <dt>{t('studyKinds')}</dt>
      <dd>{study.kinds.map(kindLabel).join(', ')}</dd>
      <dt>{t('studyManual')}</dt>
      <dd data-testid="study-manual">{t(study.includeManual ? 'studyManualYes' : 'studyManualNo')}</dd>
      <EthicsFacts study={study} />
      {children}
    </dl>
  );
}
