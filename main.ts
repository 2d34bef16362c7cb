// cdktf entry point (see cdktf.json): `npx cdktf synth` and `npx cdktf deploy <stack>` run this.
// One stack per environment of monitoring.config.json (or the file named by
// $ACS_INSIGHTS_CONFIG). The config is validated before anything is written: a problem
// prints one line per problem and exits with 2, and cdktf.out is left as it was.
import { App } from "cdktf";
import { configPath, ConfigError, displayPath } from "./src/config/load.js";
import { buildStacks, loadStackInputs, validateConstructs } from "./src/infra/app.js";

function main(): void {
  let inputs;
  try {
    inputs = loadStackInputs();
    const problems = validateConstructs(inputs);
    if (problems.length > 0) throw new ConfigError(problems.map((p) => `${displayPath(configPath())}: ${p}`));
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    for (const p of err.problems) process.stderr.write(`acs-insights: error: ${p}\n`);
    process.exitCode = 2;
    return;
  }
  const app = new App();
  buildStacks(app, inputs);
  app.synth();
}

main();
