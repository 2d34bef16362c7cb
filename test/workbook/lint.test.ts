import { describe, expect, it } from "vitest";
import { getEntry } from "../../queries/index.js";
import { p } from "../../src/catalog/parameters.js";
import { from } from "../../src/kql/index.js";
import {
  argResources,
  bind,
  columnReferences,
  DAY_MS,
  lintWorkbook,
  renderWorkbook,
  REPRESENTATIVE,
  step,
  wbParam,
  type LogsContext,
  type NotebookJson,
} from "../../src/workbook/index.js";

// The lint on a two-query workbook: how placeholders are substituted in each pass, and that
// analyzer errors and dangling column references are reported with the step name.

const Subscription = wbParam.subscription("Subscription", { label: "Subscription", source: { kind: "resourceGraph", query: from(argResources).project("subscriptionId"), scope: "selected" } });
const Workspace = wbParam.resource("Workspace", {
  label: "Workspace",
  resourceType: "microsoft.operationalinsights/workspaces",
  source: { kind: "resourceGraph", query: from(argResources).where((c) => c.type.eqCi("microsoft.operationalinsights/workspaces")).project("id"), scope: Subscription },
});
const TimeRange = wbParam.timeRange("TimeRange", { label: "Time range", default: DAY_MS });
const Ids = wbParam.multiSelect("Ids", { label: "Resources", choices: [{ value: "x" }], defaultAll: true });
const Media = wbParam.multiSelect("Media", { label: "Media", choices: [{ value: "Audio" }], defaultAll: true });
const Loss = wbParam.threshold("Loss", p.packetLossPoorRatio, { label: "Loss" });
const Call = wbParam.selection("Call", { label: "Call" });

const ctx: LogsContext = {
  workspace: Workspace,
  timeRange: TimeRange,
  bindings: { lookback: bind.since(TimeRange), resourceIds: bind.list(Ids), mediaTypes: bind.list(Media), endpointTypes: bind.list(Media), correlationId: bind.string(Call) },
};

const rendered = renderWorkbook({
  name: "lint-test",
  displayName: "Lint test",
  author: "tests",
  fallbackResourceIds: ["Azure Monitor"],
  galleries: [{ name: "t", category: "t", resourceType: "Azure Monitor" }],
  items: [
    step.parameters("params", [Subscription, Workspace, TimeRange, Ids, Media, Loss]),
    step.query("ratio", {
      context: ctx,
      entry: getEntry("media-type-ratio"),
      title: "Media",
      noData: "none",
      exports: { column: "MediaType", param: Call },
      show: { chart: { type: "piechart", x: "MediaType", y: ["Streams"] } },
    }),
    step.query("call", {
      context: ctx,
      entry: getEntry("call-client-operations"),
      title: "One call",
      noData: "none",
      show: { table: { formatters: [{ column: "DurationMs", kind: "thresholds", style: "colors", rules: [{ op: ">", threshold: Loss, show: "red" }], otherwise: "green" }] } },
    }),
  ],
});

const clone = (): NotebookJson => JSON.parse(JSON.stringify(rendered.workbook)) as NotebookJson;
const report = lintWorkbook(rendered.workbook);

describe("lintWorkbook", () => {
  it("finds no problem in a correct workbook, and analyzes Resource Graph queries too", () => {
    expect(report.problems).toEqual([]);
    expect(report.queries.map((q) => `${q.step}/${q.where}/${q.queryType}`)).toEqual([
      "params/parameter Subscription/1",
      "params/parameter Workspace/1",
      "ratio/query/0",
      "call/query/0",
    ]);
  });

  it("substitutes representative values: both multi-select passes, the time range, a selected GUID", () => {
    const ratio = report.queries.find((q) => q.step === "ratio")!;
    const some = ratio.passes["some-selected"].kql;
    const none = ratio.passes["none-selected"].kql;
    expect(some).toContain(`let lookback = now() - ${REPRESENTATIVE.start};`);
    expect(some).toContain("let mediaTypes = dynamic(['a','b']);");
    expect(none).toContain("let mediaTypes = dynamic([]);");
    expect(some).not.toMatch(/\{[A-Za-z_]\w*(:[^}]*)?\}/);
    const call = report.queries.find((q) => q.step === "call")!;
    expect(call.passes["some-selected"].kql).toContain(`let correlationId = '${REPRESENTATIVE.guid}';`);
    expect(call.references).toEqual([{ column: "DurationMs", where: "gridSettings.formatters[0].columnMatch" }]);
    expect(ratio.references.map((r) => r.where)).toEqual(["chartSettings.xAxis", "chartSettings.yAxis[0]", "exportFieldName"]);
    expect(ratio.columns.map((c) => c.name)).toEqual(["MediaType", "Streams"]);
  });

  it("reports analyzer errors per pass and dangling or non-numeric column references, with step names", () => {
    const j = clone();
    const ratio = j.items[1] as unknown as { content: { query: string; chartSettings: unknown } };
    ratio.content.query = ratio.content.query.replace("summarize Streams = count()", "summarize Streams = count(), X = avg(JiterAvg)");
    ratio.content.chartSettings = { xAxis: "MediaType", yAxis: ["MediaType", "Streamz"] };
    const problems = lintWorkbook(j).problems;
    expect(problems).toContainEqual(expect.stringMatching(/^step 'ratio' \(some-selected\): KS142 at \d+:\d+: The name 'JiterAvg' does not refer/));
    expect(problems).toContainEqual(expect.stringMatching(/^step 'ratio' \(none-selected\): KS142 /));
    expect(problems).toContainEqual("step 'ratio': chartSettings.yAxis[0] names column 'MediaType' of type string; it must be numeric");
    expect(problems).toContainEqual(expect.stringMatching(/^step 'ratio': chartSettings\.yAxis\[1\] names column 'Streamz', which the query does not return \(it returns: MediaType, Streams/));
  });

  it("reports a placeholder of no parameter and a format the parameter does not have", () => {
    const j = clone();
    const call = j.items[2] as unknown as { content: { query: string } };
    call.content.query = call.content.query.replace("{Call:escape}", "{Cal:escape}").replace("{Ids}", "{Ids:start}");
    const problems = lintWorkbook(j).problems;
    expect(problems).toContainEqual("step 'call': placeholder {Cal:escape} names no parameter declared above the step");
    expect(problems).toContainEqual("step 'call': placeholder {Ids:start}: format ':start' of multi-select parameter 'Ids'");
  });

  it("collects the columns of grid, tile and chart settings", () => {
    expect(
      columnReferences({
        version: "KqlItem/1.0",
        query: "",
        size: 0,
        noDataMessage: "n",
        queryType: 0,
        resourceType: "r",
        crossComponentResources: [],
        visualization: "tiles",
        gridSettings: { formatters: [{ columnMatch: "A", formatter: 7, formatOptions: { linkColumn: "B" } }], labelSettings: [{ columnId: "C", label: "c" }], sortBy: [{ itemKey: "D", sortOrder: 1 }] },
        tileSettings: { titleContent: { columnMatch: "E", formatter: 1 }, leftContent: { columnMatch: "F", formatter: 12 }, showBorder: true, size: "auto" },
        chartSettings: { xAxis: "G", yAxis: ["H"], seriesLabelSettings: [{ seriesName: "H", label: "h" }] },
        exportFieldName: "I",
      }).map((r) => r.column),
    ).toEqual(["A", "B", "C", "D", "E", "F", "G", "H", "H", "I"]);
  });
});
