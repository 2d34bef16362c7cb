import type { ParamNode } from "../ast/index.js";
import { collectDefinitions } from "../render/collect-definitions.js";
import type { Query } from "./query.js";
import type { Row } from "./types.js";

/** The parameters a query uses, in first-use order, each once. */
export function parametersOf<R extends Row>(query: Query<R>): readonly ParamNode[] {
  return collectDefinitions(query.node).params;
}
