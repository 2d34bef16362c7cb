import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Testing } from "cdktf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CallInsightsStack } from "../../src/infra/call-insights-stack.js";

type Block = Record<string, unknown>;
interface TfJson {
  terraform?: { required_providers?: Record<string, { source?: string; version?: string }> };
  provider?: Record<string, unknown>;
  resource?: Record<string, Record<string, Block>>;
  output?: Record<string, { value: string }>;
}

const props = { environment: "test", location: "westeurope", dataLocation: "Europe" };

describe("CallInsightsStack synth", () => {
  let tf: TfJson;

  beforeAll(() => {
    tf = JSON.parse(Testing.synth(new CallInsightsStack(Testing.app(), "test", props))) as TfJson;
  });

  it("creates the resource group, workspace and ACS resource", () => {
    const rg = tf.resource?.azurerm_resource_group?.rg;
    expect(rg).toMatchObject({ name: "rg-acs-insights-test", location: "westeurope" });
    expect(tf.resource?.azurerm_log_analytics_workspace?.workspace).toMatchObject({
      name: "law-acs-insights-test",
      sku: "PerGB2018",
      resource_group_name: "${azurerm_resource_group.rg.name}",
    });
    expect(tf.resource?.azurerm_communication_service?.acs).toMatchObject({
      name: "acs-insights-test",
      data_location: "Europe",
      resource_group_name: "${azurerm_resource_group.rg.name}",
    });
  });

  it("sends all ACS logs to the workspace in Dedicated (resource-specific) tables", () => {
    const settings = tf.resource?.azurerm_monitor_diagnostic_setting ?? {};
    expect(Object.keys(settings)).toEqual(["acs_diagnostics"]);
    const ds = settings.acs_diagnostics!;
    expect(ds.log_analytics_destination_type).toBe("Dedicated");
    expect(ds.enabled_log).toEqual([{ category_group: "allLogs" }]);
    expect(ds.target_resource_id).toBe("${azurerm_communication_service.acs.id}");
    expect(ds.log_analytics_workspace_id).toBe("${azurerm_log_analytics_workspace.workspace.id}");
  });

  it("pins the azurerm provider to 4.55.0", () => {
    expect(tf.terraform?.required_providers?.azurerm?.version).toBe("4.55.0");
    expect(tf.provider).toHaveProperty("azurerm");
  });

  it("writes the same pin to stacks/<id>/cdk.tf.json in a full synth", () => {
    const outdir = Testing.fullSynth(new CallInsightsStack(Testing.app(), "full", props));
    try {
      const full = JSON.parse(fs.readFileSync(path.join(outdir, "stacks", "full", "cdk.tf.json"), "utf8")) as TfJson;
      expect(full.terraform?.required_providers?.azurerm?.version).toBe("4.55.0");
      expect(full.resource?.azurerm_monitor_diagnostic_setting?.acs_diagnostics?.log_analytics_destination_type).toBe(
        "Dedicated",
      );
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });
});

describe("acs-insights build (end to end, no terraform on PATH)", () => {
  let tmp = "";

  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "acs-insights-build-"));
    // PATH holds only `node`: proves build needs neither terraform nor any other tool.
    fs.mkdirSync(path.join(tmp, "bin"));
    fs.symlinkSync(process.execPath, path.join(tmp, "bin", "node"));
  });

  afterAll(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it("synthesizes the stacks, lints the queries and prints a summary", () => {
    const outdir = path.join(tmp, "out");
    // build exports the catalog into --queries; a copy keeps the committed exports untouched,
    // so that the staleness test judges what is committed, not what this test wrote.
    const queries = path.join(tmp, "queries");
    fs.cpSync("queries", queries, { recursive: true });
    // Likewise the workbooks go to a scratch directory, not over the committed ones.
    const workbooks = path.join(tmp, "workbooks");
    const sampleDir = path.join(tmp, "sample-logs");
    const sampleHtml = path.join(tmp, "report", "acs-call-report.html");
    const args = ["build", "--outdir", outdir, "--queries", queries, "--workbooks", workbooks];
    args.push("--sample-dir", sampleDir, "--sample-html", sampleHtml, "--sample-calls", "120");
    const r = spawnSync(process.execPath, [path.resolve("bin/acs-insights.cjs"), ...args], {
      cwd: process.cwd(),
      encoding: "utf8",
      env: { ...process.env, PATH: path.join(tmp, "bin") },
      timeout: 120_000,
    });
    if (r.error) throw r.error;
    expect(r.stderr).toBe("");
    expect(r.status, r.stdout).toBe(0);

    expect(fs.existsSync(path.join(outdir, "manifest.json"))).toBe(true);
    const stack = JSON.parse(
      fs.readFileSync(path.join(outdir, "stacks", "acs-insights-dev", "cdk.tf.json"), "utf8"),
    ) as TfJson;
    expect(stack.resource?.azurerm_monitor_diagnostic_setting).toHaveProperty("acs_diagnostics");

    const resources = Object.values(stack.resource ?? {}).reduce((n, byName) => n + Object.keys(byName).length, 0);
    expect(r.stdout).toContain(
      `synth  acs-insights-dev: ${resources} resources → ${path.join(outdir, "stacks", "acs-insights-dev", "cdk.tf.json")}`,
    );
    expect(r.stdout).toContain(`.kql files in ${queries}: no findings`);
    expect(r.stdout).toMatch(/^workbook .*acs-call-quality\.\{workbook,gallery\}\.json: \d+ logs queries, \d+ steps, \d+ KB \(written\)$/m);
    expect(fs.existsSync(path.join(workbooks, "acs-call-quality.workbook.json"))).toBe(true);
    expect(r.stdout).toMatch(/^done\s+synth \d+ ms, lint \d+ ms$/m);

    // The sample report: synthetic logs, the report's headlines, and its HTML file.
    const truth = JSON.parse(fs.readFileSync(path.join(sampleDir, "truth.json"), "utf8")) as { aggregates: { calls: number; impactedCalls: number } };
    expect(truth.aggregates.calls).toBe(120);
    expect(r.stdout).toContain(`sample 120 synthetic calls → ${sampleDir}`);
    expect(r.stdout).toMatch(new RegExp(`Impacted calls .* ${truth.aggregates.impactedCalls} of 120 calls`));
    expect(fs.readFileSync(sampleHtml, "utf8")).toContain("<svg");
  }, 150_000);

  it("refuses a bad --sample-calls and a sample folder it did not write, before writing anything", () => {
    const foreign = path.join(tmp, "not-ours");
    fs.mkdirSync(foreign, { recursive: true });
    fs.writeFileSync(path.join(foreign, "keep.txt"), "user data");
    const run = (...extra: string[]) =>
      spawnSync(process.execPath, [path.resolve("bin/acs-insights.cjs"), "build", "--outdir", path.join(tmp, "out2"), ...extra], {
        encoding: "utf8",
        timeout: 120_000,
      });
    const bad = run("--sample-calls", "0");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--sample-calls 0: must be a whole number from 1 to 100000");
    expect(fs.existsSync(path.join(tmp, "out2"))).toBe(false);

    const foreignRun = run("--sample-dir", foreign);
    expect(foreignRun.status).toBe(2);
    expect(foreignRun.stderr).toContain(`${foreign}: exists and was not written by acs-insights generate`);
    expect(foreignRun.stdout).toBe("");
    expect(fs.existsSync(path.join(tmp, "out2"))).toBe(false);
    expect(fs.readFileSync(path.join(foreign, "keep.txt"), "utf8")).toBe("user data");
  }, 150_000);
});
