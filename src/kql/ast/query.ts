import type { KqlType } from "../../schema/index.js";
import type { AggregateNode, ExprNode } from "./expr.js";
import type { LiteralNode } from "./literal.js";

/** A tabular expression: a source followed by piped operators. */
export interface QueryNode {
  readonly kind: "query";
  readonly source: SourceNode;
  readonly operators: readonly OperatorNode[];
}

export type SourceNode = TableNode | DatatableNode | TabularLetNode | UnionSourceNode;

/** A table of the database, e.g. ACSCallSummary. */
export interface TableNode {
  readonly kind: "table";
  readonly name: string;
}

export interface DatatableNode {
  readonly kind: "datatable";
  readonly columns: readonly { readonly name: string; readonly type: KqlType }[];
  readonly rows: readonly (readonly LiteralNode[])[];
}

/** A reference to a named tabular `let`; the definition travels with the reference. */
export interface TabularLetNode {
  readonly kind: "tabularLet";
  readonly name: string;
  readonly value: QueryNode;
  /** Evaluate once and cache (`materialize()`), for lets used more than once. */
  readonly materialize: boolean;
}

/** `union` as the first element of a query. */
export interface UnionSourceNode {
  readonly kind: "unionSource";
  readonly queries: readonly QueryNode[];
}

export type OperatorNode =
  | WhereNode
  | ProjectNode
  | ProjectAwayNode
  | ProjectRenameNode
  | ExtendNode
  | SummarizeNode
  | OrderByNode
  | TopNode
  | TakeNode
  | DistinctNode
  | JoinNode
  | LookupNode
  | UnionNode
  | MvExpandNode
  | MakeSeriesNode
  | RenderNode
  | AsNode;

/** A named output column; without `expr` it is the input column of that name. */
export interface NamedExpr {
  readonly name: string;
  readonly expr?: ExprNode;
}

export interface WhereNode {
  readonly kind: "where";
  readonly predicate: ExprNode;
}

export interface ProjectNode {
  readonly kind: "project";
  readonly columns: readonly NamedExpr[];
}

export interface ProjectAwayNode {
  readonly kind: "projectAway";
  readonly columns: readonly string[];
}

export interface ProjectRenameNode {
  readonly kind: "projectRename";
  readonly renames: readonly { readonly to: string; readonly from: string }[];
}

export interface ExtendNode {
  readonly kind: "extend";
  readonly columns: readonly Required<NamedExpr>[];
}

/** One aggregation in summarize/make-series; several names for multi-column aggregates. */
export interface NamedAggregate {
  readonly names: readonly string[];
  readonly aggregate: AggregateNode;
}

export interface SummarizeNode {
  readonly kind: "summarize";
  readonly aggregates: readonly NamedAggregate[];
  readonly by: readonly NamedExpr[];
  readonly shuffleKey?: string;
}

export type SortDirection = "asc" | "desc";

export interface SortKey {
  readonly expr: ExprNode;
  readonly direction: SortDirection;
}

export interface OrderByNode {
  readonly kind: "orderBy";
  readonly keys: readonly SortKey[];
}

export interface TopNode {
  readonly kind: "top";
  /** A literal or a scalar (e.g. a parameter) of an integer type. */
  readonly count: ExprNode;
  readonly by: SortKey;
}

export interface TakeNode {
  readonly kind: "take";
  readonly count: ExprNode;
}

export interface DistinctNode {
  readonly kind: "distinct";
  readonly columns: readonly string[];
}

export type JoinKind =
  | "inner"
  | "innerunique"
  | "leftouter"
  | "rightouter"
  | "fullouter"
  | "leftsemi"
  | "leftanti"
  | "rightsemi"
  | "rightanti";

/** A join key: equal names, or `$left.left == $right.right`. */
export interface JoinKey {
  readonly left: string;
  readonly right: string;
}

export interface JoinHints {
  readonly strategy?: "broadcast" | "shuffle";
  readonly shuffleKey?: string;
}

export interface JoinNode {
  readonly kind: "join";
  readonly joinKind: JoinKind;
  readonly right: QueryNode;
  readonly on: readonly JoinKey[];
  readonly hints: JoinHints;
}

export interface LookupNode {
  readonly kind: "lookup";
  readonly lookupKind: "leftouter" | "inner";
  readonly right: QueryNode;
  readonly on: readonly JoinKey[];
}

export interface UnionNode {
  readonly kind: "union";
  readonly queries: readonly QueryNode[];
}

export interface MvExpandNode {
  readonly kind: "mvExpand";
  readonly column: string;
  readonly toType?: KqlType;
  readonly limit: number;
}

export interface MakeSeriesNode {
  readonly kind: "makeSeries";
  readonly aggregates: readonly { readonly name: string; readonly aggregate: AggregateNode; readonly default?: LiteralNode }[];
  readonly on: string;
  readonly from?: ExprNode;
  readonly to?: ExprNode;
  readonly step: ExprNode;
  readonly by: readonly NamedExpr[];
}

export type Visualization =
  | "table"
  | "timechart"
  | "linechart"
  | "barchart"
  | "columnchart"
  | "piechart"
  | "areachart"
  | "stackedareachart"
  | "scatterchart"
  | "card";

export interface RenderNode {
  readonly kind: "render";
  readonly visualization: Visualization;
  readonly title?: string;
  readonly xtitle?: string;
  readonly ytitle?: string;
}

export interface AsNode {
  readonly kind: "as";
  readonly name: string;
}
