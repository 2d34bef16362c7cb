// cdktf entry point (see cdktf.json): `npx cdktf synth` and `npx cdktf deploy` run this.
import { App } from "cdktf";
import { buildStacks } from "./src/infra/app.js";

const app = new App();
buildStacks(app);
app.synth();
