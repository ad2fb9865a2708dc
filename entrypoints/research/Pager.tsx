import { t } from '@/lib/i18n';

/** Previous and next page of rows, when there is more than one. */
export function Pager({ page, pages, setPage }: { page: number; pages: number; setPage: (n: number) => void }) {
  if (pages <= 1) return null;
  return (
    <p class="actions">
      <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
        {t('reviewPrev')}
      </button>{' '}
      <span>{t('reviewPage', page + 1, pages)}</span>{' '}
      <button type="button" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
        {t('reviewNext')}
      </button>
    </p>
  );
}
