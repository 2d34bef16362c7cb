/// <reference types="@kusto/language-service-next" />
// The only file that loads the Bridge.NET build of Kusto.Language. Everything else in
// src/analysis reaches the analyzer through `kusto()`, and nothing outside this folder
// sees a Bridge.NET type.

/** The `Kusto.Language` namespace of the Bridge.NET build. */
export type KustoLanguage = typeof Kusto.Language;

import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { Script } from "node:vm";

let language: KustoLanguage | undefined;
let loadMs = 0;

/**
 * Loads Kusto.Language on first use and returns the same namespace afterwards, so the
 * ~0.2 s load happens at most once per process and only in commands that analyze KQL.
 */
export function kusto(): KustoLanguage {
  if (language === undefined) {
    const started = performance.now();
    // bridge.js defines the globals `Bridge` and `System` that the Kusto build expects, so
    // it runs first. The scripts run straight in the global context, not through
    // require(): under tsx the require hook adds 100-200 ms to these 10 MB of plain JS.
    // The minified pair loads about 30 % faster than the readable one.
    const dir = dirname(require.resolve("@kusto/language-service-next/package.json"));
    for (const file of ["bridge.min.js", "Kusto.Language.Bridge.min.js"]) {
      const path = join(dir, file);
      new Script(readFileSync(path, "utf8"), { filename: path }).runInThisContext();
    }
    language = (globalThis as unknown as { Kusto: typeof Kusto }).Kusto.Language;
    loadMs = performance.now() - started;
  }
  return language;
}

/** Milliseconds the first `kusto()` call spent loading the analyzer (0 before that). */
export function kustoLoadMs(): number {
  return loadMs;
}

/** Copies a Bridge.NET `IReadOnlyList` into a JS array (`Bridge.toArray` is untyped). */
export function toArray<T>(list: { Count: number; getItem(index: number): T } | null | undefined): T[] {
  if (!list) return [];
  const out: T[] = new Array(list.Count);
  for (let i = 0; i < list.Count; i++) out[i] = list.getItem(i);
  return out;
}
