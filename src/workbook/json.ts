// The Azure Monitor workbook JSON this module emits (`Notebook/1.0`), as TypeScript types.
// Field names follow Microsoft's schema (../shared/schemas/workbook.schema.json, a copy of
// microsoft/Application-Insights-Workbooks:schema/workbook.json) and what Microsoft's own
// templates write where the schema is silent (parameter fields, exports, tabs). No field is
// ever null: the schema rejects null almost everywhere, and the renderer omits a key instead.

/** A JSON value without null. */
export type Json = string | number | boolean | readonly Json[] | { readonly [key: string]: Json };

/** The step types (item `type`) this kit emits: text, query, parameters, links/tabs, group. */
export const STEP_TYPE = { text: 1, query: 3, parameters: 9, links: 11, group: 12 } as const;

/** Parameter `type` ids (Microsoft's Summarizers.ts): text, dropdown, time range, resource, subscription. */
export const PARAM_TYPE = { text: 1, dropdown: 2, timeRange: 4, resource: 5, subscription: 6, options: 10 } as const;

/** Query `queryType` ids: 0 Log Analytics (KQL), 1 Azure Resource Graph. */
export const QUERY_TYPE = { logs: 0, resourceGraph: 1 } as const;

export interface ConditionalVisibilityJson {
  readonly parameterName: string;
  readonly comparison: "isEqualTo" | "isNotEqualTo";
  /** Left out for "is set" / "is not set". */
  readonly value?: string;
}

interface StepBase {
  readonly name: string;
  readonly customWidth?: string;
  readonly conditionalVisibility?: ConditionalVisibilityJson;
}

export interface TextStepJson extends StepBase {
  readonly type: 1;
  readonly content: { readonly json: string; readonly style?: string };
}

export interface FormattingRuleJson {
  readonly columnMatch: string;
  readonly formatter: number;
  readonly formatOptions?: { readonly [key: string]: Json };
  readonly numberFormat?: { readonly unit: number; readonly options: { readonly [key: string]: Json } };
}

export interface GridSettingsJson {
  readonly formatters?: readonly FormattingRuleJson[];
  readonly labelSettings?: readonly { readonly columnId: string; readonly label: string }[];
  readonly filter?: boolean;
  readonly rowLimit?: number;
  readonly sortBy?: readonly { readonly itemKey: string; readonly sortOrder: number }[];
}

export interface TileSettingsJson {
  readonly titleContent: FormattingRuleJson;
  readonly leftContent?: FormattingRuleJson;
  readonly rightContent?: FormattingRuleJson;
  readonly subtitleContent?: FormattingRuleJson;
  readonly secondaryContent?: FormattingRuleJson;
  readonly showBorder: boolean;
  readonly size: "auto" | "fixed" | "full";
}

export interface ChartSettingsJson {
  readonly xAxis?: string;
  readonly yAxis?: readonly string[];
  readonly group?: string;
  readonly showLegend?: boolean;
  readonly seriesLabelSettings?: readonly { readonly seriesName: string; readonly label?: string; readonly color?: string }[];
  readonly ySettings?: { readonly unit?: number; readonly min?: number; readonly max?: number };
}

export interface QueryContentJson {
  readonly version: "KqlItem/1.0";
  readonly query: string;
  readonly size: number;
  readonly title?: string;
  readonly noDataMessage: string;
  readonly noDataMessageStyle?: number;
  readonly timeContextFromParameter?: string;
  readonly queryType: number;
  readonly resourceType: string;
  readonly crossComponentResources: readonly string[];
  readonly visualization: string;
  readonly gridSettings?: GridSettingsJson;
  readonly tileSettings?: TileSettingsJson;
  readonly chartSettings?: ChartSettingsJson;
  readonly exportFieldName?: string;
  readonly exportParameterName?: string;
  readonly showExportToExcel?: boolean;
}

export interface QueryStepJson extends StepBase {
  readonly type: 3;
  readonly content: QueryContentJson;
}

export interface ParameterJson {
  readonly id: string;
  readonly version: "KqlParameterItem/1.0";
  readonly name: string;
  readonly label: string;
  readonly type: number;
  readonly description?: string;
  readonly isRequired?: boolean;
  readonly isHiddenWhenLocked?: boolean;
  readonly multiSelect?: boolean;
  readonly quote?: string;
  readonly delimiter?: string;
  readonly query?: string;
  readonly queryType?: number;
  readonly resourceType?: string;
  readonly crossComponentResources?: readonly string[];
  readonly timeContextFromParameter?: string;
  readonly jsonData?: string;
  readonly typeSettings?: { readonly [key: string]: Json };
  readonly defaultValue?: string;
  readonly value?: Json;
}

export interface ParametersStepJson extends StepBase {
  readonly type: 9;
  readonly content: { readonly version: "KqlParameterItem/1.0"; readonly parameters: readonly ParameterJson[]; readonly style: string; readonly queryType: number };
}

export interface LinkJson {
  readonly id: string;
  readonly linkTarget: string;
  readonly linkLabel: string;
  readonly style: "link" | "primary" | "secondary";
  readonly cellValue?: string;
  readonly subTarget?: string;
}

export interface LinksStepJson extends StepBase {
  readonly type: 11;
  readonly content: { readonly version: "LinkItem/1.0"; readonly style: string; readonly links: readonly LinkJson[] };
}

export interface GroupStepJson extends StepBase {
  readonly type: 12;
  readonly content: {
    readonly version: "NotebookGroup/1.0";
    readonly groupType: "editable";
    readonly title?: string;
    readonly loadType?: "always" | "lazy";
    readonly items: readonly StepJson[];
  };
}

export type StepJson = TextStepJson | QueryStepJson | ParametersStepJson | LinksStepJson | GroupStepJson;

/** What the portal's Advanced editor shows and accepts (its "Gallery Template" tab). */
export interface NotebookJson {
  readonly version: "Notebook/1.0";
  readonly items: readonly StepJson[];
  readonly fallbackResourceIds: readonly string[];
  readonly $schema: string;
}

/** One gallery a template is listed in (`microsoft.insights/workbooktemplates` galleries[]). */
export interface GalleryJson {
  readonly name: string;
  readonly category: string;
  readonly order: number;
  readonly type: string;
  readonly resourceType: string;
}

/**
 * The properties of a workbook template resource (`microsoft.insights/workbooktemplates`,
 * Terraform `azurerm_application_insights_workbook_template`): `templateData` is the
 * notebook as an object, `galleries` where it is listed.
 */
export interface GalleryTemplateJson {
  readonly author: string;
  readonly priority: number;
  readonly galleries: readonly GalleryJson[];
  readonly templateData: NotebookJson;
}

export const WORKBOOK_SCHEMA_URL = "https://github.com/Microsoft/Application-Insights-Workbooks/blob/master/schema/workbook.json";
