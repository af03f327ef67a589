/** A share on the 0–100 scale, rounded to one decimal; null when there is nothing to divide by. Never clamped. */
export function percent(numerator: number, denominator: number): number | null {
  if (denominator === 0) return null;
  return Math.round((numerator / denominator) * 1000) / 10;
}

/** Legacy Partner Center analytics send 0..1 fractions; the product speaks 0–100. */
export function fractionToPercent(fraction: number): number {
  return Math.round(fraction * 1000) / 10;
}
