/**
 * The labor taxonomy of ../shared/reference/labor-taxonomy.md as typed constants.
 * These ids are a public contract (exports use them): change them only with a schema version bump.
 */

export const KINDS = [
  'reaction',
  'vote',
  'rating',
  'review',
  'comment',
  'share',
  'tag',
  'captcha',
  'report',
  'ai-feedback',
  'moderation',
] as const;
export type Kind = (typeof KINDS)[number];

export const BENEFICIARIES = {
  alphabet: 'Google (Alphabet)',
  'x-corp': 'X Corp',
  reddit: 'Reddit',
  meta: 'Meta',
  microsoft: 'Microsoft',
  bytedance: 'ByteDance',
  amazon: 'Amazon',
  netflix: 'Netflix',
  spotify: 'Spotify',
  pinterest: 'Pinterest',
  prosus: 'Prosus (Stack Overflow)',
  openai: 'OpenAI',
  anthropic: 'Anthropic',
  'intuition-machines': 'Intuition Machines',
  cloudflare: 'Cloudflare',
  'arkose-labs': 'Arkose Labs',
  valve: 'Valve',
  nobody: 'nobody',
} as const;
export type BeneficiaryId = keyof typeof BENEFICIARIES;

/** Every platform id of the taxonomy and who receives the labor done there. */
export const PLATFORM_BENEFICIARY = {
  youtube: 'alphabet',
  x: 'x-corp',
  reddit: 'reddit',
  facebook: 'meta',
  instagram: 'meta',
  linkedin: 'microsoft',
  tiktok: 'bytedance',
  github: 'microsoft',
  amazon: 'amazon',
  'google-maps': 'alphabet',
  netflix: 'netflix',
  spotify: 'spotify',
  pinterest: 'pinterest',
  imdb: 'amazon',
  goodreads: 'amazon',
  stackoverflow: 'prosus',
  chatgpt: 'openai',
  claude: 'anthropic',
  gemini: 'alphabet',
  recaptcha: 'alphabet',
  hcaptcha: 'intuition-machines',
  turnstile: 'cloudflare',
  arkose: 'arkose-labs',
  steam: 'valve',
  practice: 'nobody',
} as const satisfies Record<string, BeneficiaryId>;
export type PlatformId = keyof typeof PLATFORM_BENEFICIARY;
export const PLATFORM_IDS = Object.keys(PLATFORM_BENEFICIARY) as PlatformId[];

/** What proved an event: one signal, or both merged into one event. */
export const SIGNALS = ['dom', 'network', 'dom+network'] as const;
export type Signal = (typeof SIGNALS)[number];

/**
 * How a detected action relates to earlier ones on the same target, which decides merging and undo:
 * - `exclusive`: one active state per target and kind (a vote: changing up to down replaces it);
 * - `per-detail`: one active state per target, kind and detail (X like and bookmark coexist);
 * - `none`: each occurrence counts (comments, CAPTCHAs); only near-simultaneous sightings merge.
 */
export type Slot = 'exclusive' | 'per-detail' | 'none';

export function isKind(v: unknown): v is Kind {
  return typeof v === 'string' && (KINDS as readonly string[]).includes(v);
}

export function isPlatformId(v: unknown): v is PlatformId {
  return typeof v === 'string' && Object.hasOwn(PLATFORM_BENEFICIARY, v);
}

export function beneficiaryOf(platform: PlatformId): BeneficiaryId {
  return PLATFORM_BENEFICIARY[platform];
}
