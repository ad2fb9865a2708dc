import type { Study } from '@/lib/research/study';
import { studyKey } from '@/lib/research/study-extras';

/** A DOM id for a study: its key without the characters ids should not hold. */
export const domId = (study: Study) => `study-${studyKey(study).replace(/[^a-z0-9-]/g, '-')}`;
