import {
  FLAG_CODES,
  RECOMMENDATION_CODES,
  type CustomerReport,
  type Flag,
  type FindingCode,
  type FlagCode,
  type Recommendation,
} from './report-types.js';

/** Flags and recommendations looked up by code: what "customers with trials" and the portfolio's counts ask. */

export function isFlagCode(code: string): code is FlagCode {
  return (FLAG_CODES as readonly string[]).includes(code);
}

export function isFindingCode(code: string): code is FindingCode {
  return isFlagCode(code) || (RECOMMENDATION_CODES as readonly string[]).includes(code);
}

/** The customer's flag or recommendation of that code; undefined when it has none. */
export function findingOf(report: CustomerReport, code: FindingCode): Flag | Recommendation | undefined {
  return isFlagCode(code) ? report.flags.find((f) => f.code === code) : report.recommendations.find((r) => r.code === code);
}
