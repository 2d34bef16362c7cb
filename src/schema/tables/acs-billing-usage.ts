import { col, defineTable } from "../define-table.js";
import { operationColumns, standardColumns } from "../standard-columns.js";

/** Billable usage records for the ACS resource, e.g. audio minutes per participant. */
export const ACSBillingUsage = defineTable({
  name: "ACSBillingUsage",
  category: "Usage",
  description: "One row per billable usage record, such as a span of audio minutes for one participant.",
  columns: {
    ...standardColumns,
    ...operationColumns,
    CorrelationId: col.string("Call ID the usage belongs to; the join key to summaries for P2P calls."),
    EndTime: col.datetime("When the billed usage stopped."),
    ParticipantId: col.string("Participant leg billed; the join key to summaries for group calls."),
    Quantity: col.real("Amount of usage billed, in UnitType units."),
    RecordId: col.string("Identifier of this usage record."),
    StartTime: col.datetime("When the billed usage began."),
    UnitType: col.string("Unit the Quantity is measured in."),
    UsageType: col.string("Kind of usage billed, e.g. audio."),
    UserIdA: col.string("First party of the usage, such as a phone number or user ID."),
    UserIdB: col.string("Second party of the usage, such as a phone number or user ID."),
  },
});
