import type { Command } from "commander";
import { registerGenerateCommand } from "./generate-command.js";
import { registerReportCommand } from "./report-command.js";

/**
 * Commands that run the catalog on local log files with DuckDB (`generate`, `report`).
 * Each registers itself here so that main.ts stays a table of contents.
 */
export function registerLocalCommands(cli: Command, out: (line: string) => void): void {
  void cli;
  void out;
  registerGenerateCommand(cli, out);
  registerReportCommand(cli, out);
}
