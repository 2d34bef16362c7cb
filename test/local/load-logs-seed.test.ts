import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalDb } from "../../src/local/duckdb.js";
import { loadLogs, type IngestSummary } from "../../src/local/load-logs.js";
import { acsTables, ACSCallDiagnostics, ACSCallSummary } from "../../src/schema/index.js";
import { DUCKDB_TYPES } from "../../src/sql/duckdb-types.js";

// The fixture is the seed page's sample records; see test/fixtures/seed/README.md.
const SEED = "test/fixtures/seed";
const P2P = "8d1a8374-344d-4502-b54b-ba2d6daaf0ae";
const GROUP = "341acde7-8aa5-445b-a3da-2ddadca47d22";
const RESOURCE = "SUBSCRIPTIONS/XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX/RESOURCEGROUPS/ACS-TEST-RG/PROVIDERS/MICROSOFT.COMMUNICATION/COMMUNICATIONSERVICES/ACS-PROD-CCTS-TESTS";

let db: LocalDb;
let summary: IngestSummary;

beforeAll(async () => {
  db = await LocalDb.open();
  summary = await loadLogs(db, `${SEED}/archive`);
});
afterAll(() => db.close());

describe("loadLogs on the seed's sample records (archive layout)", () => {
  it("detects the layout and counts files, lines and rows per table, with every table created", async () => {
    expect(summary.layout).toBe("archive");
    expect(summary.files).toBe(4);
    expect(summary.lines).toBe(16);
    expect(summary.issues).toEqual([]);
    expect(summary.skippedUntyped).toBe(0);
    const expected = Object.fromEntries(acsTables.map((t) => [t.name, 0]));
    expect(summary.rows).toEqual({ ...expected, ACSCallSummary: 9, ACSCallDiagnostics: 7 });
    for (const t of acsTables) {
      const [row] = await db.all(`SELECT count(*) AS n FROM "${t.name}"`);
      expect(row?.["n"], t.name).toBe(summary.rows[t.name]);
    }
  });

  it("creates each table with exactly the schema's columns, typed by the DuckDB type map", async () => {
    for (const t of [ACSCallSummary, ACSCallDiagnostics]) {
      const cols = await db.all(`SELECT column_name AS name, data_type AS type FROM information_schema.columns WHERE table_name = '${t.name}' ORDER BY ordinal_position`);
      expect(cols.map((c) => c["name"])).toEqual(Object.keys(t.columns));
      expect(cols.map((c) => c["type"])).toEqual(Object.values(t.columns).map((c) => DUCKDB_TYPES[c.type]));
    }
  });

  it("maps the top-level fields and types the string-encoded numbers of VoIP user 1's summary", async () => {
    const [row] = await db.all(`SELECT * FROM ACSCallSummary WHERE EndpointId = '570ea078-74e9-4430-9c67-464ba1fa5859'`);
    expect(row).toMatchObject({
      TimeGenerated: new Date("2021-07-19T18:46:50.188Z"),
      _ResourceId: RESOURCE,
      CorrelationId: P2P,
      OperationName: "CallSummary",
      OperationVersion: "1.0",
      Category: "CallSummary",
      Type: "ACSCallSummary",
      Identifier: "acs:61fddbe3-0003-4066-97bc-6aaf143bbb84_0000000b-4fee-66cf-ac00-343a0d003158",
      CallStartTime: new Date("2021-07-19T17:54:05.113Z"),
      CallDuration: 6,
      CallType: "P2P",
      ParticipantStartTime: new Date("2021-07-19T17:54:06.758Z"),
      ParticipantDuration: 5,
      ParticipantEndReason: "0",
      EndpointType: "VoIP",
      SdkVersion: "1.0.1.0",
      OsVersion: "Windows 10.0.17763 Arch: x64",
    });
    // The archive's text "null" is a missing value: '' for strings, never NULL.
    expect(row?.["TeamsThreadId"]).toBe("");
    expect(row?.["ParticipantId"]).toBe("");
    expect(row?.["ParticipantTenantId"]).toBe("");
    expect(row?.["TPE"]).toBeNull();
  });

  it("keeps the PSTN participant's leading space, a JSON-number duration and a second-precision start", async () => {
    const [row] = await db.all(`SELECT ParticipantId, ParticipantDuration, CallStartTime, CallType FROM ACSCallSummary WHERE EndpointType = 'PSTN' AND CorrelationId = '${P2P}'`);
    expect(row).toEqual({ ParticipantId: " b25cf111-73df-4e0a-a888-640000abe34d", ParticipantDuration: 960, CallStartTime: new Date("2022-08-07T13:53:12Z"), CallType: "Group" });
  });

  it("types the diagnostics: exponent notation, long stream ids, JSON null and a missing field", async () => {
    const [video] = await db.all(`SELECT StreamId, RoundTripTimeAvg, RoundTripTimeMax, JitterAvg, JitterMax, PacketLossRateAvg, PacketLossRateMax FROM ACSCallDiagnostics WHERE MediaType = 'Video'`);
    expect(video).toEqual({ StreamId: 2804, RoundTripTimeAvg: 103, RoundTripTimeMax: 143, JitterAvg: 0, JitterMax: 4, PacketLossRateAvg: 3.146336e-5, PacketLossRateMax: 0.001769911 });
    const servers = await db.all(`SELECT Identifier, EndpointId, ParticipantId, StreamId, PacketLossRateMax FROM ACSCallDiagnostics WHERE EndpointType = 'Server' ORDER BY StreamId`);
    expect(servers).toEqual([
      { Identifier: "", EndpointId: "", ParticipantId: "1a9cb3d1-7898-4063-b3d2-26c1630ecf03", StreamId: 1000, PacketLossRateMax: null },
      { Identifier: "", EndpointId: "", ParticipantId: "04cc26f5-a86d-481c-b9f9-7a40be4d6fba", StreamId: 2001, PacketLossRateMax: 0 },
    ]);
    const [big] = await db.all(`SELECT StreamId FROM ACSCallDiagnostics WHERE EndpointId = 'a5bd82f9-ac38-4f4a-a0fa-bb3467cdcc64'`);
    expect(big?.["StreamId"]).toBe(1363841599);
  });

  it("answers a call-level question the catalog asks: participants per call and type", async () => {
    const rows = await db.all(`SELECT CorrelationId, any_value(CallType) AS t, count(*) AS n FROM ACSCallSummary GROUP BY ALL ORDER BY n`);
    expect(rows).toEqual([{ CorrelationId: P2P, t: expect.any(String), n: 4 }, { CorrelationId: GROUP, t: "Group", n: 5 }]);
    const [strings] = await db.all(`SELECT count(*) FILTER (WHERE Identifier IS NULL OR OsVersion IS NULL OR ParticipantId IS NULL) AS nulls FROM ACSCallSummary`);
    expect(strings?.["nulls"]).toBe(0);
  });
});

describe("the same records in the flat layout", () => {
  const dump = async (d: LocalDb) => [await d.all("SELECT * FROM ACSCallSummary ORDER BY ALL"), await d.all("SELECT * FROM ACSCallDiagnostics ORDER BY ALL")];

  for (const folder of ["flat-jsonl", "flat-csv"]) {
    it(`${folder} loads to tables identical to the archive's`, async () => {
      const flat = await LocalDb.open();
      try {
        const s = await loadLogs(flat, `${SEED}/${folder}`);
        expect(s.layout).toBe("flat");
        expect(s.files).toBe(2);
        expect(s.issues).toEqual([]);
        expect([s.rows["ACSCallSummary"], s.rows["ACSCallDiagnostics"]]).toEqual([9, 7]);
        const [a, f] = [await dump(db), await dump(flat)];
        expect(f[0]).toHaveLength(9);
        expect(f).toEqual(a);
      } finally {
        flat.close();
      }
    });
  }
});
