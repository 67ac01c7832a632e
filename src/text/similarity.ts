/**
 * How alike two texts are, as sparse vectors (a word or term → its weight): the cosine of the angle
 * between them. Twins of a letter and one matter across years are both found this way.
 */

/** Cosine similarity; 0 when either vector is empty. */
export function cosine<K>(a: ReadonlyMap<K, number>, b: ReadonlyMap<K, number>): number {
  const product = dot(a, b);
  return product === 0 ? 0 : product / (norm(a) * norm(b));
}

/** The dot product, walking the smaller vector. */
export function dot<K>(a: ReadonlyMap<K, number>, b: ReadonlyMap<K, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [key, w] of small) sum += w * (large.get(key) ?? 0);
  return sum;
}

/** The vector's length. */
export function norm<K>(v: ReadonlyMap<K, number>): number {
  let sum = 0;
  for (const w of v.values()) sum += w * w;
  return Math.sqrt(sum);
}
