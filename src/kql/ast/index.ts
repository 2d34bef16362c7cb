export type * from "./expr.js";
export type * from "./literal.js";
export type * from "./query.js";
