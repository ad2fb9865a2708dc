import { detailLabel, kindLabel } from '@/lib/i18n';
import type { Kind } from '@/lib/taxonomy';
import { CITATIONS, type CitationId } from '@/lib/valuation/sources';

/** Every source the page cites, in the order of the list at the bottom of the page. */
export const CITATION_IDS = Object.keys(CITATIONS) as CitationId[];

/** A numbered link to a source in the list at the bottom of the page. */
export function Cite({ id }: { id: CitationId }) {
  return (
    <a href={`#src-${id}`} class="cite">
      [{CITATION_IDS.indexOf(id) + 1}]
    </a>
  );
}

/** An action's name in a table row's header: its kind, and its detail in brackets. */
export function ActionName({ kind, detail }: { kind: Kind; detail?: string }) {
  return (
    <th scope="row">
      {kindLabel(kind)}
      {detail ? ` (${detailLabel(detail)})` : ''}
    </th>
  );
}
