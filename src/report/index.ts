// Public API of the call-quality report: run it on local logs, render it for a terminal or
// as one self-contained HTML file.
export { runReport, timeBinFor } from "./run-report.js";
export type { ReportEvent, RunReportOptions } from "./run-report.js";
export { REPORT_SECTIONS } from "./sections.js";
export type { SectionSpec } from "./sections.js";
export { renderTerminalReport, renderTerminalSummary } from "./terminal-report.js";
export type { TerminalOptions } from "./terminal-report.js";
export { renderHtmlReport } from "./html-report.js";
export { progressPrinter } from "./progress.js";
export type { ProgressPrinter, ProgressStream } from "./progress.js";
export type { ChartSpec, DatasetFacts, Headline, Report, ReportColumn, ReportRow, ReportSection, SectionStatus } from "./model.js";
