import { kusto, toArray } from "../kusto-runtime.js";
import type { RuleContext } from "./types.js";

type SyntaxNode = Kusto.Language.Syntax.SyntaxNode;
type Sym = Kusto.Language.Symbols.Symbol;

/** 1-based line and column of a 0-based offset, as Kusto.Language counts them. */
export function positionOf(code: Kusto.Language.KustoCode, offset: number): { line: number; column: number } {
  const line = { v: 0 };
  const column = { v: 0 };
  code.TryGetLineAndOffset(offset, line, column);
  return { line: line.v, column: column.v };
}

/**
 * Builds the rules' view of an analyzed query: one walk over the syntax tree indexes every
 * node by kind, every name reference by the symbol it resolves to, and every `let` by the
 * symbol it declares.
 */
export function createContext(code: Kusto.Language.KustoCode, text: string): RuleContext {
  const K = kusto();
  const SK = K.Syntax.SyntaxKind;
  const byKind = new Map<number, SyntaxNode[]>();
  const refs = new Map<Sym, Kusto.Language.Syntax.NameReference[]>();
  const lets = new Map<Sym, Kusto.Language.Syntax.LetStatement>();

  const visit = (node: SyntaxNode): void => {
    let list = byKind.get(node.Kind);
    if (!list) byKind.set(node.Kind, (list = []));
    list.push(node);
    if (node.Kind === SK.NameReference && node.ReferencedSymbol) {
      const sym = node.ReferencedSymbol;
      let r = refs.get(sym);
      if (!r) refs.set(sym, (r = []));
      r.push(node as Kusto.Language.Syntax.NameReference);
    } else if (node.Kind === SK.LetStatement) {
      const declared = (node as Kusto.Language.Syntax.LetStatement).Name?.ReferencedSymbol;
      if (declared) lets.set(declared, node as Kusto.Language.Syntax.LetStatement);
    }
    for (let i = 0; i < node.ChildCount; i++) {
      const child = node.GetChild(i);
      if (child && !child.IsToken) visit(child as SyntaxNode);
    }
  };
  if (code.Syntax) visit(code.Syntax);

  const tables = new Set<Sym>(toArray(code.Globals?.Database?.Tables));

  return {
    text,
    K,
    code,
    nodes(...kinds) {
      if (kinds.length === 1) return byKind.get(kinds[0]!) ?? [];
      return kinds.flatMap((k) => byKind.get(k) ?? []).sort((a, b) => a.TextStart - b.TextStart);
    },
    textOf: (node) => text.slice(node.TextStart, node.End),
    isDatabaseTable: (symbol) => symbol != null && tables.has(symbol),
    letOf: (symbol) => (symbol ? lets.get(symbol) : undefined),
    referencesTo: (symbol) => refs.get(symbol) ?? [],
    lineOf: (offset) => positionOf(code, offset).line,
  };
}
