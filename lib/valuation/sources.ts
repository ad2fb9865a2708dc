import type { MessageKey } from '../i18n';
import type { Kind } from '../taxonomy';

/**
 * Every figure the valuation uses, with its source (../shared/reference/valuation-sources.md).
 * `verified`: read in the primary source, or several independent sources agree; `secondary`: seen
 * in a secondary summary only, and shown as such. Unverified figures are not shipped.
 */
export type Verification = 'verified' | 'secondary';

export interface Citation {
  id: string;
  /** Full reference as printed on the "About the numbers" page. */
  reference: string;
  year: number;
  verification: Verification;
}

export const CITATIONS = {
  klm: {
    id: 'klm',
    reference:
      'Card, S. K., Moran, T. P. & Newell, A. “The keystroke-level model for user performance time with interactive systems.” Communications of the ACM 23(7):396–410, 1980.',
    year: 1980,
    verification: 'verified',
  },
  searles2023: {
    id: 'searles2023',
    reference:
      'Searles, A., Prapty, R. T. & Tsudik, G. “Dazed & Confused: A Large-Scale Real-World User Study of reCAPTCHAv2.” arXiv:2311.10911, 2023 (Table 3).',
    year: 2023,
    verification: 'secondary',
  },
  cloudflare2021: {
    id: 'cloudflare2021',
    reference:
      'Meunier, T. “Humanity wastes about 500 years per day on CAPTCHAs. It’s time to end this madness.” Cloudflare blog, May 2021.',
    year: 2021,
    verification: 'verified',
  },
  hara2018: {
    id: 'hara2018',
    reference:
      'Hara, K., Adams, A., Milland, K., Savage, S., Callison-Burch, C. & Bigham, J. P. “A Data-Driven Analysis of Workers’ Earnings on Amazon Mechanical Turk.” CHI 2018.',
    year: 2018,
    verification: 'verified',
  },
  ilo2018: {
    id: 'ilo2018',
    reference:
      'Berg, J., Furrer, M., Harmon, E., Rani, U. & Silberman, M. S. Digital labour platforms and the future of work: Towards decent work in the online world. International Labour Office, Geneva, 2018.',
    year: 2018,
    verification: 'verified',
  },
  smic2026: {
    id: 'smic2026',
    reference:
      'France, décret portant relèvement du salaire minimum de croissance: SMIC €12.02 gross per hour from 1 January 2026.',
    year: 2026,
    verification: 'verified',
  },
  mindestlohn2026: {
    id: 'mindestlohn2026',
    reference:
      'Germany, Mindestlohnkommission recommendation adopted by cabinet order of 29 October 2025: Mindestlohn €13.90 per hour in 2026 (€14.60 in 2027).',
    year: 2026,
    verification: 'verified',
  },
  ukNlw2026: {
    id: 'ukNlw2026',
    reference: 'United Kingdom, National Living Wage for workers aged 21 and over: £12.71 per hour from April 2026.',
    year: 2026,
    verification: 'verified',
  },
  usFederal2009: {
    id: 'usFederal2009',
    reference: 'United States, Fair Labor Standards Act federal minimum wage: $7.25 per hour since 24 July 2009.',
    year: 2009,
    verification: 'verified',
  },
  prolific: {
    id: 'prolific',
    reference:
      'Prolific, researcher help centre, “Pay rates for studies”: minimum £6 / $8 per hour, recommended £9 / $12 per hour for participants.',
    year: 2025,
    verification: 'verified',
  },
  twoCaptcha2018: {
    id: 'twoCaptcha2018',
    reference:
      '2Captcha API price list (2018 copy): reCAPTCHA v2 token $2.99 per 1,000 solves; normal image CAPTCHA $1.20 per 1,000.',
    year: 2018,
    verification: 'verified',
  },
  groundTruth: {
    id: 'groundTruth',
    reference:
      'Amazon SageMaker Ground Truth API reference, PublicWorkforceTaskPrice: minimum price $0.012 per image-classification task.',
    year: 2024,
    verification: 'verified',
  },
  natoStratcom2019: {
    id: 'natoStratcom2019',
    reference:
      'Bay, S. & Fredheim, R. Falling Behind: How social media companies are failing to combat inauthentic behaviour online. NATO StratCom Centre of Excellence, December 2019: €300 bought about 54,000 interactions.',
    year: 2019,
    verification: 'verified',
  },
  fakeReviews2022: {
    id: 'fakeReviews2022',
    reference:
      'He, S., Hollenbeck, B. & Proserpio, D. “The Market for Fake Reviews.” Marketing Science 41(5):896–921, 2022: reviewers are refunded the product and paid a commission (about $5–10 according to summaries of the paper).',
    year: 2022,
    verification: 'secondary',
  },
  li2022: {
    id: 'li2022',
    reference:
      'Li, H., Hecht, B. & Chancellor, S. “All That’s ‘Happening’ behind the Scenes: Putting the Spotlight on Volunteer Moderator Labor in Reddit.” Proceedings of the International AAAI Conference on Web and Social Media (ICWSM) 16, 2022: Reddit’s volunteer moderators worked at least 466 hours a day in 2020, worth at least US$3.4 million a year at US$20 an hour, the median price of content moderators in the United States on Upwork.',
    year: 2022,
    // The figures as the authors' university and the press reported them (several agree); the
    // reference list on the About page says so.
    verification: 'verified',
  },
} as const satisfies Record<string, Citation>;
export type CitationId = keyof typeof CITATIONS;

export type Currency = 'EUR' | 'USD' | 'GBP';

/** How long an action takes when it was not measured. */
export interface DurationDefault {
  kind: Kind;
  /** Applies to this detail only; absent = every detail of the kind without its own row. */
  detail?: string;
  seconds: number;
  /** How the figure was obtained: a model of the motions (KLM) or people observed doing it. */
  basis: 'modeled' | 'observed';
  /** How the figure is obtained, shown beside it (catalogue key). */
  working: MessageKey;
  source: CitationId;
}

/** KLM: mental preparation 1.35 s + pointing 1.10 s + button press 0.20 s. */
const KLM_CLICK = 2.65;
/** KLM: 0.20 s per keystroke at 55 words a minute. */
const KLM_KEYSTROKE = 0.2;
/** Assumed length of an unmeasured comment or review (an assumption of ours, stated as such). */
export const ASSUMED_KEYSTROKES = 100;

export const DURATION_DEFAULTS: readonly DurationDefault[] = [
  { kind: 'reaction', seconds: KLM_CLICK, basis: 'modeled', working: 'work_click', source: 'klm' },
  { kind: 'vote', seconds: KLM_CLICK, basis: 'modeled', working: 'work_click', source: 'klm' },
  { kind: 'rating', seconds: KLM_CLICK, basis: 'modeled', working: 'work_click', source: 'klm' },
  { kind: 'tag', seconds: KLM_CLICK, basis: 'modeled', working: 'work_tag', source: 'klm' },
  { kind: 'ai-feedback', seconds: KLM_CLICK, basis: 'modeled', working: 'work_thumbs', source: 'klm' },
  { kind: 'share', seconds: 2 * KLM_CLICK, basis: 'modeled', working: 'work_share', source: 'klm' },
  { kind: 'report', seconds: 3 * KLM_CLICK, basis: 'modeled', working: 'work_report', source: 'klm' },
  // Provisional, so that moderation events can be valued at all: a moderation decision modelled like a
  // report (choose, reason, confirm). The taxonomy change brings the published figure (Li et al. 2022).
  { kind: 'moderation', seconds: 3 * KLM_CLICK, basis: 'modeled', working: 'work_report', source: 'klm' },
  {
    kind: 'comment',
    seconds: ASSUMED_KEYSTROKES * KLM_KEYSTROKE + 2 * KLM_CLICK,
    basis: 'modeled',
    working: 'work_typing',
    source: 'klm',
  },
  {
    kind: 'review',
    seconds: ASSUMED_KEYSTROKES * KLM_KEYSTROKE + 2 * KLM_CLICK,
    basis: 'modeled',
    working: 'work_typing',
    source: 'klm',
  },
  {
    kind: 'captcha',
    detail: 'checkbox',
    seconds: 1.85,
    basis: 'observed',
    working: 'work_captchaCheckbox',
    source: 'searles2023',
  },
  { kind: 'captcha', seconds: 32, basis: 'observed', working: 'work_captcha', source: 'cloudflare2021' },
  // Moderation: the motions only; reading the post or the edit first is not modeled (a lower bound,
  // like Li et al.'s own estimate).
  { kind: 'moderation', detail: 'approve', seconds: KLM_CLICK, basis: 'modeled', working: 'work_modApprove', source: 'klm' },
  {
    kind: 'moderation',
    detail: 'note',
    seconds: ASSUMED_KEYSTROKES * KLM_KEYSTROKE + 2 * KLM_CLICK,
    basis: 'modeled',
    working: 'work_typing',
    source: 'klm',
  },
  { kind: 'moderation', seconds: 3 * KLM_CLICK, basis: 'modeled', working: 'work_moderation', source: 'klm' },
];

export type Lens = 'micro' | 'fair';

export interface RatePreset {
  id: string;
  lens: Lens;
  /** Name as shown (catalogue key). */
  name: MessageKey;
  amount: number;
  currency: Currency;
  year: number;
  source: CitationId;
}

export const RATE_PRESETS: readonly RatePreset[] = [
  { id: 'mturk-median', lens: 'micro', name: 'rate_mturk_median', amount: 2, currency: 'USD', year: 2018, source: 'hara2018' },
  { id: 'ilo-median', lens: 'micro', name: 'rate_ilo_median', amount: 2.16, currency: 'USD', year: 2018, source: 'ilo2018' },
  { id: 'smic', lens: 'fair', name: 'rate_smic', amount: 12.02, currency: 'EUR', year: 2026, source: 'smic2026' },
  {
    id: 'mindestlohn',
    lens: 'fair',
    name: 'rate_mindestlohn',
    amount: 13.9,
    currency: 'EUR',
    year: 2026,
    source: 'mindestlohn2026',
  },
  { id: 'uk-nlw', lens: 'fair', name: 'rate_uk_nlw', amount: 12.71, currency: 'GBP', year: 2026, source: 'ukNlw2026' },
  { id: 'us-federal', lens: 'fair', name: 'rate_us_federal', amount: 7.25, currency: 'USD', year: 2009, source: 'usFederal2009' },
  { id: 'ethics-gbp', lens: 'fair', name: 'rate_ethics_gbp', amount: 9, currency: 'GBP', year: 2025, source: 'prolific' },
  { id: 'ethics-usd', lens: 'fair', name: 'rate_ethics_usd', amount: 12, currency: 'USD', year: 2025, source: 'prolific' },
];

/** What buyers pay for the same labor (buyer prices, not worker pay). */
export interface MarketPrice {
  kind: Kind;
  detail?: string;
  amount: number;
  currency: Currency;
  /** What the price is for (catalogue key). */
  what: MessageKey;
  source: CitationId;
}

/** €300 ÷ 54,000 interactions. */
const ENGAGEMENT_EUR = 300 / 54_000;
const RECAPTCHA_TOKEN_USD = 2.99 / 1000;
/** What moderation costs when it is bought: the hourly price Li et al. (2022) valued Reddit's volunteers at. */
export const MODERATION_USD_PER_HOUR = 20;
/** Minimum price of one classification task (one label) for a public workforce. */
const LABEL_USD = 0.012;

/** Moderation priced by the hour, for the modeled time of each action (the durations above). */
function moderationPrice(kind: Kind, detail?: string): MarketPrice {
  const row =
    DURATION_DEFAULTS.find((d) => d.kind === kind && d.detail === detail) ??
    (DURATION_DEFAULTS.find((d) => d.kind === kind && !d.detail) as DurationDefault);
  return {
    kind,
    ...(detail ? { detail } : {}),
    amount: (MODERATION_USD_PER_HOUR * row.seconds) / 3600,
    currency: 'USD',
    what: 'mkt_moderation',
    source: 'li2022',
  };
}

export const MARKET_PRICES: readonly MarketPrice[] = [
  { kind: 'captcha', amount: RECAPTCHA_TOKEN_USD, currency: 'USD', what: 'mkt_captcha', source: 'twoCaptcha2018' },
  { kind: 'tag', amount: 0.012, currency: 'USD', what: 'mkt_tag', source: 'groundTruth' },
  { kind: 'reaction', amount: ENGAGEMENT_EUR, currency: 'EUR', what: 'mkt_interaction', source: 'natoStratcom2019' },
  { kind: 'vote', amount: ENGAGEMENT_EUR, currency: 'EUR', what: 'mkt_interaction', source: 'natoStratcom2019' },
  { kind: 'share', amount: ENGAGEMENT_EUR, currency: 'EUR', what: 'mkt_interaction', source: 'natoStratcom2019' },
  { kind: 'comment', amount: ENGAGEMENT_EUR, currency: 'EUR', what: 'mkt_interaction', source: 'natoStratcom2019' },
  { kind: 'review', amount: 5, currency: 'USD', what: 'mkt_review', source: 'fakeReviews2022' },
  { kind: 'rating', amount: LABEL_USD, currency: 'USD', what: 'mkt_label', source: 'groundTruth' },
  { kind: 'ai-feedback', amount: LABEL_USD, currency: 'USD', what: 'mkt_label', source: 'groundTruth' },
  moderationPrice('report'),
  moderationPrice('moderation', 'approve'),
  moderationPrice('moderation', 'note'),
  moderationPrice('moderation'),
];
