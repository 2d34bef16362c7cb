import { MonitorActionGroup } from "@cdktf/provider-azurerm/lib/monitor-action-group";
import { MonitorScheduledQueryRulesAlertV2 } from "@cdktf/provider-azurerm/lib/monitor-scheduled-query-rules-alert-v2";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import {
  ALERT_AGGREGATIONS,
  ALERT_OPERATORS,
  checkActionGroupShortName,
  checkAlertTiming,
  checkSeverity,
  oneOf,
  type AlertAggregation,
  type AlertOperator,
} from "./rules.js";

/** An e-mail receiver of the action group. */
export interface EmailReceiver {
  /** Receiver name, unique in the group (case-insensitive). */
  readonly name: string;
  readonly address: string;
}

/** A webhook receiver of the action group. */
export interface WebhookReceiver {
  /** Receiver name, unique in the group (case-insensitive). */
  readonly name: string;
  /** An https URL; it receives the common alert schema. */
  readonly url: string;
}

/** The action group the alert rules notify. */
export interface ActionGroupSpec {
  readonly name: string;
  /** 1–12 characters; shown in SMS and e-mail. */
  readonly shortName: string;
  readonly emails?: readonly EmailReceiver[];
  readonly webhooks?: readonly WebhookReceiver[];
}

/** One scheduled-query alert rule on a catalog query. */
export interface AlertRuleSpec {
  /** Kebab-case id, e.g. `poor-stream-ratio`; the rule is named `<namePrefix>-<id>`. */
  readonly id: string;
  readonly displayName: string;
  readonly description: string;
  /** The KQL; it must return `measureColumn` as a number. */
  readonly query: string;
  /** Numeric column the threshold applies to. */
  readonly measureColumn: string;
  /** How the rows of one evaluation combine. @default "Maximum" */
  readonly aggregation?: AlertAggregation;
  readonly operator: AlertOperator;
  readonly threshold: number;
  /** 0 (critical) to 4 (verbose). */
  readonly severity: number;
  /** How often the rule runs, ISO 8601 (PT5M, PT15M, PT1H, ...). */
  readonly frequency: string;
  /** The time range each run looks at, ISO 8601; the query's lookback should equal it. */
  readonly window: string;
  /** Mute notifications for this long after an alert fires. @default unset */
  readonly muteActionsFor?: string;
  /** Resolve the alert by itself when the condition clears. @default true (false when muteActionsFor is set) */
  readonly autoMitigate?: boolean;
  /** @default true */
  readonly enabled?: boolean;
  /** Shown with the fired alert, e.g. the catalog query id. @default none */
  readonly customProperties?: Readonly<Record<string, string>>;
}

/** Props for {@link CallAlerts}. */
export interface CallAlertsProps {
  readonly resourceGroupName: string;
  readonly location: string;
  /** Prefix of the rule names, e.g. `acs-insights-prod`. */
  readonly namePrefix: string;
  /** The one resource the queries run against: the ACS resource (resource-centric) or the workspace. */
  readonly scope: string;
  readonly actionGroup: ActionGroupSpec;
  readonly rules: readonly AlertRuleSpec[];
  /** Resources the rules wait for, e.g. the diagnostic setting that fills the tables they query. */
  readonly dependsOn?: ITerraformDependable[];
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const RULE_ID = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
const RULE_NAME_FORBIDDEN = ["<", ">", "*", "%", "{", "}", "&", ":", "\\", "?", "+", "/", "#", "|"];

/**
 * Alerting on the call logs: an action group (e-mail and webhook receivers) and one
 * `azurerm_monitor_scheduled_query_rules_alert_v2` per rule, each evaluating a catalog query
 * and comparing its measure column with a threshold.
 */
export class CallAlerts extends Construct {
  readonly actionGroup: MonitorActionGroup;
  /** Rule id → its scheduled query rule. */
  readonly rules: ReadonlyMap<string, MonitorScheduledQueryRulesAlertV2>;

  constructor(scope: Construct, id: string, props: CallAlertsProps) {
    super(scope, id);
    this.node.addValidation({ validate: () => CallAlerts.problems(props) });
    const ag = props.actionGroup;
    this.actionGroup = new MonitorActionGroup(this, "action-group", {
      name: ag.name,
      shortName: ag.shortName,
      resourceGroupName: props.resourceGroupName,
      emailReceiver: (ag.emails ?? []).map((e) => ({ name: e.name, emailAddress: e.address, useCommonAlertSchema: true })),
      webhookReceiver: (ag.webhooks ?? []).map((w) => ({ name: w.name, serviceUri: w.url, useCommonAlertSchema: true })),
    });
    const rules = new Map<string, MonitorScheduledQueryRulesAlertV2>();
    for (const r of props.rules) {
      const aggregation = r.aggregation ?? "Maximum";
      rules.set(
        r.id,
        new MonitorScheduledQueryRulesAlertV2(this, r.id, {
          name: `${props.namePrefix}-${r.id}`,
          displayName: r.displayName,
          description: r.description,
          resourceGroupName: props.resourceGroupName,
          location: props.location,
          scopes: [props.scope],
          severity: r.severity,
          enabled: r.enabled ?? true,
          evaluationFrequency: r.frequency,
          windowDuration: r.window,
          autoMitigationEnabled: r.autoMitigate ?? r.muteActionsFor === undefined,
          ...(r.muteActionsFor !== undefined ? { muteActionsAfterAlertDuration: r.muteActionsFor } : {}),
          criteria: [
            {
              query: r.query,
              timeAggregationMethod: aggregation,
              ...(aggregation === "Count" ? {} : { metricMeasureColumn: r.measureColumn }),
              operator: r.operator,
              threshold: r.threshold,
              failingPeriods: { minimumFailingPeriodsToTriggerAlert: 1, numberOfEvaluationPeriods: 1 },
            },
          ],
          action: { actionGroups: [this.actionGroup.id], ...(r.customProperties ? { customProperties: { ...r.customProperties } } : {}) },
          ...(props.dependsOn ? { dependsOn: props.dependsOn } : {}),
        }),
      );
    }
    this.rules = rules;
  }

  /** Every problem with `props` (empty when they are fine). */
  static problems(props: CallAlertsProps): string[] {
    const out: string[] = [];
    const ag = props.actionGroup;
    if (ag.name.trim() === "") out.push("actionGroup.name: empty (azurerm_monitor_action_group name is required) — set a name");
    const short = checkActionGroupShortName(ag.shortName);
    if (short) out.push(`actionGroup.shortName: ${short}`);
    const names = new Map<string, string>();
    const receiver = (field: string, name: string) => {
      const key = name.toLowerCase();
      const first = names.get(key);
      if (first) out.push(`${field}.name: "${name}" is also the name of ${first} (receiver names must be unique in an action group, ignoring case) — rename one of them`);
      else names.set(key, field);
    };
    (ag.emails ?? []).forEach((e, i) => {
      receiver(`actionGroup.emails[${i}]`, e.name);
      if (!EMAIL.test(e.address)) out.push(`actionGroup.emails[${i}].address: ${JSON.stringify(e.address)} is not an e-mail address — fix the address`);
    });
    (ag.webhooks ?? []).forEach((w, i) => {
      receiver(`actionGroup.webhooks[${i}]`, w.name);
      const p = checkWebhookUrl(w.url);
      if (p) out.push(`actionGroup.webhooks[${i}].url: ${p}`);
    });
    const ids = new Set<string>();
    props.rules.forEach((r, i) => {
      const at = `rules[${i}] (${r.id})`;
      if (!RULE_ID.test(r.id)) out.push(`${at}.id: ${JSON.stringify(r.id)} is not a kebab-case id (lower-case letters, digits and inner hyphens; it ends the rule name) — rename it`);
      if (ids.has(r.id)) out.push(`${at}.id: appears twice (ids name the rules) — give each rule its own id`);
      ids.add(r.id);
      const name = `${props.namePrefix}-${r.id}`;
      const bad = RULE_NAME_FORBIDDEN.filter((c) => name.includes(c));
      if (name.length > 260 || bad.length > 0) out.push(`${at}: rule name ${JSON.stringify(name)} is not allowed (alert rule names: at most 260 characters, none of ${RULE_NAME_FORBIDDEN.join(" ")}) — change the prefix or the id`);
      if (r.query.trim() === "") out.push(`${at}.query: empty — pass the KQL`);
      const op = oneOf(r.operator, ALERT_OPERATORS, "scheduled_query_rules_alert_v2 criteria operator");
      if (op) out.push(`${at}.operator: ${op}`);
      const agg = oneOf(r.aggregation ?? "Maximum", ALERT_AGGREGATIONS, "scheduled_query_rules_alert_v2 time_aggregation_method");
      if (agg) out.push(`${at}.aggregation: ${agg}`);
      if (!Number.isFinite(r.threshold)) out.push(`${at}.threshold: ${r.threshold} is not a finite number — set a number`);
      const sev = checkSeverity(r.severity);
      if (sev) out.push(`${at}.severity: ${sev}`);
      for (const t of checkAlertTiming({ frequency: r.frequency, window: r.window, muteActionsFor: r.muteActionsFor, autoMitigate: r.autoMitigate ?? r.muteActionsFor === undefined })) {
        out.push(`${at}.${t.field}: ${t.problem}`);
      }
    });
    return out;
  }
}

/** undefined for an https URL; otherwise the problem. */
export function checkWebhookUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `${JSON.stringify(url)} is not a URL (webhook_receiver service_uri) — use a full https:// URL`;
  }
  if (parsed.protocol !== "https:") {
    return `${JSON.stringify(url)} is not https (the alert payload names your resources; the kit only sends it encrypted) — use an https:// URL`;
  }
  return undefined;
}
