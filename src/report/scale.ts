/** A linear axis from 0 to `top`, with round tick values. */
export interface LinearAxis {
  readonly top: number;
  readonly ticks: readonly number[];
}

/**
 * A 0-based axis covering `max` with about `target` round steps (1, 2, 2.5, 5 × 10ⁿ). With
 * `integer`, steps are at least 1, so counts never get fractional ticks.
 *
 * @example
 * ```ts
 * linearAxis(87);          // { top: 100, ticks: [0, 20, 40, 60, 80, 100] }
 * linearAxis(3, 5, true);  // { top: 3, ticks: [0, 1, 2, 3] }
 * ```
 */
export function linearAxis(max: number, target = 5, integer = false): LinearAxis {
  const m = Number.isFinite(max) && max > 0 ? max : integer ? 1 : 1;
  const raw = m / target;
  const mag = 10 ** Math.floor(Math.log10(raw));
  let step = [1, 2, 2.5, 5, 10].map((k) => k * mag).find((s) => s >= raw * (1 - 1e-12)) ?? 10 * mag;
  if (integer) step = Math.max(1, Math.ceil(step));
  const count = Math.max(1, Math.ceil(m / step - 1e-9));
  const ticks: number[] = [];
  for (let i = 0; i <= count; i++) ticks.push(Number((i * step).toPrecision(12)));
  return { top: Number((count * step).toPrecision(12)), ticks };
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const TIME_STEPS = [HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY, 14 * DAY, 30 * DAY, 91 * DAY, 365 * DAY];

/**
 * Tick instants between `from` and `to` (ms since epoch) on UTC hour/day boundaries, at most
 * about `target` of them; `daily` says whether labels need the time of day.
 */
export function timeTicks(from: number, to: number, target = 7): { readonly ticks: readonly number[]; readonly daily: boolean } {
  const span = Math.max(to - from, HOUR);
  const step = TIME_STEPS.find((s) => span / s <= target) ?? 365 * DAY;
  const first = Math.ceil(from / step) * step;
  const ticks: number[] = [];
  for (let t = first; t <= to; t += step) ticks.push(t);
  return { ticks, daily: step >= DAY };
}
