/** The result categories ACS logs in `ACSCallSummary.ResultCategory`. */
export type ResultCategory = "Success" | "ExpectedError" | "UnexpectedClientError" | "UnexpectedServerError";

export const RESULT_CATEGORIES: readonly ResultCategory[] = ["Success", "ExpectedError", "UnexpectedClientError", "UnexpectedServerError"];

/**
 * Which reference table a row comes from:
 * - `call-end`: Microsoft's "call end codes and subcodes" doc table (reference §4.2);
 * - `service`: the service-side subcode map of Microsoft's 2025 Call Diagnostics query (§4.3);
 * - `pstn`: the PSTN end-reason doc table (§4.4);
 * - `client`: the Web Calling SDK client subcode map of the Reliability workbook (§4.6).
 */
export type EndCodeSource = "call-end" | "service" | "pstn" | "client";

export const END_CODE_SOURCES: readonly EndCodeSource[] = ["call-end", "service", "pstn", "client"];

/** One (code, subcode, source) row of the end-code dataset. */
export interface EndCodeRow {
  /** SIP-like end code, as in `ParticipantEndReason` (0 = normal end). */
  readonly code: number;
  /** Subcode, as in `ParticipantEndSubCode`; null for code-level rows (the doc's "(none)"). */
  readonly subcode: number | null;
  /** Documented result category; null where the reference leaves it blank and states it nowhere else. */
  readonly resultCategory: ResultCategory | null;
  readonly source: EndCodeSource;
  /** What the end means, in this kit's words. */
  readonly meaning: string;
  /** What to do about it, in this kit's words. */
  readonly advice: string;
}

/** SIP response classes, as Microsoft's workbooks bucket `ParticipantEndReason` (0 and 2xx are Success). */
export type SipClass = "Success" | "Provisional" | "Redirection" | "Client failure" | "Server failure" | "Global failure";
