import { fn, val, type Expr } from "../src/kql/index.js";

/**
 * A survey score on the 1–5 scale, normalised within its row's own bounds:
 * `round(1 + 4 * (score - lower) / (upper - lower), 2)`, with lower 1 and upper 5 when a
 * bound is missing or upper ≤ lower. A 0 on a 0–10 scale is 1 and a 10 is 5, so surveys on
 * different scales share one axis and the Good/Average/Poor bands. The one normalisation of
 * the catalog: every entry that shows a normalised rating uses it.
 *
 * @example
 * normalisedRatingOf({ score: c.OverallRatingScore, lower: c.OverallRatingScoreLowerBound, upper: c.OverallRatingScoreUpperBound })
 */
export function normalisedRatingOf(c: { readonly score: Expr<"int">; readonly lower: Expr<"int">; readonly upper: Expr<"int"> }): Expr<"real"> {
  const lower = fn.iff(fn.isnull(c.lower), val.int(1), c.lower);
  const upper = fn.iff(fn.isnull(c.upper).or(c.upper.le(lower)), val.int(5), c.upper);
  return fn.round(fn.toreal(c.score).minus(lower).times(4).div(upper.minus(lower)).plus(1), 2);
}

/** Lowest normalised (1–5) rating that counts as Good, as Call Diagnostics classifies ratings (reference §5.2). */
export const GOOD_RATING = 4.5;
/** Lowest normalised rating that counts as Average; below it is Poor. */
export const AVERAGE_RATING = 3;

/** Good / Average / Poor band of a normalised rating. */
export function ratingBandOf(rating: Expr<"real">) {
  return fn.case(
    [
      [rating.ge(GOOD_RATING), "Good"],
      [rating.ge(AVERAGE_RATING), "Average"],
    ],
    "Poor",
  );
}

/** {@link ratingBandOf}, with "Not rated" when there is no rating. */
export function ratingCategoryOf(rating: Expr<"real">) {
  return fn.case(
    [
      [fn.isnull(rating), "Not rated"],
      [rating.ge(GOOD_RATING), "Good"],
      [rating.ge(AVERAGE_RATING), "Average"],
    ],
    "Poor",
  );
}
