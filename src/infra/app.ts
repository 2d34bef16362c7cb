import { App } from "cdktf";
import { CallInsightsStack } from "./call-insights-stack.js";

/** Builds every stack of the kit into `app`. Shared by `main.ts` (cdktf) and `acs-insights build`. */
export function buildStacks(app: App): CallInsightsStack[] {
  return [new CallInsightsStack(app, "acs-insights-dev", { environment: "dev", location: "westeurope", dataLocation: "Europe" })];
}

/** Synthesizes the stacks into `outdir` and returns their names. */
export function synthesize(outdir: string): string[] {
  const app = new App({ outdir });
  const stacks = buildStacks(app);
  app.synth();
  return stacks.map((s) => s.node.id);
}
