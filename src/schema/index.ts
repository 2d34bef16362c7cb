export * from "./tables/index.js";
export { categoryToTable, nonCallingCategories, allAcsCategories } from "./categories.js";
export type { CallingCategory, CallingTableName } from "./categories.js";
export { col, defineTable } from "./define-table.js";
export type { ColumnDef, Columns, ColumnNameOf, ColumnTypesOf, RowOf, TableDef } from "./define-table.js";
export { KQL_TYPES } from "./kql-types.js";
export type { KqlType, TsValueOf } from "./kql-types.js";
export { operationColumns, standardColumns } from "./standard-columns.js";
