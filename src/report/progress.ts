import { formatElapsed, formatNumber, plural } from "./format.js";
import type { ReportEvent } from "./run-report.js";

/** Where progress goes: stderr in the CLI. */
export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/** See {@link progressPrinter}. */
export interface ProgressPrinter {
  readonly onEvent: (event: ReportEvent) => void;
  /** Ends a line left open by the terminal counter, so that an error message starts on its own line. */
  readonly end: () => void;
}

/**
 * A {@link ReportEvent} handler that writes progress lines: files loaded x/y, then one line
 * per analysis with its time, all with the elapsed time since the start. On a terminal the
 * file counter rewrites one line; elsewhere (logs, CI) it prints at every 10 % so the
 * output stays readable.
 *
 * @example
 * ```ts
 * const progress = progressPrinter(process.stderr);
 * const report = await runReport({ logs, entryFor: getEntry, onEvent: progress.onEvent }).finally(progress.end);
 * ```
 */
export function progressPrinter(stream: ProgressStream, clock: () => number = () => performance.now()): ProgressPrinter {
  const start = clock();
  const tty = stream.isTTY === true;
  const stamp = () => `[${formatElapsed(clock() - start).padStart(7)}]`;
  let lastDecile = -1;
  let openLine = false;
  const line = (text: string) => {
    stream.write(`${openLine ? "\r\x1b[K" : ""}${stamp()} ${text}\n`);
    openLine = false;
  };
  const onEvent = (event: ReportEvent): void => {
    switch (event.kind) {
      case "files": {
        const text = `loading files ${formatNumber(event.done)}/${formatNumber(event.total)}`;
        if (tty) {
          stream.write(`\r\x1b[K${stamp()} ${text}`);
          openLine = true;
        } else {
          const decile = event.total === 0 ? 10 : Math.floor((10 * event.done) / event.total);
          if (decile !== lastDecile) {
            lastDecile = decile;
            line(text);
          }
        }
        return;
      }
      case "loaded": {
        const s = event.summary;
        const rows = Object.values(s.rows).reduce((a, b) => a + b, 0);
        const bad = Object.values(s.issueCounts).reduce((a, b) => a + b, 0);
        line(`loaded ${plural(s.files, "file")}, ${plural(rows, "row")} (${s.layout} layout) in ${formatElapsed(event.elapsedMs)}${bad ? `; ${plural(bad, "bad line")} skipped` : ""}`);
        return;
      }
      case "section-start":
        if (tty) {
          stream.write(`\r\x1b[K${stamp()} [${event.index + 1}/${event.total}] ${event.catalogId} …`);
          openLine = true;
        }
        return;
      case "section-done": {
        const st = event.status;
        const what =
          st.kind === "ok" ? `${plural(event.rows, "row")} in ${formatElapsed(st.elapsedMs)}` : st.kind === "unavailable" ? "not available locally" : "FAILED";
        line(`[${event.index + 1}/${event.total}] ${event.catalogId}: ${what}`);
        return;
      }
    }
  };
  const end = (): void => {
    if (openLine) stream.write("\n");
    openLine = false;
  };
  return { onEvent, end };
}
