// Workbook parameters and how catalog parameters are bound to them.
//
// A workbook parameter is a value the portal lets the reader choose (a time range, a
// multi-select, a number). A catalog query declares its own parameters (src/catalog/
// parameters.ts: lookback, callTypes, rttPoorMs, ...) as leading `let` lines. A *binding*
// says which KQL text, written in the workbook's `{Param}` placeholder syntax, replaces the
// default value of such a `let`: `let callTypes = dynamic([{CallType}]);`. The text of each
// binding is fixed by its kind, so the quoting of every placeholder is decided here, once.
import type { p as catalogParams } from "../catalog/parameters.js";
import type { Expr, Query, Row } from "../kql/index.js";
import type { KqlType } from "../schema/index.js";

/** A duration in milliseconds, as the time-range picker stores it. */
export type DurationMs = number;

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
export const MINUTE_MS = 60_000;

/** The 15 presets of Microsoft's ACS workbooks: 5m, 15m, 30m, 1h, 4h, 12h, 1d, 2d, 3d, 7d, 14d, 28d, 30d, 60d, 90d. */
export const ACS_TIME_PRESETS: readonly DurationMs[] = [
  5 * MINUTE_MS, 15 * MINUTE_MS, 30 * MINUTE_MS, HOUR_MS, 4 * HOUR_MS, 12 * HOUR_MS,
  DAY_MS, 2 * DAY_MS, 3 * DAY_MS, 7 * DAY_MS, 14 * DAY_MS, 28 * DAY_MS, 30 * DAY_MS, 60 * DAY_MS, 90 * DAY_MS,
];

interface ParamBase {
  /** The placeholder name (`{Name}`): letters, digits and `_`, not starting with a digit. */
  readonly name: string;
  /** What the reader sees. */
  readonly label: string;
  /** Tooltip text. */
  readonly description?: string;
}

/** A query that fills a parameter's choices: Azure Resource Graph over some scope. */
export interface ResourceGraphSource {
  readonly kind: "resourceGraph";
  /** A builder query on {@link argResources} (src/workbook/arg-schema.ts). */
  readonly query: Query<Row>;
  /**
   * Where to look: `"selected"` (`value::selected`: the subscriptions selected for the
   * workbook, as Microsoft's Workspace Usage template uses it), or a subscription parameter.
   */
  readonly scope: "selected" | SubscriptionParam;
}

/** A query that fills a parameter's choices: Log Analytics, on the workbook's workspace. */
export interface LogsSource {
  readonly kind: "logs";
  readonly query: Query<Row>;
  readonly context: LogsContext;
}

export type ParamSource = ResourceGraphSource | LogsSource;

/** Type 4: the time-range picker. */
export interface TimeRangeParam extends ParamBase {
  readonly kind: "timeRange";
  readonly presets: readonly DurationMs[];
  readonly default: DurationMs;
}

/** Type 1 with a number check: one number the reader can edit (a quality threshold). */
export interface NumberParam extends ParamBase {
  readonly kind: "number";
  readonly default: number;
  /** Whole numbers only (bound with `tolong`); otherwise decimals are allowed (bound with `toreal`). */
  readonly integer: boolean;
}

/**
 * A criteria rule (type 1 `criteriaData`): when the parameter `param` contains `contains`,
 * the value is that parameter's value; otherwise `otherwise`.
 */
export interface ContainsCriteria {
  readonly param: WorkbookParam;
  readonly contains: string;
  readonly otherwise: string;
}

/** Type 1: free text, a value computed by a query (first column of the first row), or by criteria. */
export interface TextParam extends ParamBase {
  readonly kind: "text";
  readonly source?: ParamSource | ContainsCriteria;
  /** Hidden in reading mode (`isHiddenWhenLocked`): plumbing, not a choice for the reader. */
  readonly hidden: boolean;
  readonly required: boolean;
}

/**
 * Type 2, multi-select, quote `'`, delimiter `,`, with an "All" entry. Both "All" and an
 * empty selection expand to the empty string (`selectAllValue: ""`), so `dynamic([{P}])`
 * is `dynamic([])` and the catalog's `array_length(list) == 0 or ...` filter lets every
 * row through. Microsoft's `selectAllValue: "[]"`, if the portal substitutes it as text
 * (not documented either way), would give `dynamic([[]])`: a list holding one empty list,
 * whose length is 1, so that filter would drop every row. The empty string has no such doubt.
 */
export interface MultiSelectParam extends ParamBase {
  readonly kind: "multiSelect";
  /** Fixed choices, or a query whose columns are value, label[, selected]. */
  readonly choices: readonly { readonly value: string; readonly label?: string }[] | LogsSource;
  /** Start with "All" selected. When false, the query's `selected` column (or nothing) decides. */
  readonly defaultAll: boolean;
}

/** Type 6: one subscription, filled by Resource Graph. */
export interface SubscriptionParam extends ParamBase {
  readonly kind: "subscription";
  readonly source: ResourceGraphSource;
}

/** Type 5: one Azure resource of a type, filled by Resource Graph; the first one is the default. */
export interface ResourceParam extends ParamBase {
  readonly kind: "resource";
  readonly resourceType: string;
  readonly source: ResourceGraphSource;
}

/**
 * Type 5 without a query: the resource the workbook was opened from (`value::1` of the
 * workbook's own resources); unset or not a resource when opened from Azure Monitor.
 */
export interface ContextResourceParam extends ParamBase {
  readonly kind: "contextResource";
}

/** Set by selecting a grid row (`exportFieldName` / `exportParameterName`); declared by no parameters step. */
export interface SelectionParam extends ParamBase {
  readonly kind: "selection";
}

/** Set by a tab strip (links with `linkTarget: "parameter"`). */
export interface TabParam extends ParamBase {
  readonly kind: "tab";
}

export type WorkbookParam =
  | TimeRangeParam
  | NumberParam
  | TextParam
  | MultiSelectParam
  | SubscriptionParam
  | ResourceParam
  | ContextResourceParam
  | SelectionParam
  | TabParam;

/** A parameter that a parameters step declares (selections and tabs are set by other steps). */
export type DeclaredParam = Exclude<WorkbookParam, SelectionParam | TabParam>;

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

function named<P extends ParamBase>(p: P): P {
  if (!IDENT.test(p.name)) throw new Error(`workbook parameter name ${JSON.stringify(p.name)} is not a plain identifier`);
  if (p.label.trim() === "") throw new Error(`workbook parameter ${p.name} needs a label`);
  return Object.freeze(p);
}

type Common = Omit<ParamBase, "name">;

/** Constructors for workbook parameters. */
export const wbParam = {
  timeRange: (name: string, o: Common & { readonly default: DurationMs; readonly presets?: readonly DurationMs[] }): TimeRangeParam =>
    named({ kind: "timeRange", name, presets: ACS_TIME_PRESETS, ...o }),
  /**
   * A number parameter for a catalog threshold (e.g. `p.rttPoorMs`): its default and whether
   * it is whole come from the catalog parameter, so the workbook cannot drift from it.
   */
  threshold: (name: string, catalogParam: Expr<"long" | "real">, o: Common): NumberParam => {
    const node = catalogParam.node;
    if (node.kind !== "param" || node.default === undefined || node.default.value === null) {
      throw new Error(`workbook parameter ${name}: the catalog parameter has no default to start from`);
    }
    return wbParam.number(name, { default: Number(node.default.value), integer: node.type === "long", ...o });
  },
  number: (name: string, o: Common & { readonly default: number; readonly integer: boolean }): NumberParam => {
    if (!Number.isFinite(o.default) || o.default < 0 || (o.integer && !Number.isInteger(o.default))) {
      throw new Error(`workbook parameter ${name}: default ${o.default} is not a non-negative ${o.integer ? "integer" : "number"}`);
    }
    return named({ kind: "number", name, ...o });
  },
  text: (name: string, o: Common & { readonly source?: ParamSource | ContainsCriteria; readonly hidden?: boolean; readonly required?: boolean }): TextParam =>
    named({ kind: "text", name, hidden: false, required: true, ...o }),
  multiSelect: (name: string, o: Common & Pick<MultiSelectParam, "choices" | "defaultAll">): MultiSelectParam =>
    named({ kind: "multiSelect", name, ...o }),
  subscription: (name: string, o: Common & { readonly source: ResourceGraphSource }): SubscriptionParam =>
    named({ kind: "subscription", name, ...o }),
  resource: (name: string, o: Common & { readonly resourceType: string; readonly source: ResourceGraphSource }): ResourceParam =>
    named({ kind: "resource", name, ...o }),
  contextResource: (name: string, o: Common): ContextResourceParam => named({ kind: "contextResource", name, ...o }),
  selection: (name: string, o: Common): SelectionParam => named({ kind: "selection", name, ...o }),
  tab: (name: string, o: Common): TabParam => named({ kind: "tab", name, ...o }),
} as const;

/** `{Name}` or `{Name:format}`. */
export function placeholder(p: WorkbookParam, format?: string): string {
  return format ? `{${p.name}:${format}}` : `{${p.name}}`;
}

/**
 * The KQL text that replaces a catalog parameter's default (`let <name> = <text>;`), of a
 * given Kusto type. Made only by {@link bind}, so every placeholder is quoted one way.
 */
export interface Binding<T extends KqlType = KqlType> {
  readonly type: T;
  readonly text: string;
  /** The workbook parameters the text refers to. */
  readonly params: readonly WorkbookParam[];
}

const binding = <T extends KqlType>(type: T, text: string, ...params: WorkbookParam[]): Binding<T> =>
  Object.freeze({ type, text, params: Object.freeze(params) });

/** Binding constructors: one per way a workbook value may enter a catalog query. */
export const bind = {
  /**
   * A `lookback` timespan from the time-range picker: `now() - {TimeRange:start}`, so that
   * `ago(lookback)` is the picker's start. The query item is also bound to the picker
   * (`timeContextFromParameter`), which makes Log Analytics bound the end of the range too:
   * a custom range that ends in the past is respected, not stretched to now.
   */
  since: (range: TimeRangeParam) => binding("timespan", `now() - ${placeholder(range, "start")}`, range),
  /** A bin size from the picker's grain (`{TimeRange:grain}`, e.g. `1h`), for charts over time. */
  grain: (range: TimeRangeParam) => binding("timespan", placeholder(range, "grain"), range),
  /** A list from a multi-select: `dynamic([{P}])` (quote `'`, delimiter `,`; "All" and none give `dynamic([])`). */
  list: (p: MultiSelectParam) => binding("dynamic", `dynamic([${placeholder(p)}])`, p),
  /** A long from a number parameter: `tolong({P})`. */
  long: (p: NumberParam) => binding("long", `tolong(${placeholder(p)})`, p),
  /** A real from a number parameter: `toreal({P})`. */
  real: (p: NumberParam) => binding("real", `toreal(${placeholder(p)})`, p),
  /** A string from a text, selection or query-filled parameter: `'{P:escape}'`. */
  string: (p: TextParam | SelectionParam) => binding("string", `'${placeholder(p, "escape")}'`, p),
} as const;

/** Catalog (and workbook-local) query parameter name → its binding. */
export type Bindings = Readonly<Record<string, Binding>>;

type KqlTypeOf<E> = E extends Expr<infer T> ? T : never;

/**
 * Bindings of the catalog's shared parameters, typed: binding `rttPoorMs` (a long) with
 * `bind.real(...)`, or `callTypes` with anything but a list, does not compile. Workbook-local
 * parameters (of entries under workbooks/) may be added beside them; the renderer checks
 * every binding's type against the parameter it binds.
 */
export type CatalogBindings = { readonly [N in keyof typeof catalogParams]?: Binding<KqlTypeOf<(typeof catalogParams)[N]>> };

/**
 * Where a workbook's Log Analytics queries run and how their parameters are bound: every
 * logs query of the workbook shares one context, so the filters mean the same everywhere.
 */
export interface LogsContext {
  readonly workspace: ResourceParam;
  readonly timeRange: TimeRangeParam;
  readonly bindings: Bindings;
}
