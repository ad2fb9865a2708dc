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
  // Violet: 3.4:1 on the light and 5.1:1 on the dark background; in simulated deuteranopia,
  // protanopia and tritanopia it stays further (CIELAB) from every other kind than they are apart.
  moderation: '#8F7EE0',
  'ai-feedback': '#44AA99',
};
