// The azurerm provider's own validation rules (azurerm 4.55.0, the version that
// @cdktf/provider-azurerm 14.23.1 wraps) for the resources this kit creates, plus a few
// Azure service rules that only fail at apply time. Facts:
// /work/shared/reference/workbooks-and-azurerm.md §A3, §B4.
//
// Each check returns undefined when the value is fine, or one problem in the form
//   "<what is wrong> (<rule>) — <how to fix it>"
// so that the config loader (which prefixes the config path) and the constructs'
// node.addValidation (which cdktf prefixes with the construct path) report the same text.

/** `data_location` of azurerm_communication_service (case-sensitive). */
export const DATA_LOCATIONS = [
  "Africa",
  "Asia Pacific",
  "Australia",
  "Brazil",
  "Canada",
  "Europe",
  "France",
  "Germany",
  "India",
  "Japan",
  "Korea",
  "Norway",
  "Switzerland",
  "UAE",
  "UK",
  "United States",
  "usgov",
] as const;
export type DataLocation = (typeof DATA_LOCATIONS)[number];

/** azurerm_communication_service `name` (validate/communication_service_name.go). */
export const ACS_NAME = /^(([a-zA-Z])|([a-zA-Z][0-9a-zA-Z-]{0,62}[0-9a-zA-Z]))$/;
/** azurerm_log_analytics_workspace `name`, together with a length of 4–63. */
export const WORKSPACE_NAME = /^[A-Za-z0-9][A-Za-z0-9-]+[A-Za-z0-9]$/;
/** Resource group names: 1–90 of letters, digits, `_ - . ( )`, not ending in a period. */
export const RESOURCE_GROUP_NAME = /^[-\w.()]{0,89}[-\w()]$/u;

/** `sku` of azurerm_log_analytics_workspace. */
export const WORKSPACE_SKUS = ["PerGB2018", "CapacityReservation", "PerNode", "Standalone", "LACluster", "Unlimited", "Standard", "Premium"] as const;
/** SKUs the provider refuses to create or update to (CustomizeDiff). */
export const RETIRED_WORKSPACE_SKUS: readonly string[] = ["Standard", "Premium"];
/** `reservation_capacity_in_gb_per_day` values (CapacityReservation only). */
export const RESERVATION_CAPACITIES = [100, 200, 300, 400, 500, 1000, 2000, 5000, 10000, 25000, 50000] as const;

/** Lock levels (AVM `lock.kind`); None means no lock. */
export const LOCK_KINDS = ["CanNotDelete", "ReadOnly", "None"] as const;
export type LockKind = (typeof LOCK_KINDS)[number];

/** Characters azurerm_monitor_diagnostic_setting `name` must not contain. */
export const DIAGNOSTIC_NAME_FORBIDDEN = ["<", ">", "*", "%", "&", ":", "\\", "?", "+", "/"] as const;
/** Diagnostic-setting category groups an ACS resource offers. */
export const CATEGORY_GROUPS = ["allLogs", "audit"] as const;

/** `plan` of azurerm_log_analytics_workspace_table. */
export const TABLE_PLANS = ["Analytics", "Basic"] as const;
export type TablePlan = (typeof TABLE_PLANS)[number];
/** `total_retention_in_days` values above 730 (long-term retention). */
export const LONG_TERM_RETENTION = [1095, 1460, 1826, 2191, 2556, 2922, 3288, 3653, 4018, 4383] as const;

/**
 * ACS tables that accept the Basic plan (reference acs-call-logs.md §2, "Basic plan: Yes"
 * on the latest supported-logs pages). A table missing here stays on Analytics.
 */
export const BASIC_PLAN_TABLES: ReadonlySet<string> = new Set([
  "ACSAdvancedMessagingOperations",
  "ACSCallAutomationIncomingOperations",
  "ACSCallAutomationMediaSummary",
  "ACSCallClientMediaStatsTimeSeries",
  "ACSCallClientOperations",
  "ACSCallClientServiceRequestAndOutcome",
  "ACSCallDiagnostics",
  "ACSCallDiagnosticsUpdates",
  "ACSCallingMetrics",
  "ACSCallRecordingIncomingOperations",
  "ACSCallRecordingSummary",
  "ACSCallSummary",
  "ACSCallSummaryUpdates",
  "ACSRoomsIncomingOperations",
]);

/** `evaluation_frequency` of azurerm_monitor_scheduled_query_rules_alert_v2. */
export const ALERT_FREQUENCIES = ["PT1M", "PT5M", "PT10M", "PT15M", "PT30M", "PT45M", "PT1H", "PT2H", "PT3H", "PT4H", "PT5H", "PT6H", "P1D"] as const;
/** `window_duration`: the frequencies plus P2D. */
export const ALERT_WINDOWS = [...ALERT_FREQUENCIES, "P2D"] as const;
/** `mute_actions_after_alert_duration`. */
export const ALERT_MUTE_DURATIONS = ["PT5M", "PT10M", "PT15M", "PT30M", "PT45M", "PT1H", "PT2H", "PT3H", "PT4H", "PT5H", "PT6H", "P1D", "P2D"] as const;
/** `criteria.operator`. */
export const ALERT_OPERATORS = ["Equal", "GreaterThan", "GreaterThanOrEqual", "LessThan", "LessThanOrEqual"] as const;
/** `criteria.time_aggregation_method`. */
export const ALERT_AGGREGATIONS = ["Count", "Average", "Minimum", "Maximum", "Total"] as const;
export type AlertFrequency = (typeof ALERT_FREQUENCIES)[number];
export type AlertWindow = (typeof ALERT_WINDOWS)[number];
export type AlertMuteDuration = (typeof ALERT_MUTE_DURATIONS)[number];
export type AlertOperator = (typeof ALERT_OPERATORS)[number];
export type AlertAggregation = (typeof ALERT_AGGREGATIONS)[number];

/** `categories` of azurerm_log_analytics_query_pack_query. */
export const QUERY_PACK_CATEGORIES = [
  "applications",
  "audit",
  "container",
  "databases",
  "desktopanalytics",
  "management",
  "monitor",
  "network",
  "resources",
  "security",
  "virtualmachines",
  "windowsvirtualdesktop",
  "workloads",
] as const;
export type QueryPackCategory = (typeof QUERY_PACK_CATEGORIES)[number];

/** Role assignment `principal_type`. */
export const PRINCIPAL_TYPES = ["User", "Group", "ServicePrincipal", "ForeignGroup", "Device"] as const;

/** Characters an Azure tag name must not contain. */
export const TAG_NAME_FORBIDDEN = ["<", ">", "%", "&", "\\", "?", "/"] as const;
/** A tag azurerm_application_insights_workbook rejects (the service adds it itself). */
export const WORKBOOK_RESERVED_TAG = "hidden-title";

export const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

const list = (values: readonly (string | number)[]) => values.map((v) => (typeof v === "string" ? `"${v}"` : String(v))).join(", ");
const q = (v: unknown) => JSON.stringify(v);

/** The closest candidate by edit distance, for "did you mean" hints (undefined when nothing is close). */
export function closest(value: string, candidates: readonly string[]): string | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/[\s_-]/g, "");
  const exact = candidates.find((c) => norm(c) === norm(value));
  if (exact) return exact;
  // A truncated or extended spelling ("retention" for "retentionInDays", "Greater" for "GreaterThan", "Delete" for "CanNotDelete").
  const v = norm(value);
  const partial = v.length >= 4 ? candidates.filter((c) => norm(c).startsWith(v) || norm(c).endsWith(v) || v.startsWith(norm(c))) : [];
  const shortest = [...partial].sort((a, b) => a.length - b.length);
  if (shortest[0] && shortest[0].length !== shortest[1]?.length) return shortest[0];
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(norm(value), norm(c));
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(value.length / 4)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/** `one of …` with a "did you mean" when one candidate is close. */
export function oneOf(value: unknown, candidates: readonly string[], rule: string): string | undefined {
  if (typeof value === "string" && candidates.includes(value)) return undefined;
  const hint = typeof value === "string" ? closest(value, candidates) : undefined;
  return `${q(value)} is not allowed (${rule}: one of ${list(candidates)}) — ${hint ? `did you mean "${hint}"?` : "use one of the listed values"}`;
}

export function checkDataLocation(value: string): string | undefined {
  return oneOf(value, DATA_LOCATIONS, "azurerm_communication_service data_location, case-sensitive");
}

export function checkAcsName(value: string): string | undefined {
  if (ACS_NAME.test(value)) return undefined;
  return (
    `${q(value)} is not a valid Communication Services name (azurerm_communication_service name: 1–64 characters, ` +
    "letters, digits and hyphens, starting with a letter and not ending with a hyphen) — rename it, e.g. \"acs-calls-dev\""
  );
}

export function checkWorkspaceName(value: string): string | undefined {
  if (value.length >= 4 && value.length <= 63 && WORKSPACE_NAME.test(value)) return undefined;
  return (
    `${q(value)} is not a valid Log Analytics workspace name (azurerm_log_analytics_workspace name: 4–63 characters, ` +
    "letters, digits and hyphens, starting and ending with a letter or digit) — rename it, e.g. \"law-acs-calls-dev\""
  );
}

export function checkResourceGroupName(value: string): string | undefined {
  if (value.length >= 1 && value.length <= 90 && RESOURCE_GROUP_NAME.test(value)) return undefined;
  return (
    `${q(value)} is not a valid resource group name (1–90 characters: letters, digits, "_", "-", ".", "(", ")", ` +
    "not ending with a period) — rename it, e.g. \"rg-acs-calls-dev\""
  );
}

export function checkWorkspaceSku(value: string): string | undefined {
  if (RETIRED_WORKSPACE_SKUS.includes(value)) {
    return `sku ${q(value)} is retired (azurerm_log_analytics_workspace refuses to create or update to Standard or Premium) — use "PerGB2018"`;
  }
  return oneOf(value, WORKSPACE_SKUS.filter((s) => !RETIRED_WORKSPACE_SKUS.includes(s)), "azurerm_log_analytics_workspace sku");
}

export function checkWorkspaceRetention(days: number): string | undefined {
  if (Number.isInteger(days) && days >= 30 && days <= 730) return undefined;
  return `${days} days is outside 30–730 (azurerm_log_analytics_workspace retention_in_days) — use a whole number of days from 30 to 730 (the default is 90)`;
}

export function checkDailyQuota(gb: number): string | undefined {
  if (gb === -1 || (Number.isFinite(gb) && gb > 0)) return undefined;
  if (gb === 0) return "0 GB would stop all ingestion (azurerm_log_analytics_workspace daily_quota_gb: -1 = no cap, else > 0) — use -1 for no cap or a positive number of GB";
  return `${gb} GB is below the minimum (azurerm_log_analytics_workspace daily_quota_gb ≥ -1, where -1 = no cap) — use -1 for no cap or a positive number of GB`;
}

export function checkReservation(sku: string, capacity: number | undefined): string | undefined {
  if (sku === "CapacityReservation") {
    if (capacity === undefined) {
      return `sku "CapacityReservation" needs reservationCapacityGbPerDay (azurerm_log_analytics_workspace reservation_capacity_in_gb_per_day) — set one of ${list(RESERVATION_CAPACITIES)}`;
    }
    if (!(RESERVATION_CAPACITIES as readonly number[]).includes(capacity)) {
      return `${capacity} GB/day is not a reservation tier (azurerm_log_analytics_workspace reservation_capacity_in_gb_per_day: one of ${list(RESERVATION_CAPACITIES)}) — pick one of those tiers`;
    }
    return undefined;
  }
  if (capacity !== undefined) {
    return `reservationCapacityGbPerDay is set but sku is ${q(sku)} (reservation_capacity_in_gb_per_day applies to sku CapacityReservation only) — remove it, or set sku to "CapacityReservation"`;
  }
  return undefined;
}

export function checkDiagnosticSettingName(value: string): string | undefined {
  const bad = DIAGNOSTIC_NAME_FORBIDDEN.filter((c) => value.includes(c));
  if (value.length < 1 || value.length > 260 || bad.length > 0) {
    return (
      `${q(value)} is not a valid diagnostic setting name (azurerm_monitor_diagnostic_setting name: 1–260 characters, none of ` +
      `${DIAGNOSTIC_NAME_FORBIDDEN.join(" ")}) — rename it, e.g. "acs-call-logs-to-workspace"`
    );
  }
  if (value.toLowerCase() === "service") {
    return `"service" is reserved (a diagnostic setting named service cannot be fully deleted) — pick another name`;
  }
  return undefined;
}

export function checkLockName(value: string): string | undefined {
  if (/^[A-Za-z0-9_-]{1,259}$/.test(value)) return undefined;
  return `${q(value)} is not a valid lock name (azurerm_management_lock name: 1–259 letters, digits, "-" and "_") — rename it, e.g. "do-not-delete"`;
}

/** Table plan and retention (azurerm_log_analytics_workspace_table). */
export function checkTable(
  table: string,
  plan: string,
  retentionInDays: number | undefined,
  totalRetentionInDays: number | undefined,
): string[] {
  const problems: string[] = [];
  const planProblem = oneOf(plan, TABLE_PLANS, "azurerm_log_analytics_workspace_table plan");
  if (planProblem) problems.push(planProblem);
  if (plan === "Basic" && !BASIC_PLAN_TABLES.has(table)) {
    problems.push(`${table} does not support the Basic plan (Azure Monitor lists Basic only for some ACS tables) — use plan "Analytics" or drop this table entry`);
  }
  if (retentionInDays !== undefined) {
    if (plan === "Basic" && retentionInDays !== 30) {
      problems.push(`retentionInDays ${retentionInDays} with plan Basic (azurerm_log_analytics_workspace_table: with Basic, retention_in_days must be unset or 30) — remove retentionInDays; set totalRetentionInDays for how long to keep the data`);
    } else if (!Number.isInteger(retentionInDays) || retentionInDays < 4 || retentionInDays > 730) {
      problems.push(`retentionInDays ${retentionInDays} is outside 4–730 (azurerm_log_analytics_workspace_table retention_in_days) — use a whole number of days from 4 to 730`);
    }
  }
  if (totalRetentionInDays !== undefined) {
    const ok =
      (Number.isInteger(totalRetentionInDays) && totalRetentionInDays >= 4 && totalRetentionInDays <= 730) ||
      (LONG_TERM_RETENTION as readonly number[]).includes(totalRetentionInDays);
    if (!ok) {
      problems.push(`totalRetentionInDays ${totalRetentionInDays} is not allowed (azurerm_log_analytics_workspace_table total_retention_in_days: 4–730 or one of ${list(LONG_TERM_RETENTION)}) — pick a value from those`);
    } else if (retentionInDays !== undefined && totalRetentionInDays < retentionInDays) {
      problems.push(`totalRetentionInDays ${totalRetentionInDays} is shorter than retentionInDays ${retentionInDays} (total retention includes the interactive retention) — raise totalRetentionInDays to at least ${retentionInDays}`);
    }
  }
  return problems;
}

/** Minutes of an ISO 8601 duration from the alert enums (PT5M, PT1H, P1D, P2D). */
export function durationMinutes(iso: string): number {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(iso);
  if (!m || iso === "P" || iso.endsWith("T")) throw new Error(`not an ISO 8601 duration: ${iso}`);
  return Number(m[1] ?? 0) * 1440 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
}

/** The KQL timespan literal of an ISO 8601 duration from the alert enums: PT15M → 15m, PT1H → 1h, P2D → 2d. */
export function kqlTimespan(iso: string): string {
  const min = durationMinutes(iso);
  if (min % 1440 === 0) return `${min / 1440}d`;
  if (min % 60 === 0) return `${min / 60}h`;
  return `${min}m`;
}

/** Timing of one scheduled query rule. */
export interface AlertTiming {
  readonly frequency: string;
  readonly window: string;
  readonly muteActionsFor?: string | undefined;
  readonly autoMitigate: boolean;
}

/**
 * azurerm_monitor_scheduled_query_rules_alert_v2 timing rules: the enums, the window range
 * allowed for a frequency, frequency ≤ window (one evaluation period: a longer gap skips
 * data), window ≤ 48 h, and mute duration vs auto-mitigation. Keys of the result are the
 * field each problem is about.
 */
export function checkAlertTiming(t: AlertTiming): { field: "frequency" | "window" | "muteActionsFor"; problem: string }[] {
  const out: { field: "frequency" | "window" | "muteActionsFor"; problem: string }[] = [];
  const freqProblem = oneOf(t.frequency, ALERT_FREQUENCIES, "scheduled_query_rules_alert_v2 evaluation_frequency");
  const winProblem = oneOf(t.window, ALERT_WINDOWS, "scheduled_query_rules_alert_v2 window_duration");
  if (freqProblem) out.push({ field: "frequency", problem: freqProblem });
  if (winProblem) out.push({ field: "window", problem: winProblem });
  const muteProblem =
    t.muteActionsFor === undefined ? undefined : oneOf(t.muteActionsFor, ALERT_MUTE_DURATIONS, "scheduled_query_rules_alert_v2 mute_actions_after_alert_duration");
  if (muteProblem) out.push({ field: "muteActionsFor", problem: muteProblem });
  if (freqProblem || winProblem) return out;
  const f = durationMinutes(t.frequency);
  const w = durationMinutes(t.window);
  if (t.frequency === "PT1M" && w > 360) {
    out.push({ field: "window", problem: `window ${t.window} with frequency PT1M (with a 1-minute frequency the window must be PT1M to PT6H) — shorten the window to PT6H or less, or evaluate less often` });
  } else if (t.frequency !== "PT1M" && w < 5) {
    out.push({ field: "window", problem: `window ${t.window} with frequency ${t.frequency} (unless the frequency is PT1M the window must be PT5M to P2D) — use a window of PT5M or more` });
  } else if (f > w) {
    out.push({
      field: "frequency",
      problem: `evaluating every ${t.frequency} over a ${t.window} window leaves ${f - w} minutes of every period unchecked (the frequency must not exceed the window) — evaluate at least every ${t.window}, or widen the window to ${t.frequency}`,
    });
  }
  if (t.muteActionsFor !== undefined && !muteProblem) {
    if (t.autoMitigate) {
      out.push({ field: "muteActionsFor", problem: "muteActionsFor is set while autoMitigate is true (auto mitigation must be disabled when a mute duration is set) — set autoMitigate to false, or remove muteActionsFor" });
    }
    if (durationMinutes(t.muteActionsFor) < f) {
      out.push({ field: "muteActionsFor", problem: `muting for ${t.muteActionsFor} is shorter than the ${t.frequency} frequency (the frequency must not exceed the mute duration) — mute for ${t.frequency} or longer` });
    }
  }
  return out;
}

export function checkSeverity(value: number): string | undefined {
  if (Number.isInteger(value) && value >= 0 && value <= 4) return undefined;
  return `${value} is outside 0–4 (scheduled_query_rules_alert_v2 severity: 0 critical … 4 verbose) — use a whole number from 0 to 4`;
}

export function checkActionGroupShortName(value: string): string | undefined {
  if (value.length >= 1 && value.length <= 12) return undefined;
  return `${q(value)} has ${value.length} characters (azurerm_monitor_action_group short_name: 1–12, shown in SMS and e-mail) — shorten it, e.g. "acs-dev"`;
}

/** Tag names and values (Azure Resource Manager rules). */
export function checkTag(name: string, value: string): string | undefined {
  const bad = TAG_NAME_FORBIDDEN.filter((c) => name.includes(c));
  if (name.length < 1 || name.length > 512 || bad.length > 0) {
    return `tag name ${q(name)} is not allowed (Azure tag names: 1–512 characters, none of ${TAG_NAME_FORBIDDEN.join(" ")}) — rename the tag`;
  }
  if (name.toLowerCase() === WORKBOOK_RESERVED_TAG) {
    return `tag name "${WORKBOOK_RESERVED_TAG}" is reserved (azurerm_application_insights_workbook rejects it; the service sets it) — remove this tag`;
  }
  if (value.length > 256) return `tag ${q(name)} has a ${value.length}-character value (Azure tag values: at most 256 characters) — shorten it`;
  return undefined;
}

/** A lower-case UUID, as azurerm_application_insights_workbook requires for its name. */
export function checkWorkbookName(value: string): string | undefined {
  if (GUID.test(value) && value === value.toLowerCase()) return undefined;
  return `${q(value)} is not a lower-case UUID (azurerm_application_insights_workbook name: IsUUID and no upper-case letters) — derive it with stableUuid()`;
}
