/// <reference types="@kusto/language-service-next" />
// The only file that loads the Bridge.NET build of Kusto.Language. Everything else in
// src/analysis reaches the analyzer through `kusto()`, and nothing outside this folder
// sees a Bridge.NET type.

/** The `Kusto.Language` namespace of the Bridge.NET build. */
export type KustoLanguage = typeof Kusto.Language;

let language: KustoLanguage | undefined;
let loadMs = 0;

/**
 * Loads Kusto.Language on first use and returns the same namespace afterwards, so the
 * ~0.2 s load happens at most once per process and only in commands that analyze KQL.
 */
export function kusto(): KustoLanguage {
  if (language === undefined) {
    const started = performance.now();
    // bridge.js defines the global `Bridge` and `System` that the Kusto build expects;
    // it must be evaluated first. The minified pair loads about 30 % faster.
    require("@kusto/language-service-next/bridge.min.js");
    require("@kusto/language-service-next/Kusto.Language.Bridge.min.js");
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
