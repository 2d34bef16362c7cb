import { LogAnalyticsQueryPack } from "@cdktf/provider-azurerm/lib/log-analytics-query-pack";
import { LogAnalyticsQueryPackQuery } from "@cdktf/provider-azurerm/lib/log-analytics-query-pack-query";
import { Construct } from "constructs";
import { stableUuid } from "./naming.js";
import { oneOf, QUERY_PACK_CATEGORIES, type QueryPackCategory } from "./rules.js";

/** One query of the pack. */
export interface QueryPackQuerySpec {
  /** Stable id, e.g. the catalog id `impacted-calls`; with the environment it determines the query's UUID name. */
  readonly id: string;
  readonly displayName: string;
  readonly description?: string;
  /** The KQL. */
  readonly body: string;
  /** Query-pack categories (the provider's fixed list, e.g. `monitor`, `network`). */
  readonly categories: readonly QueryPackCategory[];
  /** Labels shown with the query (the kit puts the catalog area here). @default none */
  readonly labels?: Readonly<Record<string, string>>;
}

/** Props for {@link CatalogQueryPack}. */
export interface CatalogQueryPackProps {
  readonly resourceGroupName: string;
  readonly location: string;
  readonly name: string;
  /** Environment name; part of each query's UUID v5 name. */
  readonly environment: string;
  readonly queries: readonly QueryPackQuerySpec[];
  /**
   * Resource types the queries are offered for in the portal's Queries pane.
   * @default ["microsoft.communication/communicationservices", "microsoft.operationalinsights/workspaces"]
   */
  readonly resourceTypes?: readonly string[];
}

export const DEFAULT_QUERY_RESOURCE_TYPES: readonly string[] = [
  "microsoft.communication/communicationservices",
  "microsoft.operationalinsights/workspaces",
];

/**
 * A Log Analytics query pack holding the catalog, so that every query appears in the
 * Queries pane of the Logs blade of the ACS resource and of the workspace.
 */
export class CatalogQueryPack extends Construct {
  readonly pack: LogAnalyticsQueryPack;
  /** Query id → its query-pack query, in the order given. */
  readonly queries: ReadonlyMap<string, LogAnalyticsQueryPackQuery>;

  constructor(scope: Construct, id: string, props: CatalogQueryPackProps) {
    super(scope, id);
    this.node.addValidation({ validate: () => CatalogQueryPack.problems(props) });
    this.pack = new LogAnalyticsQueryPack(this, "pack", {
      name: props.name,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
    });
    const queries = new Map<string, LogAnalyticsQueryPackQuery>();
    for (const q of props.queries) {
      queries.set(
        q.id,
        new LogAnalyticsQueryPackQuery(this, q.id, {
          name: stableUuid("query", props.environment, q.id),
          queryPackId: this.pack.id,
          displayName: q.displayName,
          body: q.body,
          categories: [...q.categories],
          resourceTypes: [...(props.resourceTypes ?? DEFAULT_QUERY_RESOURCE_TYPES)],
          ...(q.description !== undefined ? { description: q.description } : {}),
          ...(q.labels ? { tags: { ...q.labels } } : {}),
        }),
      );
    }
    this.queries = queries;
  }

  /** Every problem with `props` (empty when they are fine). */
  static problems(props: CatalogQueryPackProps): string[] {
    const out: string[] = [];
    if (props.name.trim() === "") out.push("name: empty (azurerm_log_analytics_query_pack name is required) — set a name");
    const seen = new Set<string>();
    props.queries.forEach((q, i) => {
      const at = `queries[${i}] (${q.id})`;
      if (seen.has(q.id)) out.push(`${at}.id: appears twice (ids name the queries) — give each query its own id`);
      seen.add(q.id);
      if (q.displayName.trim() === "") out.push(`${at}.displayName: empty (display_name is required) — set a title`);
      if (q.body.trim() === "") out.push(`${at}.body: empty (body is required) — pass the KQL`);
      if (q.categories.length === 0) out.push(`${at}.categories: empty (the Queries pane groups queries by category) — give at least one, e.g. "monitor"`);
      for (const c of q.categories) {
        const p = oneOf(c, QUERY_PACK_CATEGORIES, "log_analytics_query_pack_query categories");
        if (p) out.push(`${at}.categories: ${p}`);
      }
    });
    return out;
  }
}
