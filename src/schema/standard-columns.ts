import { col } from "./define-table.js";

/** Columns that Log Analytics adds to every resource-log table. */
export const standardColumns = {
  TenantId: col.string("ID of the Log Analytics workspace that holds the record."),
  TimeGenerated: col.datetime("UTC time the record was written; not the call time."),
  Type: col.string("Name of the table the record is in."),
  SourceSystem: col.string("Kind of agent that collected the record, e.g. Azure."),
  _ResourceId: col.string("Azure resource ID of the ACS resource that emitted the record."),
  _SubscriptionId: col.string("Subscription that owns the emitting resource."),
  _BilledSize: col.real("Size of the record in bytes, as billed."),
  _IsBillable: col.string("Whether ingesting this record is billed."),
} as const;

/** Category and operation columns that most ACS tables carry alongside the standard ones. */
export const operationColumns = {
  Category: col.string("Diagnostic log category the record arrived through."),
  OperationName: col.string("Name of the logged operation."),
  OperationVersion: col.string("Schema version of the logged operation."),
} as const;
