import type { Kind } from '@/lib/taxonomy';

/** One colour per kind, from palettes told apart with colour-vision deficiencies (Okabe–Ito, Tol). */
export const KIND_COLORS: Record<Kind, string> = {
  reaction: '#E69F00',
  vote: '#56B4E9',
  rating: '#009E73',
  review: '#F0E442',
  comment: '#0072B2',
  share: '#D55E00',
  tag: '#CC79A7',
  captcha: '#6B6B6B',
  report: '#882255',
  'ai-feedback': '#44AA99',
  moderation: '#332288', // Tol's indigo; the lead may take the taxonomy helper's choice
};
