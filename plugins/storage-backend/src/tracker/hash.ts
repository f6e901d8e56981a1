/**
 * A 53-bit hash of a string (cyrb53): what the tracker keeps per claim to
 * notice a change, instead of the text itself. Two different texts share a
 * hash about once in 2^53 comparisons.
 */
export function hash53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

const SMALL = 2 ** 30;

/**
 * A 53-bit hash as two numbers below 2^30. V8 keeps such small integers
 * in the object's field itself; a 53-bit number in a field is a heap
 * number of 16 bytes of its own. Per claim and per hash that adds up.
 */
export function smallParts(hash: number): { low: number; high: number } {
  return { low: hash % SMALL, high: Math.floor(hash / SMALL) };
}

/**
 * A 30-bit hash (the low bits of hash53), kept in place as a small
 * integer: for comparisons where a collision, about once in a billion
 * changes, costs little.
 */
export function hash30(text: string): number {
  return hash53(text) % SMALL;
}
