import type { FromWorker, ToWorker } from '@/lib/research/class-drop';
import { addEntries, type Entry } from '@/lib/research/class-folder';
import { ClassSession } from '@/lib/research/class-session';

/**
 * The class-totals page's worker: reads, checks and merges the dropped files away from the page,
 * so that the page stays responsive. All the work is in lib/research (tested in Node); this only
 * passes messages.
 */
const scope = self as unknown as {
  postMessage(message: FromWorker): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
};
const session = new ClassSession((message) => scope.postMessage(message));
/** Counts the cancels and clears: a folder still being listed or opened stops at the next. */
let stops = 0;

scope.onmessage = ({ data }) => {
  if (data.type === 'add') session.add(data.files, data.rest, data.drop);
  else if (data.type === 'entries') {
    const at = stops;
    addEntries(session, data.entries as unknown as Entry[], data.drop ?? 0, () => stops !== at).catch((error) => {
      if (stops === at) session.fail(error);
    });
  } else {
    stops++;
    if (data.type === 'cancel') session.cancel();
    else session.clear();
  }
};
