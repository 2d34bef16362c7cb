// Public API of the workbook model: define a workbook from catalog entries, render it to
// Notebook/1.0 JSON (Advanced editor and gallery-template forms), validate and lint it.
export { step, when, GALLERIES } from "./model.js";
export type {
  ChartSpec,
  ChartType,
  Col,
  Condition,
  Formatter,
  Gallery,
  GridSpec,
  Item,
  NumberStyle,
  Palette,
  QueryItem,
  Size,
  Tab,
  ThresholdRule,
  TileSpec,
  Unit,
  Visual,
  WorkbookDef,
  Width,
} from "./model.js";
export { ACS_TIME_PRESETS, DAY_MS, HOUR_MS, MINUTE_MS, bind, placeholder, wbParam } from "./params.js";
export type { Binding, Bindings, CatalogBindings, ContainsCriteria, DeclaredParam, LogsContext, LogsSource, ResourceGraphSource, WorkbookParam } from "./params.js";
export { argResources, argTables, inlinePlaceholder } from "./arg-schema.js";
export { FORMATTER, NUMBER_PATTERN, WORKSPACE_RESOURCE_TYPE, WorkbookError, renderWorkbook, toJsonText } from "./render.js";
export type { RenderedWorkbook } from "./render.js";
export { LIMITS, flattenSteps, validateNotebook } from "./validate.js";
export type { ValidationReport, ValidationStats } from "./validate.js";
export { LINT_PASSES, REPRESENTATIVE, columnReferences, lintWorkbook } from "./lint.js";
export type { LintPass, LintedQuery, WorkbookLintReport } from "./lint.js";
export { renderWorkbookFiles, workbookFiles, writeWorkbooks } from "./write.js";
export type { WorkbooksReport } from "./write.js";
export { PARAM_TYPE, QUERY_TYPE, STEP_TYPE, WORKBOOK_SCHEMA_URL } from "./json.js";
export type * from "./json.js";
