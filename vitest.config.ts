import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Test files share a worker's module cache, so Kusto.Language (about 2 s to load and
    // warm up) is loaded once per worker rather than once per file. No test relies on
    // module state being fresh.
    isolate: false,
    // Vitest's default is one worker per core minus one, which on a 2-core machine runs
    // every file in one worker; two keep both cores busy (CPU-bound suites: the analyzer,
    // DuckDB, the synth and CLI child processes).
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
