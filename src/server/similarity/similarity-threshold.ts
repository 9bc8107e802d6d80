// The report's starting threshold, shared by the page's slider and the tests that calibrate it
// against the corpus (renamed, reordered and padded copies score 0.86–1.0 there, independent
// answers at most 0.48).
export const DEFAULT_SIMILARITY_THRESHOLD = 0.7;
/**
 * Pairs below this are not stored (a class of 500 has 125 000 pairs, nearly all of them the
 * same-exercise resemblance independent answers share); the slider starts here.
 */
export const STORED_SIMILARITY_FLOOR = 0.3;
