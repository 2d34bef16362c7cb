// Public API of the ACS end-code dataset.
export type { EndCodeRow, EndCodeSource, ResultCategory, SipClass } from "./types.js";
export { END_CODE_SOURCES, RESULT_CATEGORIES } from "./types.js";
export {
  endCodes,
  endCodesFor,
  findEndCode,
  isUngraceful,
  LEGACY_UNGRACEFUL_CODES,
  pstnDirection,
  pstnSipCode,
  sipClass,
  SOURCE_PRIORITY,
} from "./end-codes.js";
export {
  END_CODE_TABLE_SCHEMA,
  endCodeFallbackTable,
  endCodeLookupRows,
  endCodeTable,
  isFailedEndExpr,
  isUngracefulExpr,
  pstnDirectionExpr,
  sipClassExpr,
} from "./kql.js";
export type { EndCodeTableColumn, EndCodeTableOf, EndCodeTableRow } from "./kql.js";
