import { ApplicationInsightsWorkbook } from "@cdktf/provider-azurerm/lib/application-insights-workbook";
import { ApplicationInsightsWorkbookTemplate } from "@cdktf/provider-azurerm/lib/application-insights-workbook-template";
import { Fn, Token } from "cdktf";
import { Construct } from "constructs";
import { stableUuid } from "./naming.js";

/** One gallery of a workbook template (`galleries` of azurerm_application_insights_workbook_template). */
export interface WorkbookGallery {
  readonly name: string;
  readonly category: string;
  readonly order?: number;
  /** @default "workbook" */
  readonly type?: string;
  /** @default "Azure Monitor" */
  readonly resourceType?: string;
}

/** A workbook as a gallery template: the template JSON object and where it is listed. */
export interface WorkbookTemplateSpec {
  /** The gallery-template JSON (an object with `version: "Notebook/1.0"`, `items`, ...). */
  readonly templateData: unknown;
  readonly galleries: readonly WorkbookGallery[];
  readonly author?: string;
  readonly priority?: number;
}

/**
 * One workbook to deploy. The construct does not know how workbooks are generated: it takes
 * their serialized JSON.
 */
export interface WorkbookSpec {
  /** Stable kebab-case id, e.g. `acs-call-quality`; with the environment it determines the resource name. */
  readonly id: string;
  readonly displayName: string;
  /** The workbook's Notebook/1.0 JSON text (what the portal's Advanced editor shows). */
  readonly serializedJson: string;
  readonly description?: string;
  /** The same workbook as a gallery template; needed when `templates` is on. */
  readonly template?: WorkbookTemplateSpec;
}

/** Props for {@link CallWorkbooks}. */
export interface CallWorkbooksProps {
  readonly resourceGroupName: string;
  readonly location: string;
  /** Environment name; part of each workbook's UUID v5 name, so each environment gets its own. */
  readonly environment: string;
  /**
   * The resource the workbooks are linked to (they appear in its Workbooks blade): a resource
   * id (a token is fine; it is lower-cased, as the provider requires) or `azure monitor`.
   * @default "azure monitor"
   */
  readonly sourceId?: string;
  readonly workbooks: readonly WorkbookSpec[];
  /** Also deploy each workbook as a gallery template. @default false */
  readonly templates?: boolean;
  /** Gallery category of the saved workbooks. @default "workbook" */
  readonly category?: string;
}

/** `https://portal.azure.com/#resource<id>`: the workbook in the Azure portal. */
export function portalLink(resourceId: string): string {
  return `https://portal.azure.com/#resource${resourceId}`;
}

const ID = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

/**
 * The generated workbooks as saved, shared workbooks (`azurerm_application_insights_workbook`),
 * and optionally as gallery templates. Each workbook's name is a UUID v5 of the environment
 * and workbook id, so redeploys update the same resource instead of adding one.
 */
export class CallWorkbooks extends Construct {
  /** Workbook id → its saved workbook. */
  readonly workbooks: ReadonlyMap<string, ApplicationInsightsWorkbook>;
  /** Workbook id → its gallery template (empty unless `templates` is on). */
  readonly templates: ReadonlyMap<string, ApplicationInsightsWorkbookTemplate>;

  constructor(scope: Construct, id: string, props: CallWorkbooksProps) {
    super(scope, id);
    this.node.addValidation({ validate: () => CallWorkbooks.problems(props) });
    const source = props.sourceId ?? "azure monitor";
    const sourceId = Token.isUnresolved(source) ? Fn.lower(source) : source.toLowerCase();
    const workbooks = new Map<string, ApplicationInsightsWorkbook>();
    const templates = new Map<string, ApplicationInsightsWorkbookTemplate>();
    for (const wb of props.workbooks) {
      workbooks.set(
        wb.id,
        new ApplicationInsightsWorkbook(this, wb.id, {
          name: stableUuid("workbook", props.environment, wb.id),
          resourceGroupName: props.resourceGroupName,
          location: props.location,
          displayName: wb.displayName,
          dataJson: compactJson(wb.serializedJson),
          sourceId,
          category: props.category ?? "workbook",
          ...(wb.description !== undefined ? { description: wb.description } : {}),
        }),
      );
      if (props.templates && wb.template) {
        templates.set(
          wb.id,
          new ApplicationInsightsWorkbookTemplate(this, `${wb.id}-template`, {
            name: `${wb.id}-${props.environment}`,
            resourceGroupName: props.resourceGroupName,
            location: props.location,
            templateData: JSON.stringify(wb.template.templateData),
            galleries: wb.template.galleries.map((g) => ({ ...g })),
            ...(wb.template.author !== undefined ? { author: wb.template.author } : {}),
            ...(wb.template.priority !== undefined ? { priority: wb.template.priority } : {}),
          }),
        );
      }
    }
    this.workbooks = workbooks;
    this.templates = templates;
  }

  /** Every problem with `props` (empty when they are fine). */
  static problems(props: CallWorkbooksProps): string[] {
    const out: string[] = [];
    const seen = new Set<string>();
    props.workbooks.forEach((wb, i) => {
      const at = `workbooks[${i}] (${wb.id})`;
      if (!ID.test(wb.id)) out.push(`${at}.id: ${JSON.stringify(wb.id)} is not a kebab-case id (lower-case letters, digits, hyphens) — rename it`);
      if (seen.has(wb.id)) out.push(`${at}.id: ${JSON.stringify(wb.id)} appears twice (ids name the resources) — give each workbook its own id`);
      seen.add(wb.id);
      if (wb.displayName.trim() === "") out.push(`${at}.displayName: empty (azurerm_application_insights_workbook display_name is required) — set a title`);
      let parsed: unknown;
      try {
        parsed = JSON.parse(wb.serializedJson);
      } catch (err) {
        out.push(`${at}.serializedJson: not JSON (${(err as Error).message}) (data_json must be valid JSON) — regenerate the workbook with npm run workbooks`);
      }
      if (parsed !== undefined && (parsed as { version?: unknown }).version !== "Notebook/1.0") {
        out.push(`${at}.serializedJson: version is ${JSON.stringify((parsed as { version?: unknown }).version)} (a saved workbook is Notebook/1.0 JSON) — pass the .workbook.json, not the gallery template`);
      }
      if (props.templates && !wb.template) out.push(`${at}.template: missing while templates is on (a gallery template needs templateData and galleries) — pass the .gallery.json content, or turn templates off`);
      if (wb.template && wb.template.galleries.length === 0) out.push(`${at}.template.galleries: empty (azurerm_application_insights_workbook_template needs at least one gallery) — add one`);
    });
    return out;
  }
}

/** The JSON text without insignificant whitespace (the provider compares JSON semantically). */
function compactJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return text; // reported by the validation
  }
}
