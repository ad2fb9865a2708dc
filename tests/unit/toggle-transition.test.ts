import { describe, expect, it } from 'vitest';
import { toggleTransition } from '@/lib/content/toggle';
import type { Detector } from '@/lib/detectors/types';

/** A platform with a like (own slot), two exclusive votes, and an exclusive review vote of another kind. */
const actions: Detector['actions'] = {
  like: { kind: 'reaction', detail: 'like', slot: 'none' },
  up: { kind: 'vote', detail: 'up', slot: 'exclusive' },
  down: { kind: 'vote', detail: 'down', slot: 'exclusive' },
  helpful: { kind: 'rating', detail: 'helpful', slot: 'exclusive' },
};

describe('a toggle’s change of state', () => {
  const table: [string, string | null, string | null, string[]][] = [
    ['no change', 'like', 'like', []],
    ['no state before or after', null, null, []],
    ['switched on', null, 'like', ['add like']],
    ['switched off', 'like', null, ['undo like']],
    ['an exclusive vote replaced by one of its kind: no undo (ingest replaces it)', 'up', 'down', ['add down']],
    ['an exclusive vote cleared', 'up', null, ['undo up']],
    ['an exclusive state replaced by another kind is taken back (Steam’s "funny")', 'helpful', 'up', ['undo helpful', 'add up']],
    ['a non-exclusive state replaced is taken back', 'like', 'up', ['undo like', 'add up']],
    ['an unknown earlier state is taken back', 'gone', 'up', ['undo gone', 'add up']],
  ];
  it.each(table)('%s', (_, before, now, expected) => {
    expect(toggleTransition(actions, before, now).map((s) => `${s.op} ${s.action}`)).toEqual(expected);
  });
});
