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
  'moderation',
  'ai-feedback',
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
  prosus: 'Prosus (Stack Overflow)',
  openai: 'OpenAI',
  anthropic: 'Anthropic',
  'intuition-machines': 'Intuition Machines',
  cloudflare: 'Cloudflare',
  'arkose-labs': 'Arkose Labs',
  pinterest: 'Pinterest',
  tripadvisor: 'Tripadvisor',
  yelp: 'Yelp',
  'booking-holdings': 'Booking Holdings',
  valve: 'Valve',
  letterboxd: 'Letterboxd',
  ebay: 'eBay',
  'mistral-ai': 'Mistral AI',
  'perplexity-ai': 'Perplexity AI',
  nobody: 'nobody',
  /** Only for hand-entered actions on a site the taxonomy does not name (platform `other`). */
  unknown: 'unknown',
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
  pinterest: 'pinterest',
  tripadvisor: 'tripadvisor',
  yelp: 'yelp',
  booking: 'booking-holdings',
  steam: 'valve',
  letterboxd: 'letterboxd',
  ebay: 'ebay',
  lechat: 'mistral-ai',
  copilot: 'microsoft',
  perplexity: 'perplexity-ai',
  practice: 'nobody',
  /**
   * A site the taxonomy does not name: only a hand-entered action can have it (no detector does),
   * and its beneficiary is unknown.
   */
  other: 'unknown',
} as const satisfies Record<string, BeneficiaryId>;
export type PlatformId = keyof typeof PLATFORM_BENEFICIARY;
export const PLATFORM_IDS = Object.keys(PLATFORM_BENEFICIARY) as PlatformId[];

/** Product names as users know them (proper nouns, the same in every language). */
export const PLATFORM_NAMES: Record<PlatformId, string> = {
  youtube: 'YouTube',
  x: 'X',
  reddit: 'Reddit',
  facebook: 'Facebook',
  instagram: 'Instagram',
  linkedin: 'LinkedIn',
  tiktok: 'TikTok',
  github: 'GitHub',
  amazon: 'Amazon',
  'google-maps': 'Google Maps',
  netflix: 'Netflix',
  spotify: 'Spotify',
  imdb: 'IMDb',
  goodreads: 'Goodreads',
  stackoverflow: 'Stack Overflow',
  chatgpt: 'ChatGPT',
  claude: 'Claude',
  gemini: 'Gemini',
  recaptcha: 'reCAPTCHA',
  hcaptcha: 'hCaptcha',
  turnstile: 'Turnstile',
  arkose: 'Arkose Labs',
  pinterest: 'Pinterest',
  tripadvisor: 'Tripadvisor',
  yelp: 'Yelp',
  booking: 'Booking.com',
  steam: 'Steam',
  letterboxd: 'Letterboxd',
  ebay: 'eBay',
  lechat: 'Le Chat',
  copilot: 'Copilot',
  perplexity: 'Perplexity',
  practice: 'practice',
  other: 'other',
};

/**
 * The details the taxonomy names for a kind (labor-taxonomy.md, "detail refines a kind"), plus the
 * one the detectors give kinds it does not refine: what a hand-entered action may choose from.
 */
export const KIND_DETAILS: Record<Kind, readonly string[]> = {
  reaction: ['like', 'dislike', 'love', 'bookmark', 'save', 'star', 'favorite', 'funny'],
  vote: ['up', 'down', 'helpful', 'not-helpful'],
  rating: ['stars', 'thumbs-up', 'thumbs-down'],
  review: ['review'],
  comment: ['comment', 'reply', 'post'],
  share: ['share', 'repost'],
  tag: ['tag', 'label', 'save', 'playlist', 'shelf'],
  captcha: ['checkbox', 'challenge'],
  report: ['report', 'flag'],
  moderation: ['approve', 'remove', 'review-task', 'close-vote', 'edit-review', 'note', 'note-rating'],
  'ai-feedback': ['up', 'down', 'compare'],
};

/**
 * What proved an event: one signal, or both merged into one event; `manual`: the user entered it by
 * hand (it never merges with a detected event and no undo nets it out).
 */
export const SIGNALS = ['dom', 'network', 'dom+network', 'manual'] as const;
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
