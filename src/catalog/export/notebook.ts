import { createHash } from "node:crypto";
import { toKql } from "../../kql/index.js";
import type { CatalogEntry } from "../entry.js";
import { CATEGORIES, columnInfo, oneLine, parameterInfo } from "./entry-info.js";

/** Kqlmagic's placeholder for the workspace, to be replaced by the reader. */
export const WORKSPACE_PLACEHOLDER = "<your-workspace-id>";

/** A notebook cell, keys in the order nbformat writes them (sorted). */
export type NotebookCell =
  | { readonly cell_type: "markdown"; readonly id: string; readonly metadata: Record<string, never>; readonly source: string[] }
  | {
      readonly cell_type: "code";
      readonly execution_count: null;
      readonly id: string;
      readonly metadata: Record<string, never>;
      readonly outputs: [];
      readonly source: string[];
    };

/** An nbformat 4.5 notebook. */
export interface Notebook {
  readonly cells: readonly NotebookCell[];
  readonly metadata: {
    readonly kernelspec: { readonly display_name: string; readonly language: string; readonly name: string };
    readonly language_info: { readonly name: string };
  };
  readonly nbformat: 4;
  readonly nbformat_minor: 5;
}

/** Jupyter's form of cell source: lines, each but the last ending in `\n`. */
function lines(text: string): string[] {
  const parts = text.split("\n");
  return parts.map((l, i) => (i < parts.length - 1 ? `${l}\n` : l)).filter((l) => l !== "");
}

/** nbformat 4.5 cell ids: 1–64 of `[A-Za-z0-9_-]`. Entry ids are kebab-case, so they fit unless very long. */
function cellId(base: string): string {
  const safe = base.replace(/[^A-Za-z0-9_-]/g, "-");
  if (safe.length <= 64) return safe;
  return `${safe.slice(0, 55)}-${createHash("sha256").update(base).digest("hex").slice(0, 8)}`;
}

function markdown(id: string, text: string): NotebookCell {
  return { cell_type: "markdown", id: cellId(id), metadata: {}, source: lines(text) };
}

function code(id: string, text: string): NotebookCell {
  return { cell_type: "code", execution_count: null, id: cellId(id), metadata: {}, outputs: [], source: lines(text) };
}

/** Inline code in Markdown, safe for values that contain backticks. */
function mdCode(s: string): string {
  return s.includes("`") ? `\`\` ${s} \`\`` : `\`${s}\``;
}

/** Prose from the catalog as Markdown: `<` would start an HTML tag. */
function mdText(s: string): string {
  return s.trim().replace(/</g, "&lt;");
}

const INTRO = (entries: number, sections: string) => `# ACS call insights — query catalog

Every query of the **acs-call-insights** catalog (${entries} queries), ready to run against the Log Analytics
workspace that receives your Azure Communication Services call logs (resource-specific tables such as
\`ACSCallSummary\` and \`ACSCallDiagnostics\`).

1. Run the two setup cells below once per session: they load [Kqlmagic](https://github.com/microsoft/jupyter-Kqlmagic)
   and connect to your workspace.
2. Run any \`%%kql\` cell. **The \`let\` lines at the top of each cell are the query's parameters**: edit a value and
   re-run the cell.
3. The last result stays in \`_kql_raw_result_\`; \`_kql_raw_result_.to_dataframe()\` gives a pandas DataFrame.

To set a parameter from Python, assign a variable (\`days = timedelta(days=30)\`) and use its name as the value
(\`let lookback = days;\`): Kqlmagic puts the Python value in for a \`let\` whose value is a Python variable name.

Sections: ${sections}.

*Generated from \`queries/*.ts\` by \`npm run export\`: changes made here are overwritten. Work on a copy.*`;

const SETUP = `# Install Kqlmagic once per Python environment (uncomment the next line):
# %pip install Kqlmagic
%reload_ext Kqlmagic`;

const CONNECT_HELP = `## Connect to your workspace

Replace \`${WORKSPACE_PLACEHOLDER}\` in the next cell with the **Workspace ID** (a GUID) from the workspace's
Overview page, or from \`az monitor log-analytics workspace show -g <resource-group> -n <workspace> --query customerId -o tsv\`.
(The Azure resource ID of the workspace does not work here.) \`code\` signs you in with a device code; the
\`%%kql\` cells below then run against this connection.

Other ways to sign in:

- **Service principal** (automation):
  \`%kql loganalytics://tenant='<tenant-id>';clientid='<app-id>';clientsecret='<secret>';workspace='<workspace-id>';alias='acs'\`
  (a secret left out is prompted for).
- **Azure CLI**: after \`az login\`, add the \`-try_azcli_login\` option, which takes the CLI's token before falling back
  to the connection string:
  \`%kql loganalytics://code;workspace='<workspace-id>';alias='acs' -try_azcli_login\`
- **A default connection**: set the environment variable \`KQLMAGIC_CONNECTION_STR\` to the connection string.

The identity needs read access to the workspace (for example the *Log Analytics Reader* role).`;

const CONNECT = `%kql loganalytics://code;workspace='${WORKSPACE_PLACEHOLDER}';alias='acs'`;

function entryMarkdown(entry: CatalogEntry): string {
  const params = parameterInfo(entry);
  const columns = columnInfo(entry);
  const meta = [
    mdCode(entry.id),
    ...(entry.tags.length > 0 ? [`tags: ${entry.tags.map(mdCode).join(", ")}`] : []),
    ...(entry.visualization ? [`suggested chart: ${mdCode(entry.visualization)}`] : []),
  ].join(" · ");
  const out = [`### ${mdText(oneLine(entry.title))}`, "", mdText(entry.description), "", meta, ""];
  if (params.length === 0) {
    out.push("No parameters.");
  } else {
    out.push("Parameters you can edit (the `let` lines at the top of the next cell):", "");
    for (const p of params) out.push(`- ${mdCode(p.name)} (${p.type}, default ${mdCode(p.default)}): ${mdText(p.description)}`);
  }
  out.push("", `Returns: ${columns.map((c) => `${mdCode(c.name)} (${c.type})`).join(", ")}.`);
  return out.join("\n");
}

/** The notebook as an object: setup cells, then one section per category with a markdown + `%%kql` cell per entry. */
export function buildNotebook(catalog: readonly CatalogEntry[]): Notebook {
  const sections = CATEGORIES.map((c) => ({ ...c, entries: catalog.filter((e) => e.category === c.id) })).filter(
    (s) => s.entries.length > 0,
  );
  const cells: NotebookCell[] = [
    markdown("intro", INTRO(catalog.length, sections.map((s) => `${s.title} (${s.entries.length})`).join(", ") || "none yet")),
    code("setup", SETUP),
    markdown("connect-help", CONNECT_HELP),
    code("connect", CONNECT),
  ];
  for (const s of sections) {
    cells.push(markdown(`section-${s.id}`, `## ${s.title}\n\n${s.intro}`));
    for (const entry of s.entries) {
      cells.push(markdown(`${entry.id}-about`, entryMarkdown(entry)));
      cells.push(code(`${entry.id}-kql`, `%%kql\n${toKql(entry.query)}`));
    }
  }
  return {
    cells,
    metadata: {
      kernelspec: { display_name: "Python 3", language: "python", name: "python3" },
      language_info: { name: "python" },
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
}

/**
 * The text of `queries/notebooks/acs-call-insights.ipynb`. Deterministic: no timestamps,
 * execution counts or outputs; sorted keys and 1-space indent, as Jupyter itself writes, so
 * that opening and saving the notebook changes as little as possible.
 */
export function renderNotebook(catalog: readonly CatalogEntry[]): string {
  return `${JSON.stringify(buildNotebook(catalog), null, 1)}\n`;
}
