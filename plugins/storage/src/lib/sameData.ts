/**
 * Whether two JSON-like values (plain objects, arrays, primitives) hold
 * the same data: a refreshed answer brings new objects for unchanged
 * claims, and their rows need no rendering again.
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || !a || !b) {
    return false;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  return keysA.every(
    key =>
      Object.prototype.hasOwnProperty.call(b, key) &&
      sameData((a as any)[key], (b as any)[key]),
  );
}
