// The one OS-family mapping of the catalog: every entry that buckets ACSCallSummary.OsVersion
// (errors, quality, volume) uses it, so the same participant lands in the same slice
// everywhere and the `osNames` filter means the same thing in every query.
import { fn, type Expr } from "../src/kql/index.js";

/** Every label {@link osFamilyOf} can return, in the order its rules are tried. */
export const OS_FAMILY_LABELS = ["Redacted", "Unknown", "Windows", "Android", "iOS", "macOS", "Linux", "Other"] as const;

/** One OS family label. */
export type OsFamily = (typeof OS_FAMILY_LABELS)[number];

/**
 * OS family from the free-text OsVersion ("Windows 10.0.17763 Arch: x64", "Android 11.0;
 * Manufacturer: ...", "Darwin Kernel Version ...: RELEASE_ARM64_S5L8960X" from the iOS SDK,
 * browser-reported "Mac OS X ..."):
 *
 * | Label | When |
 * |---|---|
 * | Redacted | OsVersion is "Redacted" (cross-tenant participant) |
 * | Unknown | empty (server and PSTN legs) |
 * | Windows | mentions Windows |
 * | Android | mentions Android |
 * | iOS | mentions iPhone, iPad or iOS |
 * | macOS | mentions Mac OS, macOS, OS X or Macintosh |
 * | iOS | mentions Darwin (and none of the above) |
 * | Linux | mentions Linux or Ubuntu |
 * | Other | anything else |
 *
 * `indexof` is case-sensitive, so each family is matched on the spellings clients report.
 * Android comes before Linux because Android strings may name the Linux kernel. A bare
 * Darwin kernel string is what the iOS SDK reports (the chip in RELEASE_ARM64_<chip> is an
 * iPhone's), so it is iOS; Darwin is tried after the macOS spellings so that a Mac string
 * that also names its kernel stays macOS.
 *
 * @example
 * from(ACSCallSummary).extend((c) => ({ OsName: osFamilyOf(c.OsVersion) }))
 */
export function osFamilyOf(os: Expr<"string">): Expr<"string"> {
  const mentions = (...needles: string[]) => needles.map((n) => fn.indexof(os, n).ge(0n)).reduce((a, b) => a.or(b));
  const rules: readonly (readonly [Expr<"bool">, OsFamily])[] = [
    [os.eq("Redacted"), "Redacted"],
    [fn.isempty(os), "Unknown"],
    [mentions("Windows"), "Windows"],
    [mentions("Android"), "Android"],
    [mentions("iPhone", "iPad", "iOS"), "iOS"],
    [mentions("Mac OS", "macOS", "OS X", "Macintosh"), "macOS"],
    [mentions("Darwin"), "iOS"],
    [mentions("Linux", "Ubuntu"), "Linux"],
  ];
  return fn.case<"string", string>(rules, "Other" satisfies OsFamily);
}

/** The mapping of {@link osFamilyOf} in one sentence fragment, for entry descriptions. */
export const OS_FAMILY_SUMMARY =
  "Windows, Android, iOS (iPhone, iPad, iOS, or a bare Darwin kernel string, which is what the iOS SDK reports), " +
  "macOS (Mac OS, macOS, OS X, Macintosh), Linux (Linux, Ubuntu; Android is tested first), Other; Redacted for " +
  "cross-tenant participants (OS hidden) and Unknown for an empty OsVersion (server and PSTN legs)";
