// The typed workbook model: what a workbook author writes (workbooks/*.ts). The renderer
// (render.ts) turns it into Notebook/1.0 JSON. Column names in grid, tile and chart
// settings are typed by the row type of the catalog entry the item shows, so with a typed
// entry a misspelt column is a compile error; the lint (lint.ts) checks them again against
// the columns Kusto.Language infers for the final query.
import type { CatalogEntry } from "../catalog/entry.js";
import type { Row } from "../kql/index.js";
import type { DeclaredParam, LogsContext, NumberParam, SelectionParam, TabParam, WorkbookParam } from "./params.js";

/** A column of the row type `R`. */
export type Col<R extends Row> = keyof R & string;

/** Width of a step, in percent of the row (Microsoft's templates use these). */
export type Width = 25 | 33 | 50 | 67 | 75 | 100;

/** Display size of a visualization. */
export type Size = "tiny" | "small" | "medium" | "large" | "full";

/** When a step is shown: a parameter equals a value, or is set, or is not set. */
export interface Condition {
  readonly param: WorkbookParam;
  readonly comparison: "isEqualTo" | "isNotEqualTo";
  readonly value?: string;
}

/** Conditional-visibility constructors. */
export const when = {
  is: (param: WorkbookParam, value: string): Condition => ({ param, comparison: "isEqualTo", value }),
  isNot: (param: WorkbookParam, value: string): Condition => ({ param, comparison: "isNotEqualTo", value }),
  /** The parameter has a value (e.g. a grid row was selected). */
  set: (param: WorkbookParam): Condition => ({ param, comparison: "isNotEqualTo" }),
  /** The parameter has no value yet. */
  unset: (param: WorkbookParam): Condition => ({ param, comparison: "isEqualTo" }),
} as const;

interface StepBase {
  /** Step name: unique in the workbook, and the localization key of its texts. */
  readonly name: string;
  readonly width?: Width;
  readonly visibleWhen?: Condition;
}

/** Units for numbers; the ids are the portal's (inferred from Microsoft's templates). */
export type Unit = "none" | "percent" | "count" | "ms" | "seconds" | "bytes";

export interface NumberStyle {
  readonly unit?: Unit;
  /** Maximum fraction digits. */
  readonly decimals?: number;
}

/** Colour palettes of heatmaps and bars. */
export type Palette = "redGreen" | "greenRed" | "blue" | "orange" | "green" | "red" | "purple" | "turquoise" | "gray" | "auto";

/** One rule of a thresholds formatter: when `value op threshold`, show `show` (a colour or icon name). */
export interface ThresholdRule {
  readonly op: ">" | ">=" | "<" | "<=" | "==" | "!=";
  /** A constant, or a number parameter (`{Param}`) so that the highlight follows the reader's threshold. */
  readonly threshold: number | string | NumberParam;
  readonly show: string;
  /** Text shown in the cell; `{0}{1}` (value and unit) by default. */
  readonly text?: string;
}

export type Formatter<R extends Row> =
  | ({ readonly column: Col<R>; readonly kind: "number" } & NumberStyle)
  | ({ readonly column: Col<R>; readonly kind: "bar" | "heatmap"; readonly palette: Palette; readonly min?: number; readonly max?: number } & NumberStyle)
  | ({
      readonly column: Col<R>;
      readonly kind: "thresholds";
      /** Colour the cell, or put an icon in front of it. */
      readonly style: "colors" | "icons";
      /** Checked in order; the first that matches wins. */
      readonly rules: readonly ThresholdRule[];
      /** Shown when no rule matches. */
      readonly otherwise: string;
    } & NumberStyle)
  | { readonly column: Col<R>; readonly kind: "details"; readonly label: string }
  | { readonly column: Col<R>; readonly kind: "url"; readonly label: string }
  | { readonly column: Col<R>; readonly kind: "text" | "date" | "hidden" };

export interface GridSpec<R extends Row> {
  readonly formatters?: readonly Formatter<R>[];
  /** Column headers. */
  readonly labels?: Partial<Record<Col<R>, string>>;
  /** A search box above the grid. */
  readonly filter?: boolean;
  readonly rowLimit?: number;
  readonly sortBy?: readonly { readonly column: Col<R>; readonly order: "asc" | "desc" }[];
}

export interface TileSpec<R extends Row> {
  /** The tile's caption (text). */
  readonly title: Col<R>;
  /** The big number. */
  readonly value: { readonly column: Col<R> } & NumberStyle;
  /** Small text next to the number (e.g. its unit). */
  readonly right?: Col<R>;
  /** Text under the number. */
  readonly subtitle?: Col<R>;
}

export type ChartType = "timechart" | "linechart" | "areachart" | "barchart" | "categoricalbar" | "unstackedbar" | "piechart" | "scatterchart";

export interface ChartSpec<R extends Row> {
  readonly type: ChartType;
  readonly x?: Col<R>;
  readonly y?: readonly Col<R>[];
  /** Split into one series per value of this column. */
  readonly group?: Col<R>;
  /** Series names: the y columns, or the values of `group`. */
  readonly series?: readonly { readonly name: string; readonly label?: string; readonly color?: string }[];
  readonly legend?: boolean;
  readonly yUnit?: Unit;
  readonly yMin?: number;
  readonly yMax?: number;
}

export type Visual<R extends Row> =
  | { readonly table: GridSpec<R> }
  | { readonly tiles: TileSpec<R> }
  | { readonly chart: ChartSpec<R> };

export interface TextItem extends StepBase {
  readonly kind: "text";
  readonly markdown: string;
  readonly style?: "info" | "warning" | "error" | "success" | "upsell";
}

export interface ParametersItem extends StepBase {
  readonly kind: "parameters";
  readonly params: readonly DeclaredParam[];
  readonly style: "pills" | "above" | "formHorizontal" | "formVertical";
}

export interface QueryItem<R extends Row = Row> extends StepBase {
  readonly kind: "query";
  readonly context: LogsContext;
  /** The catalog entry whose query the step runs (with the context's bindings). */
  readonly entry: CatalogEntry<R>;
  readonly title: string;
  /** Shown instead of an empty result; required, so no step is ever silently blank. */
  readonly noData: string;
  readonly size?: Size;
  readonly show: Visual<R>;
  /** Entry parameters the workbook does not bind and that keep their catalog default (e.g. topN). */
  readonly keepDefaults?: readonly string[];
  /** Selecting a row sets this parameter to the row's value of `column` (drill-down). */
  readonly exports?: { readonly column: Col<R>; readonly param: SelectionParam };
}

export interface LinksItem extends StepBase {
  readonly kind: "links";
  readonly style: "list" | "bullets" | "paragraph";
  readonly links: readonly { readonly label: string; readonly url: string }[];
}

export interface Tab {
  /** The value the tab sets its parameter to. */
  readonly key: string;
  readonly label: string;
  readonly items: readonly Item[];
}

export interface TabsItem extends StepBase {
  readonly kind: "tabs";
  readonly param: TabParam;
  readonly tabs: readonly Tab[];
}

export interface GroupItem extends StepBase {
  readonly kind: "group";
  readonly title?: string;
  readonly items: readonly Item[];
}

export type Item = TextItem | ParametersItem | QueryItem<Row> | LinksItem | TabsItem | GroupItem;

/** One gallery a template is listed in; see {@link GALLERIES}. */
export interface Gallery {
  readonly name: string;
  readonly category: string;
  readonly order?: number;
  readonly type?: string;
  readonly resourceType: string;
}

export interface WorkbookDef {
  /** File stem: `workbooks/<name>.workbook.json`, `workbooks/<name>.gallery.json`; kebab-case. */
  readonly name: string;
  readonly displayName: string;
  readonly author: string;
  readonly items: readonly Item[];
  /** Resources the workbook opens with when it has no context (a share link, a pin). */
  readonly fallbackResourceIds: readonly string[];
  readonly galleries: readonly Gallery[];
}

/** Step constructors. */
export const step = {
  text: (name: string, markdown: string, o: Omit<TextItem, "kind" | "name" | "markdown"> = {}): TextItem => ({ kind: "text", name, markdown, ...o }),
  parameters: (name: string, params: readonly DeclaredParam[], o: Omit<ParametersItem, "kind" | "name" | "params" | "style"> & { readonly style?: ParametersItem["style"] } = {}): ParametersItem => ({
    kind: "parameters",
    name,
    params,
    style: "pills",
    ...o,
  }),
  query: <R extends Row>(name: string, o: Omit<QueryItem<R>, "kind" | "name">): QueryItem<Row> =>
    ({ kind: "query", name, ...o }) as unknown as QueryItem<Row>,
  links: (name: string, links: LinksItem["links"], o: Omit<LinksItem, "kind" | "name" | "links" | "style"> & { readonly style?: LinksItem["style"] } = {}): LinksItem => ({
    kind: "links",
    name,
    links,
    style: "list",
    ...o,
  }),
  tabs: (name: string, param: TabParam, tabs: readonly Tab[], o: Omit<TabsItem, "kind" | "name" | "param" | "tabs"> = {}): TabsItem => ({ kind: "tabs", name, param, tabs, ...o }),
  group: (name: string, items: readonly Item[], o: Omit<GroupItem, "kind" | "name" | "items"> = {}): GroupItem => ({ kind: "group", name, items, ...o }),
} as const;

/** The galleries a template can be listed in (workbooks-automate, "Galleries"). */
export const GALLERIES = {
  azureMonitor: "Azure Monitor",
  workspace: "microsoft.operationalinsights/workspaces",
  /** Inferred from Microsoft's repo gallery paths; not confirmed in the portal. */
  communicationServices: "microsoft.communication/communicationservices",
} as const;
