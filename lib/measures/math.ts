/** Nearest whole number, halves up, from an exact fraction numerator/denominator (denominator > 0). */
export function roundFractionHalfUp(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/** Round to a fixed number of decimals, halves away from zero; absorbs float noise such as 0.7000000000000002. */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const scaled = Math.round(Math.abs(value) * factor + 1e-9) / factor;
  return value < 0 ? -scaled : scaled;
}
