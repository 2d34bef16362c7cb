import { formatNumber } from "./format.js";
import type { Headline, ReportRow, ReportSection } from "./model.js";

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const pct = (v: number) => `${formatNumber(Math.round(v * 10) / 10)} %`;

/** The Insights workbook's "failed" rule: an end code that does not start with 0 or 2 (and is not empty). */
export function isFailedEndCode(code: unknown): boolean {
  const s = String(code ?? "").trim();
  return s !== "" && !s.startsWith("0") && !s.startsWith("2");
}

/**
 * The numbers at the top of the report, each read from the rows of one section that ran
 * (a section that did not run gives no headline rather than a made-up one).
 *
 * @example
 * ```ts
 * headlinesOf(sections); // [{ label: "Calls", value: "2,000", detail: "P2P 1,500 · Group 500", catalogId: "call-type-ratio" }, ...]
 * ```
 */
export function headlinesOf(sections: readonly ReportSection[]): Headline[] {
  const rowsOf = (id: string): readonly ReportRow[] | null => {
    const s = sections.find((x) => x.catalogId === id);
    return s && s.status.kind === "ok" ? s.rows : null;
  };
  const out: Headline[] = [];

  const types = rowsOf("call-type-ratio");
  if (types) {
    const total = types.reduce((a, r) => a + (num(r["Calls"]) ?? 0), 0);
    const detail = types.map((r) => `${String(r["CallType"] ?? "")} ${formatNumber(num(r["Calls"]) ?? 0)}`).join(" · ");
    out.push({ label: "Calls", value: formatNumber(total), ...(detail ? { detail } : {}), catalogId: "call-type-ratio" });
  }

  const impacted = rowsOf("impacted-calls")?.[0];
  const impactedPct = num(impacted?.["ImpactedPercent"]);
  if (impacted && impactedPct !== null) {
    out.push({
      label: "Impacted calls",
      value: pct(impactedPct),
      detail: `${formatNumber(num(impacted["ImpactedCalls"]) ?? 0)} of ${formatNumber(num(impacted["Calls"]) ?? 0)} calls with diagnostics`,
      catalogId: "impacted-calls",
    });
  }

  const all = rowsOf("stream-quality-classification")?.find((r) => r["MediaKind"] === "All");
  const poorPct = num(all?.["PoorPercent"]);
  if (all && poorPct !== null) {
    out.push({
      label: "Poor streams",
      value: pct(poorPct),
      detail: `${formatNumber(num(all["PoorStreams"]) ?? 0)} of ${formatNumber(num(all["Streams"]) ?? 0)} streams`,
      catalogId: "stream-quality-classification",
    });
  }

  const drops = rowsOf("ungraceful-drop-rate");
  const overall = num(drops?.[0]?.["overallUngracefulPct"]);
  if (drops && overall !== null) {
    const ungraceful = drops.reduce((a, r) => a + (num(r["ungraceful"]) ?? 0), 0);
    const participants = drops.reduce((a, r) => a + (num(r["participants"]) ?? 0), 0);
    out.push({
      label: "Ungraceful drops",
      value: pct(overall),
      detail: `${formatNumber(ungraceful)} of ${formatNumber(participants)} participants`,
      catalogId: "ungraceful-drop-rate",
    });
  }

  const top = rowsOf("end-reasons-with-meaning")?.find((r) => isFailedEndCode(r["EndCode"]));
  if (top) {
    out.push({
      label: "Top failure code",
      value: `${String(top["EndCode"])}/${String(top["EndSubCode"])}`,
      detail: `${formatNumber(num(top["participants"]) ?? 0)} participants: ${String(top["Meaning"] ?? "")}`,
      catalogId: "end-reasons-with-meaning",
      tone: "warn",
    });
  }
  return out;
}
