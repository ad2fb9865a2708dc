import { useEffect, useState } from 'preact/hooks';
import { openDb } from '@/lib/db/open';
import { repairUnreadable } from '@/lib/db/repair';
import { onUnreadable, unreadableCount } from '@/lib/db/rows';
import { countOf, formatNumber, t } from '@/lib/i18n';
import { announce } from '@/lib/page-messages';

/**
 * "2 rows could not be read": the rows this page's reads skipped (lib/db/rows.ts), with a repair
 * that checks every row and removes or fixes the unreadable ones. `onRepaired` reloads the page's
 * numbers.
 */
export function UnreadableNotice({ onRepaired }: { onRepaired: () => void }) {
  const [count, setCount] = useState(unreadableCount());
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setCount(unreadableCount());
    return onUnreadable(setCount);
  }, []);

  const repair = async () => {
    setBusy(true);
    setStatus(t('unreadableRepairing'));
    try {
      const { removed, fixed } = await repairUnreadable(openDb());
      setStatus(t('unreadableRepaired', formatNumber(removed), formatNumber(fixed)));
      announce('events-changed');
      onRepaired();
    } catch (error) {
      setStatus(t('unreadableRepairFailed', String(error)));
    } finally {
      setBusy(false);
    }
  };

  if (count === 0 && !status) return null;
  return (
    <div class="warnings unreadable" data-testid="unreadable">
      {count > 0 && (
        <p>
          {countOf('unreadable', count)}{' '}
          <button type="button" onClick={repair} disabled={busy} data-testid="repair">
            {t('unreadableRepair')}
          </button>
        </p>
      )}
      <p role="status" data-testid="repair-status">
        {status}
      </p>
    </div>
  );
}
