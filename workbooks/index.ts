import type { WorkbookDef } from "../src/workbook/model.js";
import { acsCallQuality } from "./acs-call-quality.js";

/** Every workbook of the kit; `npm run workbooks` writes each as workbooks/<name>.workbook.json and <name>.gallery.json. */
export const workbooks: readonly WorkbookDef[] = [acsCallQuality];

export { acsCallQuality };
