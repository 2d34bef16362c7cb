// Benchmarks (not tests): prints figures against the budgets the issues name.
// Run with `npm run bench`. Each benchmark runs in this one process, in order, because
// the analyzer's load and first-analysis costs are only observable once per process; the
// synth benchmark measures in child processes of its own, so it runs first, on a quiet machine.
import { analyzerBench } from "./analyzer.bench.js";
import { reportBench } from "./report.bench.js";
import { synthBench } from "./synth.bench.js";

// The report bench generates ~1.8 GB of logs in the temp folder (removed afterwards);
// BENCH_CALLS sets its size (default 100000 calls, about 1.1M diagnostics rows).
const results = [synthBench(), analyzerBench(), reportBench()];
let failed = false;
for (const r of results) {
  console.log(`\n${r.name}`);
  for (const m of r.metrics) {
    const ok = m.budget === undefined ? "" : m.ok ? "  ok" : "  OVER BUDGET";
    if (m.budget !== undefined && !m.ok) failed = true;
    console.log(`  ${m.label.padEnd(34)} ${m.value.padStart(12)}${m.budget ? `  (budget ${m.budget})` : ""}${ok}`);
  }
}
process.exitCode = failed ? 1 : 0;
