/**
 * Values that repeat across a cluster's objects, kept once: strings
 * (namespaces, label values, phases, classes), sentences (a diagnosis's
 * explanation and fix), and small structures (label maps, a volume's zone
 * affinity). Each table is capped, so hostile data cannot grow it.
 */

const interned = new Map<string, string>();
/** Interned values longer than this are unlikely to repeat. */
const MAX_INTERNED_LENGTH = 100;
/** A cap on distinct interned values, so hostile data cannot grow it. */
const MAX_INTERNED = 50_000;

/** One string per repeated value. */
export function intern<T extends string | undefined>(value: T): T {
  if (value === undefined || value.length > MAX_INTERNED_LENGTH) return value;
  const known = interned.get(value);
  if (known !== undefined) return known as T;
  if (interned.size < MAX_INTERNED) interned.set(value, value);
  return value;
}

const texts = new Map<string, string>();

/**
 * One string per repeated sentence (a diagnosis's explanation and fix):
 * longer than the values `intern` takes, in a table of its own.
 */
export function internText(text: string): string {
  const known = texts.get(text);
  if (known !== undefined) return known;
  if (texts.size < MAX_INTERNED && text.length <= 2000) texts.set(text, text);
  return text;
}

/** A list of short values, shared between the objects that have the same one. */
export function sharedList(values: string[] | undefined): string[] | undefined {
  return values && shared(values.map(intern));
}

const sharedTrees = new Map<string, object>();

/**
 * One frozen copy per distinct small structure that repeats across a
 * cluster's objects (a volume's zone affinity: there are a few zones).
 * Frozen, because it is shared: a consumer that tried to change it would
 * change every object's.
 */
export function shared<T extends object | undefined>(value: T): T {
  if (value === undefined) return value;
  const key = JSON.stringify(value);
  if (key.length > 2 * MAX_INTERNED_LENGTH * 4) return value;
  const known = sharedTrees.get(key);
  if (known) return known as T;
  const frozen = deepFreeze(JSON.parse(key));
  if (sharedTrees.size < MAX_INTERNED) sharedTrees.set(key, frozen);
  return frozen;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/**
 * A label or annotation map (or a capacity), shared between the objects
 * that have the same one: claims of one StatefulSet carry one set of
 * labels, volumes of one driver one set of annotations.
 */
export function sharedRecord(
  record: Record<string, string> | undefined,
  drop?: string,
): Record<string, string> | undefined {
  if (!record) return undefined;
  const result: Record<string, string> = {};
  for (const key of Object.keys(record)) {
    if (key !== drop) result[key] = intern(record[key]);
  }
  return shared(result);
}
