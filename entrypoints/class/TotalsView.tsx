import { useEffect, useMemo, useState } from 'preact/hooks';
import { download } from '@/components/download';
import { t } from '@/lib/i18n';
import { type ClassTotals, classTotalsCsv } from '@/lib/research/class';
import { AllLines } from './AllLines';
import { ClassChart } from './ClassChart';
import { chartLines } from './labels';
import { Tiles } from './Tiles';

/**
 * How many of `n` parts to draw: one more in each task after `key` changes, so that no single task
 * makes them all (each chart's figure and table; the chart worker draws the bars).
 */
function useOneAtATime(n: number, key: unknown): number {
  const [shown, setShown] = useState(1);
  useEffect(() => {
    setShown(1);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const next = (k: number) => {
      if (k > n) return;
      timer = setTimeout(() => {
        setShown(k);
        next(k + 1);
      }, 0);
    };
    next(2);
    return () => clearTimeout(timer);
  }, [n, key]);
  return shown;
}

/** The merged totals: tiles, the CSV download, three charts and the full table. */
export function TotalsView({ totals, onClear }: { totals: ClassTotals; onClear: () => void }) {
  const charts = useMemo(() => chartLines(totals), [totals]);
  const shown = useOneAtATime(3, totals);
  const save = () =>
    download(`clickwork-class-totals-${new Date().toISOString().slice(0, 10)}.csv`, 'text/csv', classTotalsCsv(totals));
  return (
    <>
      <Tiles totals={totals} />
      <p class="studies" data-testid="studies">
        {t('classStudies', totals.studies.join(', '))}
      </p>
      <p class="actions">
        <button type="button" data-testid="download-csv" onClick={save}>
          {t('classDownload')}
        </button>{' '}
        <button type="button" data-testid="clear" onClick={onClear}>
          {t('classClear')}
        </button>
      </p>
      <div class="charts">
        <ClassChart title={t('classByKind')} lines={charts.kind} testId="chart-kind" />
        {shown > 1 && <ClassChart title={t('byPlatform')} lines={charts.platform} testId="chart-platform" />}
        {shown > 2 && <ClassChart title={t('classByBeneficiary')} lines={charts.beneficiary} testId="chart-beneficiary" />}
      </div>
      <AllLines rows={totals.rows} />
    </>
  );
}
