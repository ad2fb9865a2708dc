import { describe, expect, it } from 'vitest';
import { GESTURE_INTERVAL_MS, gestureSender, SAME_ACTION_MS } from '@/lib/content/runtime';
import type { ContentMessage } from '@/lib/messages';

/**
 * The content script's gesture messages, on a clock the test moves: at most one message per
 * interval, clicks in between folded into the next (never dropped, at most four), and events that
 * close to each other one action (a key press and the click the browser makes of it).
 */
function harness(late = 0) {
  let now = 1_000_000;
  const timers: { at: number; run: () => void }[] = [];
  const sent: ContentMessage[] = [];
  const host = {
    // `late`: a page busy with long tasks runs each timer that long after it was due.
    setTimeout(run: () => void, ms: number) {
      timers.push({ at: now + ms + late, run });
      return timers.length;
    },
  };
  const gesture = gestureSender(
    'youtube',
    host,
    (m) => sent.push(m),
    () => now,
  );
  /** Moves the clock, running each timer at its own time, in order. */
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      const next = timers.filter((x) => x.at <= end).sort((x, y) => x.at - y.at)[0];
      if (!next) break;
      timers.splice(timers.indexOf(next), 1);
      now = next.at;
      next.run();
    }
    now = end;
  };
  return { gesture, advance, sent, at: () => now };
}

describe('gesture messages', () => {
  it('sends the first at once and folds clicks within the interval into one message sent when it ends', () => {
    const h = harness();
    const start = h.at();
    h.gesture();
    expect(h.sent).toEqual([{ type: 'gesture', platform: 'youtube', ts: start }]);
    h.advance(60);
    h.gesture();
    h.advance(60);
    h.gesture();
    const last = h.at();
    expect(h.sent).toHaveLength(1);
    h.advance(GESTURE_INTERVAL_MS);
    expect(h.sent).toEqual([
      { type: 'gesture', platform: 'youtube', ts: start },
      { type: 'gesture', platform: 'youtube', ts: last, clicks: 2, from: start + 60 },
    ]);
  });

  it('says when the first folded click was: a page busy with long tasks holds the message back while clicks come', () => {
    const h = harness(1_000);
    const start = h.at();
    h.gesture();
    h.advance(100);
    const first = h.at();
    h.gesture(); // folded: its message is due 150 ms after the first one's, and sent 1 s late
    for (let i = 0; i < 5; i++) {
      h.advance(200);
      h.gesture(); // clicks keep coming meanwhile: six in all, one message says four
    }
    expect(h.sent).toEqual([{ type: 'gesture', platform: 'youtube', ts: start }]);
    h.advance(1_000);
    expect(h.sent[1]).toEqual({ type: 'gesture', platform: 'youtube', ts: first + 1_000, clicks: 4, from: first });
    // Clicks spread over more than a message may say (10 s): the last one's time alone.
    const frozen = harness(20_000);
    frozen.gesture();
    frozen.advance(100);
    frozen.gesture();
    frozen.advance(12_000);
    frozen.gesture();
    frozen.advance(20_000);
    expect(frozen.sent[1]).toMatchObject({ clicks: 2 });
    expect(frozen.sent[1]).not.toHaveProperty('from');
  });

  it('stands for four clicks at most, and a lone click after a quiet interval goes at once, unfolded', () => {
    const h = harness();
    h.gesture();
    for (let i = 0; i < 6; i++) {
      h.advance(SAME_ACTION_MS + 1);
      h.gesture();
    }
    // 6 clicks 41 ms apart: the first interval holds 3 of them, the next message the rest.
    h.advance(1_000);
    const represented = h.sent.reduce((n, m) => n + ((m as { clicks?: number }).clicks ?? 1), 0);
    expect(represented).toBe(7);
    expect(h.sent.every((m) => ((m as { clicks?: number }).clicks ?? 1) <= 4)).toBe(true);
    const many = harness();
    many.gesture();
    many.advance(1);
    for (let i = 0; i < 9; i++) {
      many.advance(SAME_ACTION_MS);
      many.gesture();
    }
    many.advance(1_000);
    // Clicks 40 ms apart: the first message at once, then folds of 3, 4 (as many as fit in 150 ms) and 2.
    expect(many.sent.map((m) => (m as { clicks?: number }).clicks ?? 1)).toEqual([1, 3, 4, 2]);
    many.gesture();
    expect(many.sent.at(-1)).not.toHaveProperty('clicks');
  });

  it('counts events closer than SAME_ACTION_MS as one action (key press and its click, label and its control)', () => {
    const h = harness();
    h.gesture();
    h.advance(SAME_ACTION_MS - 1);
    h.gesture();
    h.advance(1_000);
    expect(h.sent).toHaveLength(1);
    expect(h.sent[0]).not.toHaveProperty('clicks');
  });
});
