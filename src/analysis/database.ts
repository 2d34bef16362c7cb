import { acsTables } from "../schema/index.js";
import type { TableDef } from "../schema/index.js";
import { kusto } from "./kusto-runtime.js";

type GlobalState = Kusto.Language.GlobalState;

const cache = new Map<readonly TableDef[], GlobalState>();

/** The database name the ACS tables are registered under in the analyzer. */
export const ACS_DATABASE_NAME = "acs";

function tableSymbol(table: TableDef): Kusto.Language.Symbols.TableSymbol {
  const S = kusto().Symbols;
  // Bridge.NET's generic List is typed as List<Object>; it holds ColumnSymbols only.
  const columns = new (System.Collections.Generic.List$1(S.ColumnSymbol).ctor)() as unknown as System.Collections.Generic.List$1<Kusto.Language.Symbols.ColumnSymbol>;
  for (const [name, def] of Object.entries(table.columns)) {
    const type = S.ScalarTypes.GetSymbol(def.type);
    if (!type) throw new Error(`Kusto.Language has no scalar type '${def.type}' (column ${table.name}.${name}).`);
    columns.add(new S.ColumnSymbol(name, type, def.description, null, null, null));
  }
  return new S.TableSymbol.$ctor6(table.name, columns, table.description);
}

/**
 * The analyzer's global state with the given tables as the default database. Built once
 * per table list and cached with `WithCache()`, which makes repeated analysis faster.
 */
export function globalsFor(tables: readonly TableDef[] = acsTables): GlobalState {
  let globals = cache.get(tables);
  if (!globals) {
    const K = kusto();
    const db = new K.Symbols.DatabaseSymbol.ctor(ACS_DATABASE_NAME, tables.map(tableSymbol));
    globals = K.GlobalState.Default!.WithDatabase(db)!.WithCache()!;
    cache.set(tables, globals);
  }
  return globals;
}
