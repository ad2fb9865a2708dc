import { KIND_COLORS } from '@/components/kind-colors';
import { beneficiaryLabel, kindLabel, type MessageKey, platformLabel as platformName, t } from '@/lib/i18n';
import type { ClassTotals } from '@/lib/research/class';
import type { PlatformId } from '@/lib/taxonomy';
import type { ChartLine } from './chart-config';

/** A platform's name (lib/i18n's, from the taxonomy); the practice page as the class page says it. */
export const platformLabel = (p: PlatformId) => (p === 'practice' ? t('classPractice') : platformName(p));

/** Why a file was refused, in the UI language (reasons are ids such as `zip-damaged`). */
export const reasonText = (error: string, line?: number, column?: string) => {
  const reason = t(`classErr_${error.replaceAll('-', '_')}` as MessageKey, column ?? '');
  if (line && column) return t('rdataAtLineColumn', reason, line, column);
  return line ? t('classAtLine', reason, line) : reason;
};

/** The harmless edits a file was read through, in the UI language. */
export const notesText = (notes: readonly string[]) =>
  t('rdataReadDespite', notes.map((n) => t(`rdataNote_${n.replaceAll('-', '_')}` as MessageKey)).join(', '));

/** The three charts' lines: by kind, platform and beneficiary. */
export function chartLines(totals: ClassTotals): Record<'kind' | 'platform' | 'beneficiary', ChartLine[]> {
  const line = (r: { count: number; participants: number; measured_seconds: number }) => ({
    count: r.count,
    participants: r.participants,
    measuredSeconds: r.measured_seconds,
  });
  return {
    kind: totals.byKind.map((r) => ({ key: r.kind, label: kindLabel(r.kind), color: KIND_COLORS[r.kind], ...line(r) })),
    platform: totals.byPlatform.map((r) => ({ key: r.platform, label: platformLabel(r.platform), ...line(r) })),
    beneficiary: totals.byBeneficiary.map((r) => ({ key: r.beneficiary, label: beneficiaryLabel(r.beneficiary), ...line(r) })),
  };
}
