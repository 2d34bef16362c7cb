// Generated at dev time from @kusto/language-service-next 12.4.1 (pinned in package.json):
//   [...Kusto.Language.Syntax.SyntaxFacts.Keywords] — every token text the Kusto parser knows as a
//   keyword, sorted by UTF-16 code unit, duplicates removed (279 entries).
// test/kql/literals-identifiers.test.ts checks this list against the live parser, so a Kusto.Language
// upgrade that adds or drops a keyword fails the tests instead of silently changing quoting.
//
// Kusto keywords are case-sensitive (`where` is one, `Where` is a plain name). About 60 of them
// (`on`, `let`, `count`, `id`, ...) are "soft": KustoFacts.CanBeIdentifier() accepts them bare and
// the parser reads them as names in the contexts we tried. quoteIdentifier() still brackets every
// keyword, soft or not: `['on']` is always read as a name, in every context and parser version.

/** Every Kusto query-language keyword text (case-sensitive). */
export const KQL_KEYWORDS: readonly string[] = Object.freeze([
  "!between", "!contains", "!contains_cs", "!endswith", "!endswith_cs", "!has", "!has_cs",
  "!hasprefix", "!hasprefix_cs", "!hassuffix", "!hassuffix_cs", "!in", "!in~", "!startswith",
  "!startswith_cs", "3Dchart", "__contextual_datatable", "__crossCluster", "__crossDB",
  "__executeAndCache", "__id", "__isFuzzy", "__noWithSource", "__packedColumn", "__partitionby",
  "__projectAway", "__sourceColumnIndex", "access", "accumulate", "alias", "and", "anomalychart",
  "areachart", "as", "asc", "assert-schema", "bagexpansion", "barchart", "best_effort", "between",
  "bin", "bin_legacy", "bool", "boolean", "by", "byte", "cachingpolicy", "callout", "cancel",
  "card", "char", "columnchart", "commands-and-queries", "consume", "contains", "contains_cs",
  "containscs", "count", "cycles", "database", "dataexport", "dataformat", "datascope", "datatable",
  "date", "datetime", "datetime_pattern", "decimal", "declare", "decodeblocks", "default", "desc",
  "distinct", "double", "dynamic", "earliest", "edges", "encodingpolicy", "endswith", "endswith_cs",
  "entity_group", "evaluate", "expandoutput", "extend", "extent_tags_retention", "external_data",
  "externaldata", "facet", "filter", "find", "first", "flags", "float", "force_remote", "fork",
  "from", "getschema", "granny-asc", "granny-desc", "graph", "graph-mark-components", "graph-match",
  "graph-shortest-paths", "graph-to-table", "graph-where-edges", "graph-where-nodes", "guid",
  "harddelete", "hardretention", "has", "has_all", "has_any", "has_cs", "hasprefix", "hasprefix_cs",
  "hassuffix", "hassuffix_cs", "hint.concurrency", "hint.distribution", "hint.materialized",
  "hint.num_partitions", "hint.progressive_top", "hint.remote", "hint.shufflekey", "hint.spread",
  "hint.strategy", "hotcache", "id", "in", "inline_external_table", "int", "int16", "int32",
  "int64", "int8", "invoke", "in~", "isfuzzy", "join", "journal", "kind", "ladderchart", "last",
  "latest", "let", "like", "likecs", "limit", "linechart", "long", "lookup", "macro-expand",
  "make-graph", "make-series", "matches regex", "materialize", "materialized-view-combine",
  "materialized-views", "mdm", "missing", "mv-apply", "mv-expand", "mvapply", "mvexpand", "nodes",
  "nooptimization", "notcontains", "notcontainscs", "notlike", "notlikecs", "null", "nulls", "of",
  "on", "optional", "or", "order", "others", "output", "pack", "parse", "parse-kv", "parse-where",
  "partition", "partitioned-by", "pathformat", "pattern", "piechart", "pivotchart", "plotly",
  "print", "project", "project-away", "project-by-names", "project-keep", "project-rename",
  "project-reorder", "project-smart", "queries", "query_parameters", "query_results", "range",
  "real", "reduce", "regex", "relaxed", "render", "restrict", "restricted_view_access",
  "row_level_security", "rowstore", "rowstore_references", "rowstore_sealinfo", "rowstorepolicy",
  "rowstores", "sample", "sample-distinct", "scan", "scatterchart", "seal", "seals", "search",
  "serialize", "set", "set-or-append", "set-or-replace", "shards", "simple", "softdelete",
  "softretention", "sort", "sql", "stackedareachart", "startswith", "startswith_cs", "statistics",
  "step", "storedqueryresultcontainers", "string", "summarize", "tablepurge", "take", "time",
  "timechart", "timeline", "timepivot", "timespan", "title", "to", "top", "top-hitters",
  "top-nested", "toscalar", "totable", "treemap", "typeof", "uint", "uint16", "uint32", "uint64",
  "uint8", "ulong", "union", "uniqueid", "unrestrictedviewers", "uuid", "verbose", "view",
  "viewers", "views", "where", "with", "with_itemindex", "with_match_id", "with_node_id",
  "with_source", "with_step_name", "withsource", "writeaheadlog",
]);

/** {@link KQL_KEYWORDS} as a set, for membership tests. */
export const KQL_KEYWORD_SET: ReadonlySet<string> = new Set(KQL_KEYWORDS);
