import { BuilderError, parametersOf, toKql, type Expr, type Row } from "../kql/index.js";
import type { JsValueMap } from "../kql/builder/operands.js";
import type { KqlValueMap } from "../schema/kql-types.js";
import type { CatalogEntry } from "./entry.js";
import type { p } from "./parameters.js";

type SharedParams = typeof p;

/** The names of the catalog's shared parameters (`lookback`, `callTypes`, `rttPoorMs`, ...). */
export type CatalogParamName = keyof SharedParams & string;

type KqlTypeOf<E> = E extends Expr<infer T> ? T : never;

/**
 * The JavaScript value each shared parameter accepts, derived from `p` (src/catalog/parameters.ts):
 * a timespan takes `"30d"`, `"1.12:00:00"` or a number of milliseconds (`string | number`), a
 * list (`dynamic`) any JSON value such as `["Group"]`, a long `number | bigint`, a real a
 * `number`, a string a `string`.
 */
export type CatalogParamValues = { readonly [N in CatalogParamName]: JsValueMap[KqlTypeOf<SharedParams[N]>] };

/**
 * The row an entry's query returns, with the TypeScript value types a Log Analytics client
 * gives back (`KqlValueMap`: long and real → number, datetime → Date, timespan → string, ...).
 *
 * @example
 * ```ts
 * type Row = RowOfEntry<typeof callTypeRatio>; // { CallType: string; calls: number }
 * ```
 */
export type RowOfEntry<E extends CatalogEntry<Row>> = E extends CatalogEntry<infer R> ? { [K in keyof R]: KqlValueMap[R[K]] } : never;

/**
 * The KQL text of an entry, with its parameters as leading `let` lines: the defaults, or
 * the values given in `params` (each validated and written as an escaped literal). A
 * parameter the entry does not use is an error, so a typo cannot be silently ignored.
 *
 * @example
 * ```ts
 * renderQuery(getEntry("call-type-ratio"), { lookback: "30d", callTypes: ["Group"] });
 * // let lookback = 30d;
 * // let resourceIds = dynamic([]);
 * // ...
 * ```
 */
export function renderQuery(entry: CatalogEntry, params: Partial<CatalogParamValues> = {}): string {
  const used = parametersOf(entry.query).map((x) => x.name);
  const given = Object.entries(params).filter(([, v]) => v !== undefined);
  const unknown = given.map(([name]) => name).filter((name) => !used.includes(name));
  if (unknown.length > 0) {
    const list = unknown.map((n) => `'${n}'`).join(", ");
    throw new BuilderError(
      `renderQuery('${entry.id}'): the entry does not use parameter${unknown.length > 1 ? "s" : ""} ${list}`,
      used.length > 0 ? `pass only its parameters: ${used.join(", ")}` : "this entry takes no parameters; pass none",
    );
  }
  try {
    return toKql(entry.query, { params: Object.fromEntries(given) });
  } catch (err) {
    if (err instanceof BuilderError) throw new BuilderError(`renderQuery('${entry.id}'): ${err.problem}`, err.fix);
    throw err;
  }
}

/** Ids sharing the most words (`call`, `quality`, ...) with `id`, best first. */
function closeIds(id: string, ids: readonly string[]): string[] {
  const words = new Set(id.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean));
  return ids
    .map((candidate) => ({ candidate, shared: candidate.split("-").filter((w) => words.has(w)).length }))
    .filter((c) => c.shared > 0)
    .sort((a, b) => b.shared - a.shared || a.candidate.localeCompare(b.candidate))
    .slice(0, 5)
    .map((c) => c.candidate);
}

/**
 * The entry of `catalog` with this id. An unknown id throws an error that lists ids
 * sharing words with it (or says where the full list is).
 */
export function findEntry(catalog: readonly CatalogEntry[], id: string): CatalogEntry {
  const found = catalog.find((e) => e.id === id);
  if (found) return found;
  const ids = catalog.map((e) => e.id);
  if (ids.length === 0) {
    throw new BuilderError(`getEntry: unknown catalog entry '${id}'`, "the catalog is empty; add entries under queries/");
  }
  const close = closeIds(id, ids);
  throw new BuilderError(
    `getEntry: unknown catalog entry '${id}'`,
    close.length > 0
      ? `did you mean ${close.map((c) => `'${c}'`).join(", ")}?`
      : `no id is close; all ${ids.length} ids are in queries/catalog.json (or \`catalog.map((e) => e.id)\`)`,
  );
}
