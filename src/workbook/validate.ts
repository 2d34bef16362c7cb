// Structural checks on rendered workbook JSON: the portal's limits and the rules of
// Microsoft's own template analyzer (scripts/src/Rules.ts in
// microsoft/Application-Insights-Workbooks) and CI (no resource ids, unique localization
// keys), plus the rules of this kit (never a null, every placeholder names a parameter set
// above it, every query step has a noDataMessage). Works on plain JSON, so it also checks
// files that were edited by hand.
import type { GalleryTemplateJson, NotebookJson, ParameterJson, StepJson } from "./json.js";
import { QUERY_TYPE } from "./json.js";

/** Portal and analyzer limits. */
export const LIMITS = {
  /** KQL001: Log Analytics queries per workbook (throttling). */
  logsQueries: 40,
  /** ARG001: Azure Resource Graph queries per workbook. */
  resourceGraphQueries: 15,
  /** SIZE000: JSON characters (2-space indented) above which the portal loads slowly: a warning. */
  warnChars: 100_000,
  /** SIZE001: JSON characters above which it is an error. */
  maxChars: 500_000,
  /** KQL002: query characters above which a query is hard to edit: a warning. */
  warnQueryChars: 3_000,
  /** SIZE002: steps. */
  steps: 100,
} as const;

/** Where a step sits: its name and JSON path, for messages. */
export interface StepAt {
  readonly step: StepJson;
  readonly path: string;
}

/** Every step, depth first in document order (groups before their items). */
export function flattenSteps(items: readonly StepJson[], path = "$.items"): StepAt[] {
  return items.flatMap((step, i) => {
    const here = `${path}[${i}]`;
    const inner = step.type === 12 ? flattenSteps(step.content.items, `${here}.content.items`) : [];
    return [{ step, path: here }, ...inner];
  });
}

/** How a parameter gets its value; `kind` tells the lint which representative value fits. */
export interface KnownParam {
  readonly name: string;
  readonly kind: "declared" | "exported" | "tab";
  /** The declaration, for declared parameters. */
  readonly json?: ParameterJson;
  /** The step that declares, exports or sets it. */
  readonly step: string;
}

/** Placeholders: `{Name}` or `{Name:format}` (Microsoft's analyzer uses the same name pattern). */
export const PLACEHOLDER = /\{([_a-zA-Z][_a-zA-Z0-9]*)(?::([^{}\s]*))?\}/g;

/** The parameters that the steps in document order make known, step by step. */
export function paramsInOrder(items: readonly StepJson[]): { readonly at: StepAt; readonly known: ReadonlyMap<string, KnownParam>; readonly adds: readonly KnownParam[] }[] {
  const known = new Map<string, KnownParam>();
  return flattenSteps(items).map((at) => {
    const s = at.step;
    const adds: KnownParam[] = [];
    if (s.type === 9) for (const p of s.content.parameters) adds.push({ name: p.name, kind: "declared", json: p, step: s.name });
    if (s.type === 3 && s.content.exportParameterName) adds.push({ name: s.content.exportParameterName, kind: "exported", step: s.name });
    if (s.type === 11) for (const l of s.content.links) if (l.linkTarget === "parameter" && l.cellValue) adds.push({ name: l.cellValue, kind: "tab", step: s.name });
    const before = new Map(known);
    for (const a of adds) if (!known.has(a.name)) known.set(a.name, a);
    return { at, known: before, adds };
  });
}

export interface ValidationStats {
  readonly steps: number;
  readonly logsQueries: number;
  readonly resourceGraphQueries: number;
  readonly parameters: number;
  /** JSON.stringify(workbook, null, 2).length, as Microsoft's analyzer measures it. */
  readonly jsonChars: number;
  readonly largestQuery: { readonly step: string; readonly chars: number };
}

export interface ValidationReport {
  readonly errors: readonly string[];
  readonly warnings: readonly string[];
  readonly stats: ValidationStats;
}

const RESOURCE_ID = /\/subscriptions\/[a-z0-9]{8}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{12}/i;
const DEFAULT_NAME = /^(text|query|link|links|group|metrics|parameters) - \d+/i;

function walkJson(value: unknown, path: string, visit: (v: unknown, path: string) => void): void {
  visit(value, path);
  if (Array.isArray(value)) value.forEach((v, i) => walkJson(v, `${path}[${i}]`, visit));
  else if (value !== null && typeof value === "object") for (const [k, v] of Object.entries(value)) walkJson(v, `${path}.${k}`, visit);
}

/** The texts of a step where placeholders are expanded, with a label for messages. */
function placeholderTexts(s: StepJson): { readonly where: string; readonly text: string }[] {
  const out: { where: string; text: string }[] = [];
  const add = (where: string, text: string | undefined) => {
    if (text) out.push({ where, text });
  };
  switch (s.type) {
    case 1:
      add("text", s.content.json);
      break;
    case 3: {
      const c = s.content;
      add("query", c.query);
      add("title", c.title);
      add("noDataMessage", c.noDataMessage);
      c.crossComponentResources.forEach((r) => add("crossComponentResources", r));
      for (const f of c.gridSettings?.formatters ?? []) {
        const grid = f.formatOptions?.["thresholdsGrid"];
        if (Array.isArray(grid)) for (const t of grid) add(`threshold of ${f.columnMatch}`, (t as { thresholdValue?: string }).thresholdValue);
      }
      break;
    }
    case 9:
      for (const p of s.content.parameters) {
        add(`parameter ${p.name} query`, p.query);
        p.crossComponentResources?.forEach((r) => add(`parameter ${p.name} crossComponentResources`, r));
      }
      break;
    case 12:
      add("title", s.content.title);
      break;
    default:
      break;
  }
  return out;
}

/**
 * Checks a rendered workbook (and its gallery form, if given). Errors make it unusable or
 * break a rule that Microsoft's CI enforces; warnings are the analyzer's advice.
 */
export function validateNotebook(wb: NotebookJson, options: { readonly gallery?: GalleryTemplateJson } = {}): ValidationReport {
  const errors: string[] = [];
  const warnings: string[] = [];
  const text = JSON.stringify(wb, null, 2);

  // No null anywhere (JSON.stringify turns an undefined array element into null, so this
  // catches both); no hard-coded resource id (RES000, and the repo's CI).
  walkJson(JSON.parse(text), "$", (v, path) => {
    if (v === null) errors.push(`${path} is null; leave the key out instead (the schema rejects null)`);
    if (typeof v === "string" && RESOURCE_ID.test(v)) errors.push(`${path} holds a hard-coded resource id (${RESOURCE_ID.exec(v)?.[0]}); use a parameter`);
  });
  if (wb.version !== "Notebook/1.0") errors.push(`version is '${wb.version}', not Notebook/1.0`);
  if ("fromTemplateId" in wb) errors.push("fromTemplateId must not be in a template");

  const flat = flattenSteps(wb.items);
  const names = new Map<string, string>();
  const ids = new Map<string, string>();
  const paramNames = new Map<string, string>();
  let logs = 0;
  let graph = 0;
  let parameters = 0;
  let largest = { step: "", chars: 0 };

  const countQuery = (step: string, what: string, queryType: number | undefined, query: string | undefined) => {
    if (query === undefined) return;
    if (queryType === QUERY_TYPE.resourceGraph) graph++;
    else logs++;
    if (queryType !== QUERY_TYPE.resourceGraph && query.length > LIMITS.warnQueryChars) {
      warnings.push(`step '${step}'${what}: query of ${query.length} characters (> ${LIMITS.warnQueryChars}, Microsoft's KQL002)`);
    }
    if (query.length > largest.chars) largest = { step: `${step}${what}`, chars: query.length };
    if (query.trim() === "") errors.push(`step '${step}'${what}: empty query`);
    if (/\bprint\b/.test(query) && !query.includes("isfuzzy")) warnings.push(`step '${step}'${what}: a query that only prints (Microsoft's KQL003)`);
  };

  for (const { step: s, path } of flat) {
    if (!s.name || s.name.trim() === "") errors.push(`${path}: step has no name`);
    else if (DEFAULT_NAME.test(s.name)) errors.push(`step '${s.name}': a default name; give it a meaningful one (Microsoft's NAME001)`);
    const prev = names.get(s.name);
    if (prev !== undefined) errors.push(`step name '${s.name}' is used twice (${prev} and ${path}); step names are localization keys and must be unique`);
    else names.set(s.name, path);

    if (s.type === 3) {
      const c = s.content;
      countQuery(s.name, "", c.queryType, c.query);
      if (!c.noDataMessage || c.noDataMessage.trim() === "") errors.push(`step '${s.name}': no noDataMessage`);
      if (c.queryType === QUERY_TYPE.logs && c.crossComponentResources.length === 0) errors.push(`step '${s.name}': a logs query without crossComponentResources`);
      const t = c.tileSettings;
      if (t) {
        for (const [k, rule] of Object.entries(t)) {
          if (rule && typeof rule === "object" && (!("columnMatch" in rule) || !("formatter" in rule))) errors.push(`step '${s.name}': tileSettings.${k} needs columnMatch and formatter`);
        }
      }
    }
    if (s.type === 9) {
      for (const p of s.content.parameters) {
        parameters++;
        countQuery(s.name, `, parameter '${p.name}'`, p.queryType, p.query);
        if (!p.label && !p.isHiddenWhenLocked) errors.push(`step '${s.name}': parameter '${p.name}' has no label (Microsoft's PARAM001)`);
        const seen = paramNames.get(p.name);
        if (seen !== undefined) errors.push(`parameter '${p.name}' is declared twice (steps '${seen}' and '${s.name}')`);
        else paramNames.set(p.name, s.name);
        const idOwner = ids.get(p.id);
        if (idOwner !== undefined) errors.push(`id ${p.id} of parameter '${p.name}' is also the id of ${idOwner}`);
        else ids.set(p.id, `parameter '${p.name}'`);
        if ("criteriaData" in p && p.value !== undefined) errors.push(`parameter '${p.name}': a criteria parameter with a saved value (Microsoft's PARAM002)`);
      }
    }
    if (s.type === 11) {
      for (const l of s.content.links) {
        const idOwner = ids.get(l.id);
        if (idOwner !== undefined) errors.push(`id ${l.id} of link '${l.linkLabel}' in step '${s.name}' is also the id of ${idOwner}`);
        else ids.set(l.id, `link '${l.linkLabel}' in step '${s.name}'`);
      }
    }
  }

  // Placeholders and conditional visibility name parameters that exist above the step.
  const everywhere = new Set<string>();
  const ordered = paramsInOrder(wb.items);
  for (const o of ordered) for (const a of o.adds) everywhere.add(a.name);
  const checkText = (s: StepJson, t: { readonly where: string; readonly text: string }, params: ReadonlyMap<string, KnownParam>): void => {
    for (const m of t.text.matchAll(PLACEHOLDER)) {
      const name = m[1] ?? "";
      if (params.has(name)) continue;
      const later = everywhere.has(name) ? " (it is set only further down; parameters must come above the steps that use them)" : "";
      errors.push(`step '${s.name}', ${t.where}: placeholder ${m[0]} names no parameter declared, exported or set above it${later}`);
    }
  };
  for (const { at, known, adds } of ordered) {
    const s = at.step;
    const cv = s.conditionalVisibility;
    if (cv && !everywhere.has(cv.parameterName)) errors.push(`step '${s.name}': conditionalVisibility names '${cv.parameterName}', which no step declares, exports or sets`);
    if (s.type !== 9) {
      for (const t of placeholderTexts(s)) checkText(s, t, known);
      continue;
    }
    // Inside a parameters step, a parameter may use those declared before it in the same step.
    const visible = new Map(known);
    for (const p of s.content.parameters) {
      for (const t of placeholderTexts({ ...s, content: { ...s.content, parameters: [p] } })) checkText(s, t, visible);
      const crit = (p as { criteriaData?: { criteriaContext: { leftOperand?: string } }[] }).criteriaData;
      for (const c of crit ?? []) {
        const left = c.criteriaContext.leftOperand;
        if (left && !visible.has(left)) errors.push(`step '${s.name}', parameter '${p.name}': criteria on '${left}', which is not declared above it`);
      }
      const own = adds.find((a) => a.name === p.name);
      if (own && !visible.has(own.name)) visible.set(own.name, own);
    }
  }

  if (logs > LIMITS.logsQueries) errors.push(`${logs} Log Analytics queries (> ${LIMITS.logsQueries}, Microsoft's KQL001: the portal throttles)`);
  if (graph > LIMITS.resourceGraphQueries) errors.push(`${graph} Resource Graph queries (> ${LIMITS.resourceGraphQueries}, Microsoft's ARG001)`);
  if (text.length > LIMITS.maxChars) errors.push(`JSON is ${text.length} characters (> ${LIMITS.maxChars}, Microsoft's SIZE001)`);
  else if (text.length > LIMITS.warnChars) warnings.push(`JSON is ${text.length} characters (> ${LIMITS.warnChars}, Microsoft's SIZE000: slow to load)`);
  if (flat.length > LIMITS.steps) warnings.push(`${flat.length} steps (> ${LIMITS.steps}, Microsoft's SIZE002)`);

  const g = options.gallery;
  if (g) {
    if (g.galleries.length === 0) errors.push("gallery template: no galleries");
    for (const [i, gal] of g.galleries.entries()) {
      for (const k of ["name", "category", "type", "resourceType"] as const) if (!gal[k]) errors.push(`gallery template: galleries[${i}].${k} is empty`);
    }
    if (JSON.stringify(g.templateData) !== JSON.stringify(wb)) errors.push("gallery template: templateData differs from the workbook");
  }

  return {
    errors,
    warnings,
    stats: { steps: flat.length, logsQueries: logs, resourceGraphQueries: graph, parameters, jsonChars: text.length, largestQuery: largest },
  };
}
