import { describe, expect, it } from "vitest";
import { getEntry } from "../../queries/index.js";
import { p } from "../../src/catalog/parameters.js";
import { from } from "../../src/kql/index.js";
import { stableUuid } from "../../src/workbook/ids.js";
import {
  argResources,
  bind,
  DAY_MS,
  flattenSteps,
  LIMITS,
  renderWorkbook,
  step,
  validateNotebook,
  wbParam,
  when,
  WorkbookError,
  type Item,
  type LogsContext,
  type NotebookJson,
  type QueryStepJson,
  type WorkbookDef,
} from "../../src/workbook/index.js";

// Unit tests of the model, the renderer and the structural validator, on small workbooks;
// no analyzer here (lint.test.ts and acs-call-quality.test.ts run it).

const Subscription = wbParam.subscription("Subscription", { label: "Subscription", source: { kind: "resourceGraph", query: from(argResources).project("subscriptionId"), scope: "selected" } });
const Workspace = wbParam.resource("Workspace", {
  label: "Workspace",
  resourceType: "microsoft.operationalinsights/workspaces",
  source: { kind: "resourceGraph", query: from(argResources).project("id"), scope: Subscription },
});
const TimeRange = wbParam.timeRange("TimeRange", { label: "Time range", default: DAY_MS });
const CallType = wbParam.multiSelect("CallType", { label: "Call type", choices: [{ value: "P2P" }, { value: "Group" }], defaultAll: true });
const Rtt = wbParam.threshold("RttPoorMs", p.rttPoorMs, { label: "RTT" });
const Selected = wbParam.selection("SelectedCall", { label: "Call" });
const Tab = wbParam.tab("Tab", { label: "Tab" });

const ctx: LogsContext = {
  workspace: Workspace,
  timeRange: TimeRange,
  bindings: {
    lookback: bind.since(TimeRange),
    timeBin: bind.grain(TimeRange),
    resourceIds: bind.list(CallType),
    callTypes: bind.list(CallType),
    endpointTypes: bind.list(CallType),
    sdkVersions: bind.list(CallType),
  },
};

const params = step.parameters("params", [Subscription, Workspace, TimeRange, CallType, Rtt]);
const calls = step.query("calls", {
  context: ctx,
  entry: getEntry("calls-over-time"),
  title: "Calls",
  noData: "No calls",
  show: { chart: { type: "timechart", x: "TimeBin", y: ["Calls"] } },
});

function wb(items: readonly Item[], extra: Partial<WorkbookDef> = {}): WorkbookDef {
  return { name: "test-wb", displayName: "Test", author: "tests", fallbackResourceIds: ["Azure Monitor"], galleries: [{ name: "Test", category: "Tests", resourceType: "Azure Monitor" }], items, ...extra };
}

function problemsOf(def: WorkbookDef): readonly string[] {
  try {
    renderWorkbook(def);
  } catch (err) {
    if (err instanceof WorkbookError) return err.problems;
    throw err;
  }
  return [];
}

function containsNull(v: unknown): boolean {
  if (v === null) return true;
  if (Array.isArray(v)) return v.some(containsNull);
  if (typeof v === "object") return Object.values(v as object).some(containsNull);
  return false;
}

describe("renderWorkbook", () => {
  it("renders Notebook/1.0 with bound catalog parameters, the workspace and the time context", () => {
    const r = renderWorkbook(wb([params, calls]));
    expect(r.workbook.version).toBe("Notebook/1.0");
    expect(r.workbook.fallbackResourceIds).toEqual(["Azure Monitor"]);
    const q = r.workbook.items[1] as QueryStepJson;
    expect(q.type).toBe(3);
    expect(q.content.query.split("\n").slice(0, 6)).toEqual([
      "let lookback = now() - {TimeRange:start};",
      "let resourceIds = dynamic([{CallType}]);",
      "let callTypes = dynamic([{CallType}]);",
      "let endpointTypes = dynamic([{CallType}]);",
      "let sdkVersions = dynamic([{CallType}]);",
      "let timeBin = {TimeRange:grain};",
    ]);
    expect(q.content).toMatchObject({
      queryType: 0,
      resourceType: "microsoft.operationalinsights/workspaces",
      crossComponentResources: ["{Workspace}"],
      timeContextFromParameter: "TimeRange",
      visualization: "timechart",
      noDataMessage: "No calls",
      chartSettings: { xAxis: "TimeBin", yAxis: ["Calls"] },
    });
    expect(containsNull(r.workbook)).toBe(false);
  });

  it("renders a multi-select whose All and empty selection both expand to the empty string", () => {
    const r = renderWorkbook(wb([params]));
    const step9 = r.workbook.items[0];
    if (step9?.type !== 9) throw new Error("expected a parameters step");
    const ct = step9.content.parameters.find((x) => x.name === "CallType");
    expect(ct).toMatchObject({
      type: 2,
      multiSelect: true,
      quote: "'",
      delimiter: ",",
      isRequired: false,
      typeSettings: { additionalResourceOptions: ["value::all"], selectAllValue: "" },
      defaultValue: "value::all",
      value: ["value::all"],
    });
    expect(JSON.parse(ct?.jsonData ?? "[]")).toEqual([
      { value: "P2P", label: "P2P" },
      { value: "Group", label: "Group" },
    ]);
    const rtt = step9.content.parameters.find((x) => x.name === "RttPoorMs");
    expect(rtt).toMatchObject({ type: 1, isRequired: true, value: "500" });
    const ws = step9.content.parameters.find((x) => x.name === "Workspace");
    expect(ws).toMatchObject({ type: 5, queryType: 1, crossComponentResources: ["{Subscription}"], value: "value::1" });
    // Stable, unique, UUID-shaped ids.
    const ids = step9.content.parameters.map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(renderWorkbook(wb([params])).workbook).toEqual(r.workbook);
    expect(stableUuid("a", "b")).not.toBe(stableUuid("ab"));
  });

  it("renders tabs as a tab strip plus one group per tab, and conditions without null values", () => {
    const drill = step.text("hint", "Select a call", { visibleWhen: when.unset(Selected) });
    const list = step.query("list", {
      context: ctx,
      entry: getEntry("calls-over-time"),
      title: "Calls",
      noData: "none",
      exports: { column: "TimeBin", param: Selected },
      show: { table: { formatters: [{ column: "Calls", kind: "thresholds", style: "colors", rules: [{ op: ">", threshold: Rtt, show: "redBright" }], otherwise: "green" }] } },
    });
    const detail = step.text("detail", "Call {SelectedCall}", { visibleWhen: when.set(Selected) });
    const r = renderWorkbook(wb([params, step.tabs("tabs", Tab, [{ key: "a", label: "A", items: [list, drill, detail] }, { key: "b", label: "B", items: [calls] }])]));
    const [, strip, groupA, groupB] = r.workbook.items;
    expect(strip).toMatchObject({ type: 11, content: { style: "tabs", links: [{ cellValue: "Tab", linkTarget: "parameter", subTarget: "a", linkLabel: "A" }, { subTarget: "b" }] } });
    expect(groupA).toMatchObject({ type: 12, name: "tabs-a", conditionalVisibility: { parameterName: "Tab", comparison: "isEqualTo", value: "a" } });
    expect(groupB).toMatchObject({ type: 12, name: "tabs-b" });
    const flat = flattenSteps(r.workbook.items).map((s) => s.step);
    const hint = flat.find((s) => s.name === "hint");
    expect(hint?.conditionalVisibility).toEqual({ parameterName: "SelectedCall", comparison: "isEqualTo" });
    expect(flat.find((s) => s.name === "detail")?.conditionalVisibility).toEqual({ parameterName: "SelectedCall", comparison: "isNotEqualTo" });
    const q = flat.find((s) => s.name === "list") as QueryStepJson;
    expect(q.content).toMatchObject({ exportFieldName: "TimeBin", exportParameterName: "SelectedCall" });
    const thresholds = q.content.gridSettings?.formatters?.[0];
    expect(thresholds).toMatchObject({
      columnMatch: "Calls",
      formatter: 18,
      formatOptions: {
        thresholdsOptions: "colors",
        thresholdsGrid: [
          { operator: ">", thresholdValue: "{RttPoorMs}", representation: "redBright" },
          { operator: "Default", representation: "green" },
        ],
      },
    });
    expect(containsNull(r.workbook)).toBe(false);
  });

  it("renders tiles with columnMatch and formatter on every content", () => {
    const tiles = step.query("tiles", {
      context: ctx,
      entry: getEntry("calls-over-time"),
      title: "t",
      noData: "n",
      show: { tiles: { title: "TimeBin", value: { column: "Calls", decimals: 0 }, subtitle: "TimeBin" } },
    });
    const q = renderWorkbook(wb([params, tiles])).workbook.items[1] as QueryStepJson;
    expect(q.content.tileSettings).toEqual({
      titleContent: { columnMatch: "TimeBin", formatter: 1 },
      leftContent: { columnMatch: "Calls", formatter: 12, formatOptions: { palette: "auto" }, numberFormat: { unit: 0, options: { style: "decimal", maximumFractionDigits: 0 } } },
      subtitleContent: { columnMatch: "TimeBin", formatter: 1 },
      showBorder: true,
      size: "auto",
    });
  });

  it("renders the gallery-template form around the same notebook", () => {
    const r = renderWorkbook(wb([params, calls], { galleries: [{ name: "X", category: "C", resourceType: "microsoft.communication/communicationservices" }] }));
    expect(r.gallery).toEqual({
      author: "tests",
      priority: 1,
      galleries: [{ name: "X", category: "C", order: 100, type: "workbook", resourceType: "microsoft.communication/communicationservices" }],
      templateData: r.workbook,
    });
  });
});

describe("renderWorkbook problems", () => {
  it("reports a catalog parameter the workbook does not bind, with the step name", () => {
    const partial: LogsContext = { ...ctx, bindings: { lookback: bind.since(TimeRange), resourceIds: bind.list(CallType) } };
    const problems = problemsOf(wb([params, step.query("q1", { context: partial, entry: getEntry("calls-over-time"), title: "t", noData: "n", show: { table: {} } })]));
    expect(problems).toContainEqual(expect.stringMatching(/^step 'q1': catalog entry 'calls-over-time' uses parameter 'callTypes', which the workbook does not bind/));
    expect(problems).toContainEqual(expect.stringMatching(/parameter 'timeBin'/));
  });

  it("reports a binding of the wrong Kusto type and misused keepDefaults", () => {
    const wrong: LogsContext = { ...ctx, bindings: { ...ctx.bindings, timeBin: bind.long(Rtt) } };
    const problems = problemsOf(
      wb([params, step.query("q2", { context: wrong, entry: getEntry("calls-over-time"), title: "t", noData: "n", keepDefaults: ["topN", "lookback"], show: { table: {} } })]),
    );
    expect(problems).toContainEqual("step 'q2': catalog entry 'calls-over-time' has parameter 'timeBin' of type timespan, but the workbook binds it as long (tolong({RttPoorMs}))");
    expect(problems).toContainEqual("step 'q2': keepDefaults names 'topN', which catalog entry 'calls-over-time' does not use");
    expect(problems).toContainEqual("step 'q2': keepDefaults names 'lookback', which the workbook binds; remove it from keepDefaults");
  });

  it("reports duplicate step names and parameters, and a placeholder used above its parameter", () => {
    const early = step.text("early", "Threshold {RttPoorMs}");
    const problems = problemsOf(wb([early, params, calls, step.parameters("params2", [Rtt]), step.text("calls", "dup")]));
    expect(problems).toContainEqual(expect.stringMatching(/^step name 'calls' is used twice/));
    expect(problems).toContainEqual("parameter 'RttPoorMs' is declared twice (steps 'params' and 'params2')");
    expect(problems).toContainEqual(expect.stringMatching(/^step 'early', text: placeholder \{RttPoorMs\} names no parameter .* \(it is set only further down/));
  });

  it("reports default step names and a name that is not kebab-case", () => {
    expect(problemsOf(wb([step.text("text - 2", "x")]))).toContainEqual(expect.stringMatching(/^step 'text - 2': a default name/));
    expect(problemsOf(wb([step.text("t", "x")], { name: "Bad Name" }))).toContainEqual("workbook name 'Bad Name' is not kebab-case (it is the file name)");
  });
});

describe("validateNotebook", () => {
  const base = (): NotebookJson => JSON.parse(JSON.stringify(renderWorkbook(wb([params, calls])).workbook)) as NotebookJson;

  it("passes the rendered workbook and counts its queries", () => {
    const r = validateNotebook(base());
    expect(r.errors).toEqual([]);
    expect(r.stats).toMatchObject({ steps: 2, logsQueries: 1, resourceGraphQueries: 2, parameters: 5 });
  });

  it("rejects null, hard-coded resource ids and a missing noDataMessage", () => {
    const j = base() as unknown as { items: { content: Record<string, unknown> }[] };
    const q = j.items[1]!.content;
    q["title"] = null;
    q["noDataMessage"] = "";
    q["crossComponentResources"] = ["/subscriptions/12345678-1234-1234-1234-123456789abc/resourceGroups/rg/providers/x/y/z"];
    const errors = validateNotebook(j as unknown as NotebookJson).errors;
    expect(errors).toContainEqual("$.items[1].content.title is null; leave the key out instead (the schema rejects null)");
    expect(errors).toContainEqual(expect.stringMatching(/^\$\.items\[1\]\.content\.crossComponentResources\[0\] holds a hard-coded resource id/));
    expect(errors).toContainEqual("step 'calls': no noDataMessage");
  });

  it("rejects more than 40 logs queries and warns about long queries and large JSON", () => {
    const j = base();
    const q = j.items[1] as QueryStepJson;
    const many = Array.from({ length: LIMITS.logsQueries }, (_, i) => ({ ...q, name: `q${i}`, content: { ...q.content, query: `${q.content.query}\n// ${"x".repeat(3000)}` } }));
    const r = validateNotebook({ ...j, items: [...j.items, ...many] });
    expect(r.errors).toContainEqual(`${LIMITS.logsQueries + 1} Log Analytics queries (> 40, Microsoft's KQL001: the portal throttles)`);
    expect(r.warnings).toContainEqual(expect.stringMatching(/^step 'q0': query of \d+ characters \(> 3000/));
    expect(r.warnings).toContainEqual(expect.stringMatching(/^JSON is \d+ characters \(> 100000/));
  });
});
