import type { CatalogJsonQuery } from "../catalog/export/catalog-json.js";
import type { AlertRuleSpec } from "./alerts.js";
import { bindParameters } from "./content.js";
import { kqlTimespan, type AlertAggregation, type AlertFrequency, type AlertMuteDuration, type AlertOperator, type AlertWindow } from "./rules.js";

/** Settings of one alert rule, as the config gives them (after defaults). */
export interface AlertSettings {
  readonly enabled: boolean;
  readonly threshold: number;
  readonly operator: AlertOperator;
  readonly severity: number;
  readonly frequency: AlertFrequency;
  readonly window: AlertWindow;
  readonly muteActionsFor?: AlertMuteDuration | undefined;
  readonly autoMitigate?: boolean | undefined;
}

/** One alert the kit offers: a catalog query, the numeric column it alerts on, and defaults. */
export interface AlertKind {
  /** Rule id (kebab-case); the rule is named `<prefix>-<environment>-<id>`. */
  readonly id: string;
  readonly title: string;
  /** Catalog entry id whose KQL the rule runs. */
  readonly source: string;
  /** Numeric result column the threshold applies to (a percentage, 0–100). */
  readonly measureColumn: string;
  /**
   * How the rows of one evaluation combine. Maximum for the queries that return one value for
   * the whole window; Minimum for the per-group queries, so the worst group (lowest rate) is
   * the one compared. @default "Maximum"
   */
  readonly aggregation?: AlertAggregation;
  /** Catalog parameters bound for a rule window, as KQL literal text: the window replaces the lookback. */
  readonly parameters: (window: AlertWindow) => Readonly<Record<string, string>>;
  readonly defaults: Omit<AlertSettings, "enabled">;
  /** What the measure is, for the rule description. */
  readonly measures: string;
}

/**
 * The kit's alerts. The first three source queries return one value for the whole window
 * (the same on every row), so those rules aggregate with Maximum; the SDK API and UFD rules
 * run per-scenario / per-UFD queries and aggregate with Minimum, so they fire when the worst
 * scenario or UFD is below the threshold. All use one evaluation period.
 */
export const ALERT_KINDS = {
  poorStreamRatio: {
    id: "poor-stream-ratio",
    title: "ACS calls: poor-quality media streams",
    source: "impacted-calls",
    measureColumn: "PoorStreamPercent",
    parameters: (window) => ({ lookback: kqlTimespan(window) }),
    defaults: { threshold: 10, operator: "GreaterThan", severity: 2, frequency: "PT15M", window: "PT1H" },
    measures: "the percentage of media streams that broke one of Microsoft's quality thresholds (RTT, jitter, packet loss, ...)",
  },
  ungracefulDropRate: {
    id: "ungraceful-drop-rate",
    title: "ACS calls: ungraceful drops",
    source: "ungraceful-drop-rate",
    measureColumn: "overallUngracefulPct",
    parameters: (window) => ({ lookback: kqlTimespan(window), timeBin: kqlTimespan(window) }),
    defaults: { threshold: 5, operator: "GreaterThan", severity: 1, frequency: "PT15M", window: "PT1H" },
    measures: "the percentage of participants whose call ended with an Unexpected* result category",
  },
  callSetupFailureRate: {
    id: "call-setup-failure-rate",
    title: "ACS calls: call-setup failures",
    source: "call-setup-failure-rate",
    measureColumn: "SetupFailurePct",
    parameters: (window) => ({ lookback: kqlTimespan(window) }),
    defaults: { threshold: 5, operator: "GreaterThan", severity: 1, frequency: "PT15M", window: "PT1H" },
    measures: "the percentage of StartCall, Join and AcceptIncomingCall operations that failed for a reason other than an expected one",
  },
  sdkApiSuccessRate: {
    id: "sdk-api-success-rate",
    title: "ACS calls: Calling SDK API success rate",
    source: "sdk-api-reliability",
    measureColumn: "SuccessRatePct",
    aggregation: "Minimum",
    parameters: (window) => ({ lookback: kqlTimespan(window) }),
    defaults: { threshold: 95, operator: "LessThan", severity: 2, frequency: "PT15M", window: "PT1H" },
    measures:
      "the success rate of the worst Calling SDK API scenario (StartCall, AcceptIncomingCall, Join, StartVideo, StopVideo, " +
      "CreateView local and remote, CallAgentInit, and Drop per participant leg; ExpectedError results count as success, as Microsoft counts them)",
  },
  ufdRecoveryRate: {
    id: "ufd-recovery-rate",
    title: "ACS calls: User Facing Diagnostics recovery rate",
    source: "ufd-overview",
    measureColumn: "RecoveryRatePct",
    aggregation: "Minimum",
    parameters: (window) => ({ lookback: kqlTimespan(window) }),
    defaults: { threshold: 50, operator: "LessThan", severity: 3, frequency: "PT15M", window: "PT1H" },
    measures: "the recovery rate of the worst User Facing Diagnostic (the share of participant legs whose diagnostic went bad and came back to Good)",
  },
} as const satisfies Record<string, AlertKind>;

export type AlertKindName = keyof typeof ALERT_KINDS;
export const ALERT_KIND_NAMES = Object.keys(ALERT_KINDS) as AlertKindName[];

const NUMERIC = new Set(["int", "long", "real", "decimal"]);

/** Problems with a kind's source query in the catalog (missing, or no numeric measure column). */
export function alertSourceProblems(kind: AlertKind, catalog: readonly CatalogJsonQuery[]): string[] {
  const source = catalog.find((q) => q.id === kind.source);
  if (!source) return [`catalog query "${kind.source}" is not in queries/catalog.json (the rule runs it) — run npm run export`];
  const column = source.columns.find((c) => c.name === kind.measureColumn);
  if (!column) return [`catalog query "${kind.source}" returns no column ${kind.measureColumn} (the rule's measure) — check the catalog entry`];
  if (!NUMERIC.has(column.type)) return [`catalog query "${kind.source}" returns ${kind.measureColumn} as ${column.type} (a measure must be numeric) — check the catalog entry`];
  return [];
}

/** The ACS tables a catalog query reads (names of `tables` that appear in its KQL as words). */
export function tablesRead(source: CatalogJsonQuery, tables: readonly string[]): string[] {
  return tables.filter((t) => new RegExp(`\\b${t}\\b`).test(source.kql));
}

const OPERATOR_TEXT: Record<AlertOperator, string> = {
  Equal: "=",
  GreaterThan: ">",
  GreaterThanOrEqual: "≥",
  LessThan: "<",
  LessThanOrEqual: "≤",
};

/** The rule for `kind` with `settings`, its query bound to the window. Call only after alertSourceProblems is empty. */
export function alertRuleSpec(kind: AlertKind, settings: AlertSettings, catalog: readonly CatalogJsonQuery[]): AlertRuleSpec {
  const source = catalog.find((q) => q.id === kind.source);
  if (!source) throw new Error(`catalog query "${kind.source}" is missing`);
  const window = settings.window;
  return {
    id: kind.id,
    displayName: kind.title,
    description:
      `Fires when ${kind.measures} is ${OPERATOR_TEXT[settings.operator]} ${settings.threshold} % over the last ${kqlTimespan(window)}, ` +
      `checked every ${kqlTimespan(settings.frequency)}. Query: catalog entry ${kind.source} (queries/kql/${kind.source}.kql) ` +
      `with lookback = ${kqlTimespan(window)}; measure ${kind.measureColumn}` +
      (kind.aggregation === "Minimum" ? ", lowest row (Minimum)." : "."),
    query: bindParameters(source, kind.parameters(window)),
    measureColumn: kind.measureColumn,
    aggregation: kind.aggregation ?? "Maximum",
    operator: settings.operator,
    threshold: settings.threshold,
    severity: settings.severity,
    frequency: settings.frequency,
    window,
    ...(settings.muteActionsFor !== undefined ? { muteActionsFor: settings.muteActionsFor } : {}),
    ...(settings.autoMitigate !== undefined ? { autoMitigate: settings.autoMitigate } : {}),
    enabled: settings.enabled,
    customProperties: { catalogQuery: kind.source, measure: kind.measureColumn },
  };
}
