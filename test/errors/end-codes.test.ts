// The end-code dataset (src/errors): completeness against the reference tables, the quirks
// of those tables, own-words wording, the helper functions, the KQL table, and that the
// committed generated file matches what the generator produces now.
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import {
  endCodeFallbackTable,
  endCodeLookupRows,
  endCodes,
  endCodesFor,
  endCodeTable,
  findEndCode,
  isUngraceful,
  LEGACY_UNGRACEFUL_CODES,
  pstnDirection,
  pstnDirectionExpr,
  pstnSipCode,
  sipClass,
  sipClassExpr,
  type EndCodeRow,
  type EndCodeSource,
} from "../../src/errors/index.js";
import { buildEndCodeRows, GENERATED_HEADER, renderEndCodesModule } from "../../src/errors/generate.js";
import { parseCategory, parseReference } from "../../src/errors/reference.js";
import { CLIENT_FAMILIES, CLIENT_PARAPHRASE } from "../../src/errors/wording.js";
import { from, toKql } from "../../src/kql/index.js";
import { ACSCallSummary } from "../../src/schema/index.js";
import { expectValidQuery } from "../helpers/expect-query.js";

const REFERENCE = resolve(__dirname, "../../../shared/reference/acs-call-logs.md");
const DATA_FILE = resolve(__dirname, "../../src/errors/end-codes.data.ts");
const hasReference = existsSync(REFERENCE);
if (!hasReference) {
  console.warn(`end-codes.test: ${REFERENCE} is missing; SKIPPING the reference-completeness and staleness tests`);
}

const keyOf = (r: { code: number; subcode: number | null; source: string }) => `${r.source}:${r.code}/${r.subcode ?? "-"}`;
const rowsOf = (source: EndCodeSource) => endCodes.filter((r) => r.source === source);

// ---------------------------------------------------------------------------------------
// A parser of the reference written independently of src/errors/reference.ts, so that a
// bug there cannot hide itself here.
// ---------------------------------------------------------------------------------------
interface Expected {
  source: EndCodeSource;
  code: number;
  subcode: number | null;
  /** The category cell as written, normalised; null when blank or absent. */
  category: string | null;
  message: string;
}

function expectedRows(markdown: string): Expected[] {
  const lines = markdown.split("\n");
  const layout: [EndCodeSource, string, (c: string[]) => { code: string; sub: string; cat: string | null; msg: string }][] = [
    ["call-end", "### 4.2", (c) => ({ sub: c[0]!, code: c[1]!, cat: c[2]!, msg: c[3]! })],
    ["service", "### 4.3", (c) => ({ code: c[0]!, sub: c[1]!, cat: c[2]!, msg: c[3]! })],
    ["pstn", "### 4.4", (c) => ({ sub: c[0]!, code: c[1]!, cat: null, msg: c[2]! })],
    ["client", "### 4.6", (c) => ({ sub: c[0]!, code: c[1]!, cat: c[2]!, msg: c[3]! })],
  ];
  const out: Expected[] = [];
  for (const [source, heading, pick] of layout) {
    let i = lines.findIndex((l) => l.startsWith(heading));
    expect(i, heading).toBeGreaterThanOrEqual(0);
    const table: string[] = [];
    for (i++; i < lines.length && !/^##/.test(lines[i]!); i++) if (lines[i]!.startsWith("|")) table.push(lines[i]!);
    for (const line of table.slice(2)) {
      const { code, sub, cat, msg } = pick(line.split("|").slice(1, -1).map((s) => s.trim()));
      const codes = code.replace(/\(sic\)/, "").split(/[,/]/).map((s) => Number(s.trim()));
      const subs = sub === "(none)" ? [null] : sub.split("/").map((s) => Number(s.trim()));
      const category = cat === null ? null : cat.split(" ")[0]!.replace("Unxpected", "Unexpected");
      for (const c of codes) for (const s of subs) out.push({ source, code: c, subcode: s, category: category === "(blank)" || category === "–" ? null : category, message: msg });
    }
  }
  return out;
}

/** Lower-case letters and digits only: "Failed to X." and "failed to x" compare equal. */
const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");

describe.skipIf(!hasReference)("against the reference tables (../shared/reference/acs-call-logs.md §4)", () => {
  const markdown = hasReference ? readFileSync(REFERENCE, "utf8") : "";
  const expected = hasReference ? expectedRows(markdown) : [];
  const byKey = new Map(endCodes.map((r) => [keyOf(r), r]));

  it("has every row of §4.2 (call-end), §4.3 (service), §4.4 (pstn) and §4.6 (client), and no other", () => {
    const missing = expected.filter((e) => !byKey.has(keyOf(e))).map(keyOf);
    expect(missing).toEqual([]);
    for (const source of ["call-end", "service", "pstn", "client"] as const) {
      expect(rowsOf(source).length, source).toBe(expected.filter((e) => e.source === source).length);
    }
    expect(expected.filter((e) => e.source === "client")).toHaveLength(465);
  });

  it("has the stated result category; a blank one stays null or is one another table states for the pair", () => {
    const wrong: string[] = [];
    for (const e of expected) {
      const row = byKey.get(keyOf(e))!;
      if (e.category !== null) {
        if (row.resultCategory !== e.category) wrong.push(`${keyOf(e)}: ${row.resultCategory} != ${e.category}`);
        continue;
      }
      const statedElsewhere = expected
        .filter((o) => o !== e && o.code === e.code && o.subcode === e.subcode && o.category !== null)
        .map((o) => o.category);
      if (row.resultCategory !== null && !statedElsewhere.includes(row.resultCategory)) {
        wrong.push(`${keyOf(e)}: ${row.resultCategory} is stated nowhere for this pair`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("words every meaning itself: no meaning equals the reference's text", () => {
    const copied: string[] = [];
    for (const e of expected) {
      const row = byKey.get(keyOf(e))!;
      const variants = [e.message, e.message.replace(/\[[^\]]*\]/g, ""), e.message.replace(/\([^)]*\)/g, ""), e.message.replace(/\.\.\.$/, "")];
      const meaning = row.meaning.trim().toLowerCase();
      const paraphrase = row.source === "client" ? row.meaning.slice(row.meaning.indexOf(": ") + 2) : row.meaning;
      if (variants.some((v) => meaning === v.trim().toLowerCase() || squash(paraphrase) === squash(v))) copied.push(`${keyOf(e)}: ${row.meaning}`);
    }
    expect(copied).toEqual([]);
  });

  it("the committed end-codes.data.ts is what the generator produces now (not stale)", () => {
    const fresh = renderEndCodesModule(buildEndCodeRows(markdown));
    expect(readFileSync(DATA_FILE, "utf8")).toBe(fresh);
  });
});

describe("reference quirks (synthetic tables; always run)", () => {
  const md = [
    "### 4.2 Call end codes",
    "| Subcode | Code | Result category | Meaning | Advice |",
    "|---|---|---|---|---|",
    '| 3100 | 410 | UnexpectedClientError (doc typo "Unxpected") | m | a |',
    "| 3101 | 410 | UnxpectedClientError | m | a |",
    "| (none) | 490, 491 | – | m | a |",
    "| (none) | 600 / 603 | – | m | a |",
    "### 4.3 Service map",
    "| Code | Subcode | Result category | Message |",
    "|---|---|---|---|",
    "| 0 | 540000 | (blank) | m |",
    "### 4.4 PSTN",
    "| SubCode | Code | Meaning | Advice |",
    "|---|---|---|---|",
    "| 540486 / 560486 | 486 | m | a |",
    "| 560487 | 497 (sic) | m | a |",
    "### 4.5 Phrases",
    "### 4.6 Client",
    "| Subcode | Code | Result category | Message |",
    "|---|---|---|---|",
    "| 40000 | 500 | UnexpectedClientError | m |",
    "## 5. Next",
  ].join("\n");
  const rows = parseReference(md);
  const find = (source: string, code: number, subcode: number | null) => rows.filter((r) => r.source === source && r.code === code && r.subcode === subcode);

  it('reads the typo "Unxpected" as Unexpected, with or without a note', () => {
    expect(find("call-end", 410, 3100)[0]?.statedCategory).toBe("UnexpectedClientError");
    expect(find("call-end", 410, 3101)[0]?.statedCategory).toBe("UnexpectedClientError");
    expect(parseCategory("UnxpectedServerError")).toBe("UnexpectedServerError");
  });
  it('reads "(blank)" and "–" as null, and rejects an unknown category', () => {
    expect(find("service", 0, 540000)[0]?.statedCategory).toBeNull();
    expect(find("call-end", 490, null)[0]?.statedCategory).toBeNull();
    expect(() => parseCategory("Sometimes")).toThrow(/unknown result category/);
  });
  it('expands "490, 491" and "600 / 603" into one row per code, with a null "(none)" subcode', () => {
    expect(rows.filter((r) => r.source === "call-end" && r.subcode === null).map((r) => r.code)).toEqual([490, 491, 600, 603]);
  });
  it('expands "540486 / 560486" into one row per subcode and reads "497 (sic)" as 497', () => {
    expect(find("pstn", 486, 540486)).toHaveLength(1);
    expect(find("pstn", 486, 560486)).toHaveLength(1);
    expect(find("pstn", 497, 560487)).toHaveLength(1);
    expect(rows.find((r) => r.source === "pstn")?.statedCategory).toBeNull();
  });
  it("stops each table at the next heading", () => {
    expect(rows.filter((r) => r.source === "client")).toHaveLength(1);
  });
});

describe("the dataset (always run)", () => {
  it("has 55 call-end, 51 service, 20 PSTN and 465 client rows", () => {
    expect(rowsOf("call-end")).toHaveLength(55);
    expect(rowsOf("service")).toHaveLength(51);
    expect(rowsOf("pstn")).toHaveLength(20);
    expect(rowsOf("client")).toHaveLength(465);
  });

  it("has no duplicate (code, subcode, source)", () => {
    const keys = endCodes.map(keyOf);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  it("gives every row a non-empty meaning and advice of at most 100 characters", () => {
    const bad = endCodes.filter((r) => !r.meaning.trim() || !r.advice.trim() || r.meaning.length > 100 || r.advice.length > 100);
    expect(bad).toEqual([]);
  });

  it("words every client row as '<family>: <paraphrase>' from our own tables", () => {
    for (const r of rowsOf("client")) {
      const family = CLIENT_FAMILIES.find((f) => r.subcode! >= f.from && r.subcode! <= f.to);
      expect(r.meaning, String(r.subcode)).toBe(`${family?.label}: ${CLIENT_PARAPHRASE[r.subcode!]}`);
    }
  });

  it.each<[EndCodeSource, number, number | null, EndCodeRow["resultCategory"]]>([
    ["call-end", 0, 0, "Success"],
    ["call-end", 410, 3100, "UnexpectedClientError"], // the doc's "Unxpected"
    ["service", 410, 3100, "ExpectedError"], // the service map disagrees with the doc; both kept
    ["service", 410, 3101, "UnexpectedClientError"], // blank in §4.3, stated in §4.2
    ["service", 0, 540000, null], // blank and stated nowhere else
    ["call-end", 603, 0, "Success"],
    ["call-end", 410, 301005, "UnexpectedClientError"],
    ["call-end", 403, 510403, "ExpectedError"],
    ["call-end", 487, 540487, "Success"],
    ["call-end", 486, 560486, "Success"],
    ["call-end", 404, null, null], // "(none)" subcode, "–" category
    ["call-end", 497, null, null],
    ["call-end", 606, null, null],
    ["service", 429, 10110, "ExpectedError"],
    ["service", 480, 560480, "UnexpectedServerError"],
    ["pstn", 0, 560000, "Success"], // §4.4 has no category column; §4.2/§4.3 state it
    ["pstn", 486, 540486, null],
    ["pstn", 486, 560486, "Success"],
    ["pstn", 497, 560487, null], // "497 (sic)"
    ["pstn", 410, 531004, null],
    ["pstn", 603, 560603, null],
    ["client", 408, 40101, "UnexpectedClientError"],
    ["client", 412, 43000, "ExpectedError"],
    ["client", 500, 41901, "UnexpectedServerError"],
    ["client", 422, 46203, "ExpectedError"],
  ])("%s %i/%s is %s", (source, code, subcode, category) => {
    const row = endCodesFor(code, subcode).find((r) => r.source === source);
    expect(row?.resultCategory).toBe(category);
  });

  it("findEndCode takes numbers or log strings and prefers call-end, then pstn, then service", () => {
    expect(findEndCode("410", "3100")?.source).toBe("call-end");
    expect(findEndCode(0, 540000)?.source).toBe("pstn");
    expect(findEndCode("408", "10325")?.source).toBe("service");
    expect(findEndCode("412", "40115")?.source).toBe("client");
    expect(findEndCode("404", "")?.subcode).toBeNull();
    expect(findEndCode("404", "12345")).toBeUndefined();
    expect(findEndCode("abc", "0")).toBeUndefined();
    expect(endCodesFor(0, 0).map((r) => r.source)).toEqual(["call-end", "pstn", "service"]);
  });
});

describe("helpers", () => {
  it("sipClass buckets by first digit; 0 and 2xx are Success", () => {
    expect(sipClass(0)).toBe("Success");
    expect(sipClass("0")).toBe("Success");
    expect(sipClass(200)).toBe("Success");
    expect(sipClass(183)).toBe("Provisional");
    expect(sipClass(302)).toBe("Redirection");
    expect(sipClass("410")).toBe("Client failure");
    expect(sipClass(503)).toBe("Server failure");
    expect(sipClass(603)).toBe("Global failure");
    expect(sipClass(99)).toBeUndefined();
    expect(sipClass(700)).toBeUndefined();
    expect(sipClass("")).toBeUndefined();
    expect(endCodes.every((r) => sipClass(r.code) !== undefined)).toBe(true);
  });

  it("pstnDirection: 560xxx outbound, 540xxx inbound, anything else undefined", () => {
    expect(pstnDirection(560403)).toBe("outbound");
    expect(pstnDirection("560000")).toBe("outbound");
    expect(pstnDirection(540487)).toBe("inbound");
    expect(pstnDirection("540000")).toBe("inbound");
    for (const other of [510403, 511532, 500001, 531004, 0, 560, 5604030, "", null, undefined, "56040x"]) {
      expect(pstnDirection(other), String(other)).toBeUndefined();
    }
    expect(pstnSipCode("560403")).toBe(403);
    expect(pstnSipCode(540487)).toBe(487);
    expect(pstnSipCode(510403)).toBeUndefined();
  });

  it("isUngraceful is true for the Unexpected* categories only", () => {
    expect(isUngraceful("UnexpectedClientError")).toBe(true);
    expect(isUngraceful("UnexpectedServerError")).toBe(true);
    expect(isUngraceful("ExpectedError")).toBe(false);
    expect(isUngraceful("Success")).toBe(false);
    expect(isUngraceful("")).toBe(false);
    expect(isUngraceful(null)).toBe(false);
  });

  it("LEGACY_UNGRACEFUL_CODES is the 2024 list of §4.1", () => {
    expect(LEGACY_UNGRACEFUL_CODES).toEqual([
      "380", "400", "407", "408", "409", "410", "412", "417", "430", "439", "440",
      "481", "483", "488", "489", "493", "500", "502", "503", "504", "580",
    ]);
    expect(Object.isFrozen(LEGACY_UNGRACEFUL_CODES)).toBe(true);
  });
});

describe("KQL", () => {
  it("endCodeTable has one row per (Code, SubCode), string columns, code-level rows with SubCode ''", () => {
    const rows = endCodeLookupRows();
    const keys = rows.map((r) => `${r.Code}/${r.SubCode}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBe(new Set(endCodes.map((r) => `${r.code}/${r.subcode ?? ""}`)).size);
    expect(rows.find((r) => r.Code === "410" && r.SubCode === "3100")).toMatchObject({ ResultCategory: "UnexpectedClientError", Source: "call-end" });
    expect(rows.find((r) => r.Code === "0" && r.SubCode === "540000")).toMatchObject({ ResultCategory: "", Source: "pstn" });
    expect(rows.find((r) => r.Code === "404" && r.SubCode === "")).toMatchObject({ Source: "call-end" });
    expect(endCodeTable().columns).toEqual({ Code: "string", SubCode: "string", ResultCategory: "string", Meaning: "string", Advice: "string", Source: "string" });
  });

  it("the full endCodeTable is valid KQL with the declared columns", () => {
    const kql = expectValidQuery(endCodeTable());
    expect(kql.startsWith("datatable(Code:string, SubCode:string, ResultCategory:string, Meaning:string, Advice:string, Source:string) [")).toBe(true);
  });

  it("endCodeTable can keep only some sources and columns; lookup against ACSCallSummary types check", () => {
    const small = endCodeTable({ sources: ["pstn"], columns: ["Meaning"] });
    expect(small.columns).toEqual({ Code: "string", SubCode: "string", Meaning: "string" });
    const q = from(ACSCallSummary)
      .project("ParticipantEndReason", "ParticipantEndSubCode")
      .lookup(small, [["ParticipantEndReason", "Code"], ["ParticipantEndSubCode", "SubCode"]])
      .lookup(endCodeFallbackTable(), [["ParticipantEndReason", "Code"]]);
    expectValidQuery(q);
    expect(Object.keys(q.columns)).toEqual(["ParticipantEndReason", "ParticipantEndSubCode", "Meaning", "CodeMeaning", "CodeAdvice"]);
  });

  it("sipClassExpr is a case() over startswith", () => {
    const q = from(ACSCallSummary).projectAs((c) => ({ SipClass: sipClassExpr(c.ParticipantEndReason), Direction: pstnDirectionExpr(c.ParticipantEndSubCode) }));
    expect(expectValidQuery(q)).toBe(
      "ACSCallSummary\n| project SipClass = case(" +
        'ParticipantEndReason startswith "0" or ParticipantEndReason startswith "2", "Success", ' +
        'ParticipantEndReason startswith "1", "Provisional", ParticipantEndReason startswith "3", "Redirection", ' +
        'ParticipantEndReason startswith "4", "Client failure", ParticipantEndReason startswith "5", "Server failure", ' +
        'ParticipantEndReason startswith "6", "Global failure", "Unknown"), ' +
        'Direction = case(ParticipantEndSubCode startswith "560", "outbound", ParticipantEndSubCode startswith "540", "inbound", "unknown")',
    );
  });

  it("the generated file starts with the do-not-edit header", () => {
    expect(readFileSync(DATA_FILE, "utf8").split("\n")[0]).toBe(GENERATED_HEADER);
    expect(toKql(endCodeFallbackTable())).toContain('"404", "No such call exists"');
  });
});
