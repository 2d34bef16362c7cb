import { fn, type Expr } from "../src/kql/index.js";

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
