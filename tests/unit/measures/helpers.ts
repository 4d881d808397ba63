export type RawAnswers = Record<string, number | null>;

export function answersOf(values: readonly (number | null)[], suffix = ''): RawAnswers {
  return Object.fromEntries(values.map((v, i) => [`q${i + 1}${suffix}`, v]));
}

/** `count` answers on 0..maxPerItem summing to `total`, filled from the first item. */
export function spread(total: number, count: number, maxPerItem: number): number[] {
  const out: number[] = [];
  let left = total;
  for (let i = 0; i < count; i++) {
    const v = Math.min(maxPerItem, left);
    out.push(v);
    left -= v;
  }
  if (left !== 0) throw new Error(`cannot spread ${total} over ${count}`);
  return out;
}
