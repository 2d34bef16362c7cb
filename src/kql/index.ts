// Public API of the typed KQL builder.
export { from, letTable, union, datatable, TableLet } from "./builder/sources.js";
export { Query } from "./builder/query.js";
export type { JoinOn, JoinResult, RowOf as QueryRowOf } from "./builder/query.js";
export { Expr } from "./builder/expr.js";
export { fn } from "./builder/functions.js";
export type { DatePart } from "./builder/functions.js";
export { agg, Agg } from "./builder/aggregates.js";
export { param, letScalar, unsafeRawKql } from "./builder/params.js";
export { lit } from "./builder/literals.js";
export { BuilderError } from "./builder/builder-error.js";
export { KqlValueError } from "./builder/errors.js";
export type { Cols } from "./builder/columns.js";
export type { Operand } from "./builder/operands.js";
export type { Row, UnionRow, JoinRow, LookupRow } from "./builder/types.js";
export { toKql } from "./render/kql-compiler.js";
export type { KqlOptions } from "./render/kql-compiler.js";
export type * from "./ast/index.js";
export { parametersOf } from "./builder/parameters-of.js";
