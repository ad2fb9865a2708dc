import type { PlatformHealth } from '@/lib/db/health';
import { openDb } from '@/lib/db/open';

/**
 * Every platform's health (the popup's and the dashboard's panels), with the detector registry's
 * code asked for only now: the pages draw their first chart without it (wxt.config.ts).
 */
export async function readHealth(): Promise<PlatformHealth[]> {
  const [{ healthStatus }, { DETECTORS }] = await Promise.all([import('@/lib/db/health'), import('@/lib/detectors/registry')]);
  return healthStatus(
    openDb(),
    DETECTORS.map((d) => d.id),
  );
}
