import { realPlatforms } from './queries';
import type { ClickworkDB } from './schema';

/** Whether any real action (not the practice page's) was ever counted and is still kept. */
export async function hasRealActions(db: ClickworkDB): Promise<boolean> {
  const row = await db.daily.filter((r) => realPlatforms(r.platform) && r.count > 0).first();
  return row !== undefined;
}

/**
 * What an empty view tells: `never` (nothing counted yet: how to begin), `period` (other periods have
 * actions: choose another), or null when the period has actions.
 */
export type EmptyState = 'never' | 'period' | null;

export function emptyState(periodTotal: number, everCounted: boolean): EmptyState {
  if (periodTotal > 0) return null;
  return everCounted ? 'period' : 'never';
}
