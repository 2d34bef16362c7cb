// Which end codes the generator draws, all taken from the end-code dataset (src/errors), with
// the dataset's result category, so that every planted pair can be looked up.
import { endCodes, findEndCode, type ResultCategory } from "../errors/index.js";
import type { Rng } from "./prng.js";

/** One planted end: code and subcode as numbers, and the dataset's result category. */
export interface EndCode {
  readonly code: number;
  readonly subcode: number;
  readonly resultCategory: ResultCategory;
}

type Pool = readonly (readonly [EndCode, number])[];

/** "Failed" as the Insights workbook and the catalog define it: the code does not start with 0 or 2. */
export function isFailedCode(code: number | string): boolean {
  const s = String(code);
  return !s.startsWith("0") && !s.startsWith("2");
}

/** PSTN subcodes are six digits (5xxxxx: SBC/operator or PSTN service responses). */
const isPstnSubcode = (subcode: number) => subcode >= 500000;

/** Distinct (code, subcode) pairs of the dataset with a stated category, best source's category. */
function documentedPairs(): EndCode[] {
  const seen = new Set<string>();
  const out: EndCode[] = [];
  for (const row of endCodes) {
    if (row.subcode === null || row.source === "client") continue;
    const key = `${row.code}/${row.subcode}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const best = findEndCode(row.code, row.subcode);
    if (best?.resultCategory) out.push({ code: row.code, subcode: row.subcode, resultCategory: best.resultCategory });
  }
  return out.sort((a, b) => a.code - b.code || a.subcode - b.subcode);
}

// Weights skew the failures the way real deployments look (media drops and network faults on
// top), which also keeps a clear "top failure" instead of a near-tie between many codes.
const FAILURE_WEIGHTS: Readonly<Record<string, number>> = {
  "410/301005": 30,
  "490/4502": 14,
  "408/10057": 10,
  "480/10076": 8,
  "487/10004": 6,
  "410/3112": 5,
  "480/560480": 30,
  "404/560404": 15,
  "503/560503": 8,
  "486/560486": 12,
};
const SUCCESS_WEIGHTS: Readonly<Record<string, number>> = { "0/0": 200, "0/560000": 120 };

function pool(filter: (e: EndCode) => boolean, weights: Readonly<Record<string, number>>): Pool {
  const list = documentedPairs()
    .filter(filter)
    .map((e) => [e, weights[`${e.code}/${e.subcode}`] ?? 1] as const);
  if (list.length === 0) throw new Error("end-code-pools: the end-code dataset has no rows for a pool");
  return list;
}

const pools = {
  voipSuccess: pool((e) => !isFailedCode(e.code) && !isPstnSubcode(e.subcode), SUCCESS_WEIGHTS),
  voipFailure: pool((e) => isFailedCode(e.code) && !isPstnSubcode(e.subcode), FAILURE_WEIGHTS),
  pstnSuccess: pool((e) => !isFailedCode(e.code) && (e.subcode === 0 || isPstnSubcode(e.subcode)), SUCCESS_WEIGHTS),
  pstnFailure: pool((e) => isFailedCode(e.code) && isPstnSubcode(e.subcode), FAILURE_WEIGHTS),
};

/** Draws the end of one participant leg: a failure with probability `failureShare`. */
export function drawEndCode(rng: Rng, pstn: boolean, failureShare: number): EndCode {
  const failed = rng.chance(failureShare);
  if (pstn) return rng.weighted(failed ? pools.pstnFailure : pools.pstnSuccess);
  return rng.weighted(failed ? pools.voipFailure : pools.voipSuccess);
}

/** The normal end of the server's own summary row. */
export const SERVER_END: EndCode = Object.freeze({ code: 0, subcode: 0, resultCategory: "Success" });

/** Client-side (Web SDK) failure subcodes for ACSCallClientOperations payloads, by category. */
export function clientFailure(rng: Rng, category: "ExpectedError" | "UnexpectedClientError"): EndCode {
  return rng.pick(category === "ExpectedError" ? clientPools.expected : clientPools.unexpected);
}

const clientPools = (() => {
  const rows = endCodes.filter((r) => r.source === "client" && r.subcode !== null && r.subcode >= 41000 && r.subcode < 41100);
  const of = (cat: ResultCategory) =>
    rows.filter((r) => r.resultCategory === cat).map((r) => ({ code: r.code, subcode: r.subcode as number, resultCategory: cat }));
  const expected = of("ExpectedError");
  const unexpected = of("UnexpectedClientError");
  if (expected.length === 0 || unexpected.length === 0) throw new Error("end-code-pools: no client subcodes in the dataset");
  return { expected, unexpected };
})();
