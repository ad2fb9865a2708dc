import type { ClickworkDB } from './schema';

/** Deletes every practice event and its rollup rows; real data is not touched. */
export async function resetPractice(db: ClickworkDB): Promise<number> {
  return db.transaction('rw', [db.events, db.daily, db.hours, db.health], async () => {
    const removed = await db.events.where('[platform+ts]').between(['practice', -Infinity], ['practice', Infinity]).delete();
    await db.daily.filter((r) => r.platform === 'practice').delete();
    await db.hours.filter((r) => r.platform === 'practice').delete();
    await db.health.delete('practice');
    return removed;
  });
}
