import type { CatalogEntry } from "../src/catalog/index.js";
import { entries as errors } from "./errors.js";
import { entries as joins } from "./joins.js";
import { entries as quality } from "./quality.js";
import { entries as reliability } from "./reliability.js";
import { entries as volume } from "./volume.js";

/** Every catalog query, by area. */
export const catalog: readonly CatalogEntry[] = [...joins, ...quality, ...errors, ...volume, ...reliability];
