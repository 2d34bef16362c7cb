// Generates src/errors/end-codes.data.ts from the end-code tables of the research notes
// (../shared/reference/acs-call-logs.md §4.2, §4.3, §4.4, §4.6) and the wording in
// src/errors/wording.ts. Run: npx tsx scripts/gen-end-codes.ts [path/to/acs-call-logs.md]
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { buildEndCodeRows, renderEndCodesModule } from "../src/errors/generate.js";

const root = resolve(__dirname, "..");
const reference = resolve(process.argv[2] ?? resolve(root, "../shared/reference/acs-call-logs.md"));
const out = resolve(root, "src/errors/end-codes.data.ts");

const rows = buildEndCodeRows(readFileSync(reference, "utf8"));
writeFileSync(out, renderEndCodesModule(rows));

const bySource = new Map<string, number>();
for (const r of rows) bySource.set(r.source, (bySource.get(r.source) ?? 0) + 1);
console.log(`wrote ${out}: ${rows.length} rows (${[...bySource].map(([s, n]) => `${s} ${n}`).join(", ")})`);
