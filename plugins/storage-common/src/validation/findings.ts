export type Severity = 'error' | 'warning' | 'info';

/** One problem (or remark) about a request or manifest. */
export interface Finding {
  severity: Severity;
  /** Path of the field at fault, e.g. `size` or `spec.accessModes`. */
  field: string;
  /** Stable machine-readable code (see VALIDATION_RULES). */
  code: string;
  message: string;
  /** What to do about it. */
  fix: string;
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some(finding => finding.severity === 'error');
}

const SEVERITY_ORDER: Record<Severity, number> = {
  error: 0,
  warning: 1,
  info: 2,
};

/** Errors first, then warnings, then infos; stable within a severity. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return findings
    .map((finding, index) => ({ finding, index }))
    .sort(
      (a, b) =>
        SEVERITY_ORDER[a.finding.severity] -
          SEVERITY_ORDER[b.finding.severity] || a.index - b.index,
    )
    .map(({ finding }) => finding);
}

/** Reads a property of an unknown value without throwing. */
export function prop(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  try {
    return (value as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

/** Reads a nested property path (`spec.resources.requests.storage`). */
export function path(value: unknown, dotted: string): unknown {
  return dotted
    .split('.')
    .reduce<unknown>((current, key) => prop(current, key), value);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string-to-string map from an unknown value, dropping non-string entries. */
export function stringRecord(value: unknown): Record<string, string> {
  if (!isRecord(value)) return {};
  const result: Record<string, string> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry === 'string') result[key] = entry;
    else if (typeof entry === 'number' || typeof entry === 'boolean')
      result[key] = String(entry);
  }
  return result;
}

export function stringArray(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string')
    : [];
}
