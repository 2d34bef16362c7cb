/** A SQL string literal. */
export function lit(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** A quoted SQL identifier. */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A SQL list literal of strings, e.g. for `read_csv([...])`. */
export function litList(items: readonly string[]): string {
  return `[${items.map(lit).join(", ")}]`;
}
