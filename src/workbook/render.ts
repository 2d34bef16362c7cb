// Renders a WorkbookDef (model.ts) into Notebook/1.0 JSON: the Advanced-editor form and
// the gallery-template form. Rendering checks what the model cannot express in types
// (bindings match the catalog parameters' Kusto types, every entry parameter is bound or
// kept on purpose) and then validates the result (validate.ts); any problem throws a
// WorkbookError that lists all of them, with step names.
import { parametersOf, toKql, type Query, type Row } from "../kql/index.js";
import type { ChartSettingsJson, FormattingRuleJson, GalleryTemplateJson, GridSettingsJson, Json, LinkJson, NotebookJson, ParameterJson, StepJson, TileSettingsJson } from "./json.js";
import { PARAM_TYPE, QUERY_TYPE, WORKBOOK_SCHEMA_URL } from "./json.js";
import { stableUuid } from "./ids.js";
import type { ChartSpec, Condition, Formatter, GridSpec, Item, NumberStyle, QueryItem, Size, TileSpec, Unit, WorkbookDef } from "./model.js";
import type { Bindings, DeclaredParam, LogsSource, ParamSource, ResourceGraphSource } from "./params.js";
import { placeholder } from "./params.js";
import { validateNotebook, type ValidationReport } from "./validate.js";

/** Everything wrong with a workbook definition, one line each (with the step name). */
export class WorkbookError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`workbook has ${problems.length} problem${problems.length === 1 ? "" : "s"}:\n  ${problems.join("\n  ")}`);
    this.name = "WorkbookError";
  }
}

/** The resource type Log Analytics queries run against: the workspace the reader picks. */
export const WORKSPACE_RESOURCE_TYPE = "microsoft.operationalinsights/workspaces";
const RESOURCE_GRAPH_RESOURCE_TYPE = "microsoft.resourcegraph/resources";

/** `size` ids (inferred from Microsoft's templates: 0 medium, 1 small, 2 large, 3 tiny, 4 full). */
const SIZE: Record<Size, number> = { medium: 0, small: 1, large: 2, tiny: 3, full: 4 };

/** `numberFormat.unit` ids (inferred from Microsoft's templates). */
const UNIT: Record<Unit, number> = { none: 0, percent: 1, bytes: 2, count: 17, ms: 23, seconds: 24 };

/** Grid formatter ids (inferred; see ../shared/reference/workbook-params-and-clients.md §2.6). */
export const FORMATTER = { automatic: 0, text: 1, bar: 4, hidden: 5, date: 6, link: 7, heatmap: 8, bigNumber: 12, thresholds: 18 } as const;

/**
 * Validation patterns of number parameters (type 1 text with a rule). The lint recognises a
 * number parameter by these, to substitute a number for it.
 */
export const NUMBER_PATTERN = { integer: "^[0-9]{1,9}$", decimal: "^[0-9]{1,9}([.][0-9]{1,6})?$" } as const;

/** The rendered forms of one workbook, plus the non-fatal findings. */
export interface RenderedWorkbook {
  readonly name: string;
  /** `workbooks/<name>.workbook.json`: paste into Workbooks → New → Advanced editor. */
  readonly workbook: NotebookJson;
  /** `workbooks/<name>.gallery.json`: the properties of a `microsoft.insights/workbooktemplates` resource. */
  readonly gallery: GalleryTemplateJson;
  readonly report: ValidationReport;
}

function numberFormat(style: NumberStyle): FormattingRuleJson["numberFormat"] | undefined {
  if (style.unit === undefined && style.decimals === undefined) return undefined;
  return { unit: UNIT[style.unit ?? "none"], options: { style: "decimal", maximumFractionDigits: style.decimals ?? 2 } };
}

/** `{ ...o }` without the keys whose value is undefined: the JSON never holds a null or an undefined. */
function compact<T extends Record<string, unknown>>(o: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}

function conditionJson(c: Condition | undefined) {
  return c ? compact({ parameterName: c.param.name, comparison: c.comparison, value: c.value }) : undefined;
}

function formatterJson<R extends Row>(f: Formatter<R>): FormattingRuleJson {
  switch (f.kind) {
    case "number":
      return compact({ columnMatch: f.column, formatter: FORMATTER.automatic, numberFormat: numberFormat(f) });
    case "bar":
    case "heatmap":
      return compact({
        columnMatch: f.column,
        formatter: f.kind === "bar" ? FORMATTER.bar : FORMATTER.heatmap,
        formatOptions: compact({ palette: f.palette, min: f.min, max: f.max }),
        numberFormat: numberFormat(f),
      });
    case "thresholds":
      return compact({
        columnMatch: f.column,
        formatter: FORMATTER.thresholds,
        formatOptions: {
          thresholdsOptions: f.style,
          thresholdsGrid: [
            ...f.rules.map((r) => ({
              operator: r.op,
              thresholdValue: typeof r.threshold === "object" ? placeholder(r.threshold) : String(r.threshold),
              representation: r.show,
              text: r.text ?? "{0}{1}",
            })),
            { operator: "Default", representation: f.otherwise, text: "{0}{1}" },
          ],
        },
        numberFormat: numberFormat(f),
      });
    case "details":
      return { columnMatch: f.column, formatter: FORMATTER.link, formatOptions: { linkTarget: "CellDetails", linkLabel: f.label, linkIsContextBlade: true } };
    case "url":
      return { columnMatch: f.column, formatter: FORMATTER.link, formatOptions: { linkTarget: "Url", linkLabel: f.label } };
    case "text":
      return { columnMatch: f.column, formatter: FORMATTER.text };
    case "date":
      return { columnMatch: f.column, formatter: FORMATTER.date };
    case "hidden":
      return { columnMatch: f.column, formatter: FORMATTER.hidden };
  }
}

function gridJson<R extends Row>(g: GridSpec<R>): GridSettingsJson {
  const labels = Object.entries(g.labels ?? {}) as [string, string][];
  return compact({
    formatters: g.formatters?.map(formatterJson),
    labelSettings: labels.length > 0 ? labels.map(([columnId, label]) => ({ columnId, label })) : undefined,
    filter: g.filter,
    rowLimit: g.rowLimit,
    sortBy: g.sortBy?.map((s) => ({ itemKey: s.column, sortOrder: s.order === "asc" ? 1 : 2 })),
  });
}

function tileJson<R extends Row>(t: TileSpec<R>): TileSettingsJson {
  return compact({
    titleContent: { columnMatch: t.title, formatter: FORMATTER.text },
    leftContent: compact({ columnMatch: t.value.column, formatter: FORMATTER.bigNumber, formatOptions: { palette: "auto" }, numberFormat: numberFormat(t.value) }),
    rightContent: t.right ? { columnMatch: t.right, formatter: FORMATTER.text } : undefined,
    subtitleContent: t.subtitle ? { columnMatch: t.subtitle, formatter: FORMATTER.text } : undefined,
    showBorder: true,
    size: "auto" as const,
  });
}

function chartJson<R extends Row>(c: ChartSpec<R>): ChartSettingsJson {
  const ySettings = compact({ unit: c.yUnit === undefined ? undefined : UNIT[c.yUnit], min: c.yMin, max: c.yMax });
  return compact({
    xAxis: c.x,
    yAxis: c.y,
    group: c.group,
    showLegend: c.legend ?? true,
    seriesLabelSettings: c.series?.map((s) => compact({ seriesName: s.name, label: s.label, color: s.color })),
    ySettings: Object.keys(ySettings).length > 0 ? ySettings : undefined,
  });
}

class Renderer {
  readonly problems: string[] = [];

  constructor(private readonly wb: WorkbookDef) {}

  private id(kind: string, name: string): string {
    return stableUuid(this.wb.name, kind, name);
  }

  /** The KQL of a builder query with its parameters bound; problems are collected, not thrown. */
  kql(where: string, what: string, query: Query<Row>, bindings: Bindings, keep: readonly string[] = []): string {
    const used = parametersOf(query);
    const raw: Record<string, string> = {};
    for (const p of used) {
      const b = bindings[p.name];
      if (b !== undefined) {
        if (b.type === p.type) raw[p.name] = b.text;
        else this.problems.push(`${where}: ${what} has parameter '${p.name}' of type ${p.type}, but the workbook binds it as ${b.type} (${b.text})`);
      } else if (!keep.includes(p.name)) {
        this.problems.push(
          `${where}: ${what} uses parameter '${p.name}', which the workbook does not bind — bind it in the logs context, or list it in keepDefaults to keep its catalog default`,
        );
      }
    }
    for (const k of keep) {
      if (!used.some((p) => p.name === k)) this.problems.push(`${where}: keepDefaults names '${k}', which ${what} does not use`);
      else if (bindings[k] !== undefined) this.problems.push(`${where}: keepDefaults names '${k}', which the workbook binds; remove it from keepDefaults`);
    }
    try {
      return toKql(query, { unsafeParamText: raw });
    } catch (err) {
      this.problems.push(`${where}: ${what} cannot be rendered: ${(err as Error).message}`);
      return "";
    }
  }

  private sourceJson(where: string, s: ParamSource): Partial<ParameterJson> {
    if (s.kind === "logs") return this.logsSourceJson(where, s);
    return this.graphSourceJson(where, s);
  }

  private logsSourceJson(where: string, s: LogsSource): Partial<ParameterJson> {
    return {
      query: this.kql(where, "its query", s.query, s.context.bindings),
      crossComponentResources: [placeholder(s.context.workspace)],
      timeContextFromParameter: s.context.timeRange.name,
      queryType: QUERY_TYPE.logs,
      resourceType: WORKSPACE_RESOURCE_TYPE,
    };
  }

  private graphSourceJson(where: string, s: ResourceGraphSource): Partial<ParameterJson> {
    // Resource Graph queries take no `let` parameters; a placeholder goes inline (inlinePlaceholder()).
    return {
      query: this.kql(where, "its Resource Graph query", s.query, {}),
      crossComponentResources: [s.scope === "selected" ? "value::selected" : placeholder(s.scope)],
      queryType: QUERY_TYPE.resourceGraph,
      resourceType: RESOURCE_GRAPH_RESOURCE_TYPE,
    };
  }

  param(step: string, p: DeclaredParam): ParameterJson {
    const where = `step '${step}', parameter '${p.name}'`;
    const base = { id: this.id("parameter", p.name), version: "KqlParameterItem/1.0" as const, name: p.name, label: p.label, description: p.description };
    switch (p.kind) {
      case "timeRange":
        return compact({
          ...base,
          type: PARAM_TYPE.timeRange,
          isRequired: true,
          typeSettings: { selectableValues: p.presets.map((durationMs) => ({ durationMs })), allowCustom: true },
          value: { durationMs: p.default },
        });
      case "number":
        return compact({
          ...base,
          type: PARAM_TYPE.text,
          isRequired: true,
          typeSettings: {
            paramValidationRules: [
              {
                regExp: p.integer ? NUMBER_PATTERN.integer : NUMBER_PATTERN.decimal,
                match: true,
                message: p.integer ? "Enter a whole number, e.g. 500" : "Enter a number, e.g. 0.1",
              },
            ],
          },
          value: String(p.default),
        });
      case "text": {
        const s = p.source;
        const criteria =
          s && !("kind" in s)
            ? {
                criteriaData: [
                  {
                    criteriaContext: {
                      leftOperand: s.param.name,
                      operator: "contains",
                      rightValType: "static",
                      rightVal: s.contains,
                      resultValType: "param",
                      resultVal: s.param.name,
                    },
                  },
                  { criteriaContext: { operator: "Default", resultValType: "static", resultVal: s.otherwise } },
                ] as Json,
              }
            : {};
        return compact({
          ...base,
          type: PARAM_TYPE.text,
          isRequired: p.required,
          isHiddenWhenLocked: p.hidden || undefined,
          ...(s && "kind" in s ? this.sourceJson(where, s) : {}),
          ...criteria,
        });
      }
      case "multiSelect": {
        const all = p.defaultAll ? { defaultValue: "value::all", value: ["value::all"] } : {};
        const choices = Array.isArray(p.choices)
          ? { jsonData: JSON.stringify(p.choices.map((c) => ({ value: c.value, label: c.label ?? c.value }))) }
          : this.logsSourceJson(where, p.choices as LogsSource);
        return compact({
          ...base,
          type: PARAM_TYPE.dropdown,
          isRequired: false,
          multiSelect: true,
          quote: "'",
          delimiter: ",",
          ...choices,
          typeSettings: { additionalResourceOptions: ["value::all"], selectAllValue: "", showDefault: false },
          ...all,
        });
      }
      case "subscription":
        return compact({
          ...base,
          type: PARAM_TYPE.subscription,
          isRequired: true,
          ...this.graphSourceJson(where, p.source),
          typeSettings: { additionalResourceOptions: [] },
        });
      case "resource":
        return compact({
          ...base,
          type: PARAM_TYPE.resource,
          isRequired: true,
          ...this.graphSourceJson(where, p.source),
          typeSettings: { resourceTypeFilter: { [p.resourceType]: true }, additionalResourceOptions: ["value::1"], showDefault: false },
          defaultValue: "value::1",
          value: "value::1",
        });
      case "contextResource":
        return compact({
          ...base,
          type: PARAM_TYPE.resource,
          isRequired: false,
          isHiddenWhenLocked: true,
          typeSettings: { additionalResourceOptions: ["value::1"], showDefault: false, componentIdOnly: true },
          defaultValue: "value::1",
        });
    }
  }

  private queryStep(item: QueryItem<Row>): StepJson {
    const where = `step '${item.name}'`;
    const ctx = item.context;
    const query = this.kql(where, `catalog entry '${item.entry.id}'`, item.entry.query, ctx.bindings, item.keepDefaults);
    const show = item.show;
    const visual =
      "table" in show
        ? { visualization: "table", gridSettings: gridJson(show.table), showExportToExcel: true }
        : "tiles" in show
          ? { visualization: "tiles", tileSettings: tileJson(show.tiles) }
          : { visualization: show.chart.type, chartSettings: chartJson(show.chart) };
    return compact({
      type: 3 as const,
      name: item.name,
      customWidth: item.width === undefined ? undefined : String(item.width),
      conditionalVisibility: conditionJson(item.visibleWhen),
      content: compact({
        version: "KqlItem/1.0" as const,
        query,
        size: SIZE[item.size ?? "medium"],
        title: item.title,
        noDataMessage: item.noData,
        // The time range is bound twice on purpose: `lookback` starts the catalog's filter at
        // {TimeRange:start}, and the bound time context makes Log Analytics end it at the
        // picker's end as well (a custom range in the past stays in the past).
        timeContextFromParameter: ctx.timeRange.name,
        queryType: QUERY_TYPE.logs,
        resourceType: WORKSPACE_RESOURCE_TYPE,
        crossComponentResources: [placeholder(ctx.workspace)],
        exportFieldName: item.exports?.column,
        exportParameterName: item.exports?.param.name,
        ...visual,
      }),
    }) as StepJson;
  }

  steps(items: readonly Item[]): StepJson[] {
    return items.flatMap((item) => this.step(item));
  }

  private step(item: Item): StepJson[] {
    const common = compact({
      name: item.name,
      customWidth: item.width === undefined ? undefined : String(item.width),
      conditionalVisibility: conditionJson(item.visibleWhen),
    });
    switch (item.kind) {
      case "text":
        return [{ type: 1, ...common, content: compact({ json: item.markdown, style: item.style }) }];
      case "parameters":
        return [
          {
            type: 9,
            ...common,
            content: { version: "KqlParameterItem/1.0", parameters: item.params.map((p) => this.param(item.name, p)), style: item.style, queryType: QUERY_TYPE.logs },
          },
        ];
      case "query":
        return [this.queryStep(item)];
      case "links":
        return [
          {
            type: 11,
            ...common,
            content: {
              version: "LinkItem/1.0",
              style: item.style,
              links: item.links.map((l): LinkJson => ({ id: this.id("link", `${item.name}/${l.label}`), cellValue: l.url, linkTarget: "Url", linkLabel: l.label, style: "link" })),
            },
          },
        ];
      case "tabs":
        return [
          {
            type: 11,
            ...common,
            content: {
              version: "LinkItem/1.0",
              style: "tabs",
              links: item.tabs.map(
                (t): LinkJson => ({ id: this.id("tab", `${item.name}/${t.key}`), cellValue: item.param.name, linkTarget: "parameter", linkLabel: t.label, subTarget: t.key, style: "link" }),
              ),
            },
          },
          ...item.tabs.map(
            (t): StepJson => ({
              type: 12,
              name: `${item.name}-${t.key}`,
              conditionalVisibility: { parameterName: item.param.name, comparison: "isEqualTo", value: t.key },
              content: { version: "NotebookGroup/1.0", groupType: "editable", items: this.steps(t.items) },
            }),
          ),
        ];
      case "group":
        return [{ type: 12, ...common, content: compact({ version: "NotebookGroup/1.0" as const, groupType: "editable" as const, title: item.title, items: this.steps(item.items) }) }];
    }
  }
}

/**
 * Renders a workbook into its two JSON forms and validates them (validate.ts). Throws a
 * WorkbookError listing every problem; warnings (a query over 3,000 characters, a JSON over
 * 100,000) are returned in `report.warnings`.
 */
export function renderWorkbook(wb: WorkbookDef): RenderedWorkbook {
  const r = new Renderer(wb);
  const items = r.steps(wb.items);
  const workbook: NotebookJson = { version: "Notebook/1.0", items, fallbackResourceIds: wb.fallbackResourceIds, $schema: WORKBOOK_SCHEMA_URL };
  const gallery: GalleryTemplateJson = {
    author: wb.author,
    priority: 1,
    galleries: wb.galleries.map((g) => ({ name: g.name, category: g.category, order: g.order ?? 100, type: g.type ?? "workbook", resourceType: g.resourceType })),
    templateData: workbook,
  };
  const report = validateNotebook(workbook, { gallery });
  const problems = [...r.problems, ...report.errors];
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(wb.name)) problems.unshift(`workbook name '${wb.name}' is not kebab-case (it is the file name)`);
  if (problems.length > 0) throw new WorkbookError(problems);
  return { name: wb.name, workbook, gallery, report };
}

/** The file content of a rendered JSON form: two-space indented, with a final newline. */
export function toJsonText(value: NotebookJson | GalleryTemplateJson): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
