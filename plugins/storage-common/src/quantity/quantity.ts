/**
 * Kubernetes resource quantities (`10Gi`, `500M`, `1.5Ti`, `1e3`, `100m`).
 *
 * This is our own small parser rather than client-node's: this package is
 * bundled into the browser, and client-node may only be imported for types.
 */

const BINARY_SUFFIXES: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

const DECIMAL_SUFFIXES: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

/** Bytes in one GiB. */
export const GIB = 2 ** 30;

// The grammar from k8s.io/apimachinery/pkg/api/resource: a signed decimal number
// followed by a binary suffix, a decimal suffix, or a decimal exponent.
const QUANTITY_PATTERN =
  /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/;

/**
 * Parses a Kubernetes quantity into a number (bytes for storage).
 * Returns undefined for anything that is not a valid quantity; never throws.
 */
export function parseQuantity(quantity: unknown): number | undefined {
  if (typeof quantity === 'number') {
    return Number.isFinite(quantity) ? quantity : undefined;
  }
  if (typeof quantity !== 'string' || quantity.length > 64) {
    return undefined;
  }
  const match = QUANTITY_PATTERN.exec(quantity);
  if (!match) {
    return undefined;
  }
  const [, sign, digits, suffix = ''] = match;
  let multiplier: number;
  if (suffix in BINARY_SUFFIXES) {
    multiplier = BINARY_SUFFIXES[suffix];
  } else if (suffix in DECIMAL_SUFFIXES) {
    multiplier = DECIMAL_SUFFIXES[suffix];
  } else {
    multiplier = 10 ** Number(suffix.slice(1));
  }
  const value = Number(digits) * multiplier * (sign === '-' ? -1 : 1);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * Formats a byte count the way Kubernetes canonicalises it: the largest binary
 * suffix that divides it exactly (`1.5Ti` → `1536Gi`), else the largest
 * decimal one (`500M`), else plain bytes. Fractions of a byte round up.
 */
export function formatQuantity(bytes: number): string {
  if (!Number.isFinite(bytes)) {
    return '0';
  }
  const whole = Math.ceil(bytes);
  if (whole === 0) {
    return '0';
  }
  const binary = Object.entries(BINARY_SUFFIXES).reverse();
  for (const [suffix, size] of binary) {
    if (whole % size === 0) {
      return `${whole / size}${suffix}`;
    }
  }
  for (const suffix of ['E', 'P', 'T', 'G', 'M', 'k']) {
    const size = DECIMAL_SUFFIXES[suffix];
    if (whole % size === 0) {
      return `${whole / size}${suffix}`;
    }
  }
  return String(whole);
}

/** A quantity (or byte count) in GiB, possibly fractional; undefined when invalid. */
export function toGiB(quantity: string | number): number | undefined {
  const bytes = parseQuantity(quantity);
  return bytes === undefined ? undefined : bytes / GIB;
}

/** The byte count of a whole number of GiB, formatted (`gibToQuantity(10)` → `10Gi`). */
export function gibToQuantity(gib: number): string {
  return formatQuantity(gib * GIB);
}
