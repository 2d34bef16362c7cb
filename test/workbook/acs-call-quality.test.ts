import * as fs from "node:fs";
import * as path from "node:path";
import Ajv, { type ValidateFunction } from "ajv";
import { beforeAll, describe, expect, it } from "vitest";
import { catalog } from "../../queries/index.js";
import { p } from "../../src/catalog/parameters.js";
import {
  flattenSteps,
  LIMITS,
  lintWorkbook,
  renderWorkbookFiles,
  workbookFiles,
  type Item,
  type NotebookJson,
  type QueryItem,
  type QueryStepJson,
  type WorkbookLintReport,
  validateNotebook,
} from "../../src/workbook/index.js";
import { acsCallQuality, workbooks } from "../../workbooks/index.js";
import { workbookEntries } from "../../workbooks/entries.js";

// The shipped workbook: committed JSON up to date, valid against Microsoft's schema, every
// query clean in the Kusto analyzer with representative parameter values, every column a
// visualization names returned by its query, inside the portal's limits, and the shape the
// issue asks for (tabs, shared parameters, drill-down).

const ROOT = path.resolve(__dirname, "../..");
const WORKBOOKS = path.join(ROOT, "workbooks");
const SCHEMA = path.resolve(ROOT, "../shared/schemas/workbook.schema.json");

const files = workbookFiles(WORKBOOKS, acsCallQuality.name);
const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(file, "utf8")) as T;
const committed = readJson<NotebookJson>(files.workbook);
const committedGallery = readJson<{ templateData: NotebookJson; galleries: unknown[] }>(files.gallery);
const steps = flattenSteps(committed.items).map((s) => s.step);
const stepNamed = (name: string) => {
  const s = steps.find((x) => x.name === name);
  if (!s) throw new Error(`no step '${name}'`);
  return s;
};
const queryStep = (name: string) => stepNamed(name) as QueryStepJson;

function queryItems(items: readonly Item[]): QueryItem[] {
  return items.flatMap((i) =>
    i.kind === "query" ? [i] : i.kind === "group" ? queryItems(i.items) : i.kind === "tabs" ? i.tabs.flatMap((t) => queryItems(t.items)) : [],
  );
}

let lint: WorkbookLintReport;
let lintMs = 0;

beforeAll(() => {
  const t0 = performance.now();
  lint = lintWorkbook(committed);
  lintMs = performance.now() - t0;
});

describe("workbooks/acs-call-quality.*.json", () => {
  it("are up to date with the workbook definition (run npm run workbooks)", () => {
    const { files: rendered } = renderWorkbookFiles(WORKBOOKS, workbooks);
    const stale = [...rendered].filter(([file, content]) => !fs.existsSync(file) || fs.readFileSync(file, "utf8") !== content).map(([file]) => path.relative(ROOT, file));
    expect(stale, `${stale.join(", ")} out of date: run npm run workbooks`).toEqual([]);
  });

  it("validate against the official workbook schema (ajv, draft-07), every array element included", (ctx) => {
    if (!fs.existsSync(SCHEMA)) {
      console.warn(`\n!!! SKIPPED: ${SCHEMA} is absent, so the workbooks were NOT validated against Microsoft's schema !!!\n`);
      ctx.skip();
      return;
    }
    const schema = readJson<{ $id: string }>(SCHEMA);
    // The schema marks localizable strings with a custom `tags` keyword, and writes some
    // `items` in the tuple form, which draft-07 applies to the first element only.
    const ajv = new Ajv({ allErrors: true, strictTuples: false, allowUnionTypes: true });
    ajv.addKeyword("tags");
    const validate = ajv.compile(schema);
    const def = (name: string) => ajv.getSchema(`${schema.$id}#/definitions/${name}`) as ValidateFunction;
    const check = (label: string, v: ValidateFunction, data: unknown) => {
      const ok = v(data);
      return ok ? [] : (v.errors ?? []).map((e) => `${label}${e.instancePath} ${e.message}`);
    };
    const errors = [...check("workbook", validate, committed), ...check("gallery.templateData", validate, committedGallery.templateData)];
    // Every element of the tuple-form arrays, against the definition the tuple names.
    for (const s of steps) {
      if (s.type === 9) s.content.parameters.forEach((x, i) => errors.push(...check(`${s.name}.parameters[${i}]`, def("parameterItem"), x)));
      if (s.type === 11) s.content.links.forEach((x, i) => errors.push(...check(`${s.name}.links[${i}]`, def("linkItem"), x)));
      if (s.type === 3) {
        const c = s.content;
        c.gridSettings?.formatters?.forEach((x, i) => errors.push(...check(`${s.name}.formatters[${i}]`, def("formattingRule"), x)));
        c.gridSettings?.labelSettings?.forEach((x, i) => errors.push(...check(`${s.name}.labelSettings[${i}]`, def("gridLabelSettings"), x)));
        c.chartSettings?.seriesLabelSettings?.forEach((x, i) => errors.push(...check(`${s.name}.seriesLabelSettings[${i}]`, def("seriesLabelSettings"), x)));
        c.chartSettings?.yAxis?.forEach((y, i) => typeof y !== "string" && errors.push(`${s.name}.yAxis[${i}] is not a string`));
      }
    }
    expect(errors).toEqual([]);
    // And the validator does reject what the schema forbids.
    expect(validate({ ...committed, items: [{ type: 1, name: "x", content: { json: "x" }, conditionalVisibility: { parameterName: "p", comparison: "isEqualTo", value: null } }] })).toBe(false);
  });

  it("have zero Kusto analyzer errors in every query, with every visualization column returned by its query", () => {
    expect(lint.problems).toEqual([]);
    const logsQueries = lint.queries.filter((q) => q.queryType === 0);
    expect(logsQueries.length).toBe(validateNotebook(committed).stats.logsQueries);
    expect(lint.queries.filter((q) => q.queryType === 1).length).toBe(3);
    // Both passes ran for every query, and the multi-selects really differ between them.
    for (const q of lint.queries) expect(q.passes["none-selected"].result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const kpis = lint.queries.find((q) => q.step === "overview-kpis")!;
    expect(kpis.passes["some-selected"].kql).toContain("let callTypes = dynamic(['a','b']);");
    expect(kpis.passes["none-selected"].kql).toContain("let callTypes = dynamic([]);");
    // Every query step names at least one column, so the reference check is never vacuous.
    const withoutRefs = lint.queries.filter((q) => q.where === "query" && q.references.length === 0).map((q) => q.step);
    expect(withoutRefs).toEqual([]);
    expect(lint.queries.reduce((n, q) => n + q.references.length, 0)).toBeGreaterThan(100);
    console.log(`workbook lint: ${lint.queries.length} queries, ${lint.analyses} analyses in ${Math.round(lintMs)} ms`);
  });

  it("stay inside the portal's limits and Microsoft's template rules", () => {
    const logs = steps.filter((s) => s.type === 3 && s.content.queryType === 0).length +
      steps.flatMap((s) => (s.type === 9 ? s.content.parameters : [])).filter((x) => x.query !== undefined && x.queryType === 0).length;
    expect(logs).toBeLessThanOrEqual(LIMITS.logsQueries);
    expect(JSON.stringify(committed, null, 2).length).toBeLessThan(LIMITS.maxChars);
    const nulls: string[] = [];
    const walk = (v: unknown, at: string): void => {
      if (v === null) nulls.push(at);
      else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${at}[${i}]`));
      else if (typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, `${at}.${k}`);
    };
    walk(committed, "workbook");
    walk(committedGallery, "gallery");
    expect(nulls).toEqual([]);
    const text = fs.readFileSync(files.workbook, "utf8") + fs.readFileSync(files.gallery, "utf8");
    expect(/\/subscriptions\/[0-9a-f]{8}-/i.test(text)).toBe(false);
    expect(text.includes("fromTemplateId")).toBe(false);
    for (const s of steps) {
      if (s.type !== 3) continue;
      expect(s.content.noDataMessage, s.name).not.toBe("");
      expect(s.content, s.name).toMatchObject({ timeContextFromParameter: "TimeRange", crossComponentResources: ["{Workspace}"], resourceType: "microsoft.operationalinsights/workspaces" });
    }
    expect(committed.fallbackResourceIds).toEqual(["Azure Monitor"]);
    expect(committedGallery.templateData).toEqual(committed);
    expect(committedGallery.galleries).toHaveLength(3);
  });

  it("has the nine tabs and one shared parameter set", () => {
    const strip = stepNamed("tabs");
    if (strip.type !== 11) throw new Error("tabs is not a links step");
    expect(strip.content.links.map((l) => l.linkLabel)).toEqual(["Overview", "Volume", "Quality", "Errors", "Call details", "Reliability", "User Facing Diagnostics", "Performance", "Survey"]);
    const params = steps.flatMap((s) => (s.type === 9 ? s.content.parameters.map((x) => x.name) : []));
    expect(params).toEqual([
      "ContextResource", "ContextAcs", "DefaultSubscription", "Subscription", "Workspace", "TimeRange", "AcsResources",
      "CallType", "EndpointType", "MediaType", "OsName", "SdkVersion",
      "RttPoorMs", "JitterPoorMs", "PacketLossPoorRatio", "JitterBufferPoorMs", "HealedRatioPoor", "VideoFrameRatePoorFps",
      "ScreenFrameRatePoorFps", "VideoResolutionPoorPx", "ScreenResolutionPoorPx", "VideoFreezePoorMs", "ScreenFreezePoorMs", "VideoBitratePoorBps",
      "CallAgentInitP95Ms", "HandleIncomingCallP95Ms", "AcceptIncomingCallP95Ms", "JoinP95Ms", "StartCallP95Ms", "StartVideoP95Ms", "StopVideoP95Ms", "LatencyBucketMs",
    ]);
    // The latency targets start at the catalog's (Microsoft's) defaults and are bound in the latency query.
    const latency = stepNamed("latency-parameters");
    if (latency.type !== 9) throw new Error("not a parameters step");
    expect(latency.content.parameters.find((x) => x.name === "JoinP95Ms")?.value).toBe(String((p.joinP95Ms.node as { default: { value: bigint } }).default.value));
    const latencyKql = queryStep("performance-api-latency").content.query;
    for (const [catalogName, wbName] of [["callAgentInitP95Ms", "CallAgentInitP95Ms"], ["joinP95Ms", "JoinP95Ms"], ["stopVideoP95Ms", "StopVideoP95Ms"]]) {
      expect(latencyKql).toContain(`let ${catalogName} = tolong({${wbName}});`);
    }
    // The thresholds start at the catalog's defaults.
    const thresholds = stepNamed("threshold-parameters");
    if (thresholds.type !== 9) throw new Error("not a parameters step");
    const rtt = thresholds.content.parameters.find((x) => x.name === "RttPoorMs");
    const loss = thresholds.content.parameters.find((x) => x.name === "PacketLossPoorRatio");
    expect([rtt?.value, loss?.value]).toEqual([String((p.rttPoorMs.node as { default: { value: bigint } }).default.value), "0.1"]);
    // No filter is duplicated per tab: every parameter is declared once, above the tabs.
    expect(new Set(params).size).toBe(params.length);
    expect(committed.items.findIndex((s) => s.name === "threshold-parameters")).toBeLessThan(committed.items.findIndex((s) => s.name === "tabs"));
  });

  it("drills from a call into its participants and then into their streams, with the poor values highlighted", () => {
    expect(queryStep("details-calls").content).toMatchObject({ exportFieldName: "CorrelationId", exportParameterName: "SelectedCall" });
    expect(stepNamed("details-call").conditionalVisibility).toEqual({ parameterName: "SelectedCall", comparison: "isNotEqualTo" });
    expect(queryStep("details-participants").content).toMatchObject({ exportFieldName: "ParticipantKey", exportParameterName: "SelectedParticipant" });
    expect(queryStep("details-participants").content.query).toContain("let correlationId = '{SelectedCall:escape}';");
    const streams = queryStep("details-streams");
    expect(streams.conditionalVisibility).toEqual({ parameterName: "SelectedParticipant", comparison: "isNotEqualTo" });
    expect(streams.content.query).toContain("let participantKey = '{SelectedParticipant:escape}';");
    const highlighted = (streams.content.gridSettings?.formatters ?? [])
      .filter((f) => f.formatter === 18)
      .map((f) => `${f.columnMatch}>${(f.formatOptions?.["thresholdsGrid"] as { thresholdValue?: string }[])[0]?.thresholdValue}`);
    expect(highlighted).toEqual([
      "RoundTripTimeAvg>{RttPoorMs}",
      "RoundTripTimeMax>{RttPoorMs}",
      "JitterAvg>{JitterPoorMs}",
      "JitterMax>{JitterPoorMs}",
      "PacketLossRateAvg>{PacketLossPoorRatio}",
      "PacketLossRateMax>{PacketLossPoorRatio}",
    ]);
  });

  it("drills from a reliability scenario into its failure subcodes, and gives a selected call its UFD timeline and survey", () => {
    expect(queryStep("reliability-summary").content).toMatchObject({ exportFieldName: "Scenario", exportParameterName: "SelectedScenario" });
    for (const name of ["reliability-subcodes", "reliability-client-subcodes"]) {
      expect(queryStep(name).content.query, name).toContain("let scenario = '{SelectedScenario:escape}';");
    }
    for (const name of ["details-ufd-timeline", "details-survey"]) {
      expect(queryStep(name).content.query, name).toContain("let correlationId = '{SelectedCall:escape}';");
    }
    const group = stepNamed("details-call");
    if (group.type !== 12) throw new Error("details-call is not a group");
    expect(group.content.items.map((i) => i.name)).toEqual(expect.arrayContaining(["details-ufd-timeline", "details-survey"]));
  });

  it("uses catalog entries (and the workbook's own) for every query step, all listed in workbooks/README.md", () => {
    const ids = queryItems(acsCallQuality.items).map((q) => q.entry.id);
    const known = new Set([...catalog, ...workbookEntries].map((e) => e.id));
    expect(ids.filter((id) => !known.has(id))).toEqual([]);
    const readme = fs.readFileSync(path.join(WORKBOOKS, "README.md"), "utf8");
    expect([...new Set(ids)].filter((id) => !readme.includes(`\`${id}\``))).toEqual([]);
    expect(readme).toContain("Workbooks → New → Advanced editor");
    // The feature table compares with Microsoft's workbook point by point.
    expect(readme).toMatch(/\| *Feature *\| *Microsoft Voice & Video Insights *\| *acs-call-quality *\|/);
  });
});
