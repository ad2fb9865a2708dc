import { useEffect, useState } from 'preact/hooks';
import { openDb } from '@/lib/db/open';
import { loadValuationSettings, resetValuationSettings, saveValuationSettings } from '@/lib/db/settings';
import { t, userLocale } from '@/lib/i18n';
import { announce } from '@/lib/page-messages';
import type { ValuationSettings } from '@/lib/valuation';

function announceChange() {
  // The popup redraws its figures when it hears this.
  announce('events-changed');
}

/** The stored rates (null until read), saving a choice, restoring the defaults, and the last status. */
export function useValuationSettings() {
  const [settings, setSettings] = useState<ValuationSettings | null>(null);
  const [status, setStatus] = useState('');

  useEffect(() => {
    loadValuationSettings(openDb(), userLocale()).then(setSettings);
  }, []);

  const save = async (next: ValuationSettings) => {
    setSettings(next);
    await saveValuationSettings(openDb(), next);
    setStatus(t('saved'));
    announceChange();
  };

  const restore = async () => {
    await resetValuationSettings(openDb());
    setSettings(await loadValuationSettings(openDb(), userLocale()));
    setStatus(t('saved'));
    announceChange();
  };

  return { settings, status, save, restore };
}
