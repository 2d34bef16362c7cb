import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Test files share a worker's module cache, so Kusto.Language (about 2 s to load and
    // warm up) is loaded once per worker rather than once per file. No test relies on
    // module state being fresh.
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
