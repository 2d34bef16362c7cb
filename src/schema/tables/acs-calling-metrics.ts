import { col, defineTable } from "../define-table.js";
import { operationColumns, standardColumns } from "../standard-columns.js";

/** Daily-aggregated reliability and user-facing-diagnostic metrics behind the Voice & Video Insights workbooks. */
export const ACSCallingMetrics = defineTable({
  name: "ACSCallingMetrics",
  category: "CallingMetrics",
  description: "One row per daily time bin and combination of dimensions for an aggregated calling metric.",
  columns: {
    ...standardColumns,
    ...operationColumns,
    CallsDcount: col.int("Count of distinct calls in this dimension combination."),
    CallType: col.string("Call-type dimension, e.g. 1 to 1."),
    CorrelationId: col.string("GUID identifying the dimension combination; not a call ID."),
    DeviceBrand: col.string("Device manufacturer dimension."),
    DeviceFamily: col.string("Device family dimension."),
    DeviceModel: col.string("Device model dimension."),
    DeviceBrowser: col.string("Browser name dimension."),
    DeviceBrowserVersionMajor: col.string("Browser major-version dimension."),
    DeviceBrowserVersionMinor: col.string("Browser minor-version dimension."),
    DeviceOsName: col.string("Operating-system name dimension."),
    DeviceOsVersionMajor: col.string("Operating-system major-version dimension."),
    DeviceOsVersionMinor: col.string("Operating-system minor-version dimension."),
    FailedLegsDcount: col.int("Count of distinct participant legs that failed the metric."),
    SuccessLegsDcount: col.int("Count of distinct participant legs that met the metric."),
    LegsDcount: col.int("Count of all distinct participant legs measured."),
    Goal: col.string("Target a leg must reach to count as successful, e.g. >= 100.0."),
    MetricName: col.string("Metric path, e.g. reliability/api/Join or reliability/leg/Drop."),
    MetricValueAvg: col.real("Mean value of the metric across the dimension combination."),
    Platform: col.string("Client platform dimension: Web, iOS, Android or Windows."),
    ResultType: col.string("Outcome dimension, e.g. Succeeded or an error category."),
    SdkVersion: col.string("Calling SDK version dimension."),
    SubCode: col.string("Result subcode dimension."),
    TimestampBin: col.datetime("Start of the daily bin the row aggregates."),
    TimestampMax: col.datetime("Latest timestamp in the combination; take arg_max on it to deduplicate."),
    Unit: col.string("Unit of MetricValueAvg, e.g. percentage."),
  },
});
