const MAX_AUDIT_TEXT = 200;

/**
 * A value fit for an audit entry: text is cut to 200 characters and its
 * control characters and lone surrogates escaped; anything else is named
 * by its type, never stringified (an object's own `toString` is not ours
 * to call).
 */
export function auditValue(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    return value === null ? '<null>' : `<${typeof value}>`;
  }
  const cut =
    value.length > MAX_AUDIT_TEXT
      ? `${value.slice(0, MAX_AUDIT_TEXT)}…(${value.length} characters)`
      : value;
  // JSON escapes control characters and lone surrogates; drop its quotes.
  return JSON.stringify(cut).slice(1, -1);
}

/** The fields of a request that an audit entry names, made safe. */
export function auditFieldsOf(input: unknown): Record<string, string> {
  const body =
    input && typeof input === 'object'
      ? (input as Record<string, unknown>)
      : {};
  const fields: Record<string, string> = {};
  for (const key of [
    'operation',
    'entityRef',
    'cluster',
    'namespace',
    'claimName',
    'requestId',
  ]) {
    const value = auditValue(Object.hasOwn(body, key) ? body[key] : undefined);
    if (value !== undefined) fields[key] = value;
  }
  return fields;
}
