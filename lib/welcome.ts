import type { Detector } from './detectors/types';
import { type BeneficiaryId, beneficiaryOf, KINDS, type Kind, type PlatformId } from './taxonomy';

/** One row of "what is counted, and where": a platform, the company that receives it, its kinds. */
export interface PlatformRow {
  id: PlatformId;
  label: string;
  beneficiary: BeneficiaryId;
  /** Kinds the platform's detector counts, in the taxonomy's order. */
  kinds: Kind[];
  /** Details of actions that rest on hand-written markup or public code only (users see them marked). */
  unconfirmed: string[];
}

/** The welcome page's platform list, derived from the registry: nothing in it is written by hand. */
export function platformRows(detectors: readonly Detector[]): PlatformRow[] {
  return detectors.map((d) => {
    const counted = new Set(Object.values(d.actions).map((a) => a.kind));
    return {
      id: d.id,
      label: d.label,
      beneficiary: beneficiaryOf(d.id),
      kinds: KINDS.filter((k) => counted.has(k)),
      unconfirmed: [...new Set((d.unconfirmed ?? []).map((a) => d.actions[a]?.detail ?? a))],
    };
  });
}
