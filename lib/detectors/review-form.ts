import type { Slot } from '../taxonomy';
import type { ActionSpec, Selectors, SubmitControl } from './types';

/** What differs between the review forms: where their markup was seen is said where each is written. */
export interface ReviewForm {
  /** The form's submit button. */
  control: Selectors;
  /** The form (or the smallest element holding its text) around the button, on the review page only. */
  composer: SubmitControl['composer'];
  /** The review's text field: only whether it is blank is read. */
  field: Selectors;
  /** What was reviewed (a place, a business, a transaction), or undefined when the page does not say. */
  target: SubmitControl['target'];
  /** `none` (each review counts) unless the site keeps one review per person and thing reviewed. */
  slot?: Slot;
}

/**
 * The `actions` and `submits` of a detector for a written review (Booking, eBay, Tripadvisor, Yelp):
 * `review`/`review`, consumer information the site ranks and sells around. A trusted click on the
 * submit while the text is non-blank arms a watch; the review counts once the page removes the form
 * or empties its text (a refusal keeps the text). The runtime measures the active typing time.
 */
export function writtenReview(form: ReviewForm): { actions: { review: ActionSpec }; submits: readonly [SubmitControl] } {
  const { control, composer, field, target } = form;
  return {
    actions: { review: { kind: 'review', detail: 'review', slot: form.slot ?? 'none' } },
    submits: [{ action: 'review', control, composer, field, target }],
  };
}
