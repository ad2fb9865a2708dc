import { countOf, formatNumber, t } from '@/lib/i18n';
import type { ClassView, DropNotice } from '@/lib/research/class-drop';
import { MAX_CLASS_BYTES, MAX_CLASS_FILES } from '@/lib/research/class-drop';
import { CappedList } from './CappedList';
import { notesText, reasonText } from './labels';

const noticeText = (n: DropNotice) => {
  if (n.error === 'empty-folder') return t('classNotice_empty_folder', n.first);
  if (n.error === 'too-many-files' && n.atLeast)
    return t('classNotice_too_many_files_at_least', formatNumber(n.count), formatNumber(MAX_CLASS_FILES), n.first);
  return n.error === 'too-many-files'
    ? t('classNotice_too_many_files', formatNumber(n.count), formatNumber(MAX_CLASS_FILES), n.first)
    : t('classNotice_too_much_data', formatNumber(n.count), formatNumber(MAX_CLASS_BYTES / (1024 * 1024)), n.first);
};

/** "Files refused (n)", or "(at least n)" when a listing cut short left files uncounted. */
const refusedTitle = (n: number, notices: DropNotice[]) =>
  t('classRefusedTitle', notices.some((x) => x.atLeast) ? t('classAtLeast', formatNumber(n)) : formatNumber(n));

/** Every refused file with its reason: unreadable or damaged first, then other files of a participant. */
function refusedLines(view: ClassView) {
  return [
    ...view.readRefused.map((r) => ({ name: r.name, text: reasonText(r.error, r.line, r.column) })),
    ...view.totals.refused.map((r) => ({
      name: r.name,
      text: t(r.error === 'older-file' ? 'classErr_older_file' : 'classErr_duplicate_participant', r.duplicateOf),
    })),
  ];
}

/** Folders chosen with no export in them. */
function FolderNotices({ notices }: { notices: DropNotice[] }) {
  if (!notices.length) return null;
  return (
    <div role="status">
      <ul class="folder-notices" data-testid="folder-notices">
        {notices.map((n, i) => (
          <li key={`${i}-${n.first}`}>{noticeText(n)}</li>
        ))}
      </ul>
    </div>
  );
}

/** The files merged (behind a disclosure), and those refused, each with its reason. */
export function FileLists({ view }: { view: ClassView | null }) {
  if (!view?.files && !view?.notices.length)
    return (
      <section class="files" aria-label={t('classFilesTitle')}>
        <p>{t('classNoFiles')}</p>
      </section>
    );
  const { accepted } = view.totals;
  const refused = refusedLines(view);
  // A folder with no export in it is said on its own (no file of it was refused).
  const notices = view.notices.filter((n) => n.error !== 'empty-folder');
  const unread = notices.reduce((n, x) => n + x.count, 0);
  return (
    <section class="files" aria-label={t('classFilesTitle')}>
      <FolderNotices notices={view.notices.filter((n) => n.error === 'empty-folder')} />
      {accepted.length > 0 && (
        <details>
          <summary>
            <h2>{t('classAcceptedTitle', formatNumber(accepted.length))}</h2>
          </summary>
          <CappedList
            items={accepted}
            testId="accepted-list"
            line={(f, i) => (
              <li key={`${i}-${f.name}`}>
                <span class="name">{f.name}</span> — {countOf('actions', f.actions)}
                {f.notes?.length ? <span class="note"> ({notesText(f.notes)})</span> : null}
              </li>
            )}
          />
        </details>
      )}
      {refused.length + unread > 0 && (
        <div class="refused">
          <h2>{refusedTitle(refused.length + unread, notices)}</h2>
          {notices.length > 0 && (
            <ul data-testid="drop-notices">
              {notices.map((n, i) => (
                <li key={`${i}-${n.error}`} data-error={n.error}>
                  {noticeText(n)}
                </li>
              ))}
            </ul>
          )}
          {refused.length > 0 && (
            <CappedList
              items={refused}
              testId="refused-list"
              line={(r, i) => (
                <li key={`${i}-${r.name}`} data-name={r.name}>
                  {t('classRefusedLine', r.name, r.text)}
                </li>
              )}
            />
          )}
        </div>
      )}
    </section>
  );
}
