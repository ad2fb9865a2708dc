import amazon from './amazon';
import arkose from './arkose';
import booking from './booking';
import chatgpt from './chatgpt';
import claude from './claude';
import copilot from './copilot';
import ebay from './ebay';
import facebook from './facebook';
import gemini from './gemini';
import github from './github';
import goodreads from './goodreads';
import hcaptcha from './hcaptcha';
import imdb from './imdb';
import instagram from './instagram';
import lechat from './lechat';
import letterboxd from './letterboxd';
import linkedin from './linkedin';
import netflix from './netflix';
import perplexity from './perplexity';
import pinterest from './pinterest';
import recaptcha from './recaptcha';
import reddit from './reddit';
import spotify from './spotify';
import stackoverflow from './stackoverflow';
import steam from './steam';
import tiktok from './tiktok';
import tripadvisor from './tripadvisor';
import turnstile from './turnstile';
import type { Detector } from './types';
import x from './x';
import yelp from './yelp';
import youtube from './youtube';

/**
 * Every supported platform. The manifest's host permissions, the background's network filters and
 * the UI's platform list are derived from this list; each entry has its content script in
 * `entrypoints/<id>.content.ts` (checked by tests/unit/registry.test.ts).
 */
export const DETECTORS: readonly Detector[] = [
  youtube,
  x,
  recaptcha,
  imdb,
  goodreads,
  chatgpt,
  gemini,
  hcaptcha,
  turnstile,
  facebook,
  instagram,
  linkedin,
  tiktok,
  reddit,
  stackoverflow,
  github,
  amazon,
  netflix,
  spotify,
  steam,
  claude,
  pinterest,
  perplexity,
  copilot,
  letterboxd,
  lechat,
  arkose,
  ebay,
  booking,
  tripadvisor,
  yelp,
];

export function detectorFor(id: string): Detector | undefined {
  return DETECTORS.find((d) => d.id === id);
}
