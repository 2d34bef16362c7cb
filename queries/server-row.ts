// The server's own ACSCallSummary row: in group calls the service logs a row for itself whose
// ParticipantId is the call's CorrelationId (reference acs-call-logs.md §1.1; Microsoft's queries
// drop such rows with `where ParticipantId != CorrelationId`). It is not a participant, so every entry that counts
// participants filters it out with this one predicate.
import type { Expr } from "../src/kql/index.js";

/**
 * True for an ACSCallSummary row that stands for a participant, false for the server's own
 * row of a group call (ParticipantId == CorrelationId). P2P rows, whose ParticipantId is
 * empty, are kept.
 *
 * @example
 * from(ACSCallSummary).where(isNotServerRow)
 */
export function isNotServerRow(c: { readonly ParticipantId: Expr<"string">; readonly CorrelationId: Expr<"string"> }): Expr<"bool"> {
  return c.ParticipantId.neq(c.CorrelationId);
}
