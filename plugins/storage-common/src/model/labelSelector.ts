type Requirement =
  | { key: string; op: 'in' | 'notin'; values: string[] }
  | { key: string; op: 'exists' | '!exists' };

export type LabelSelector = Requirement[];

const KEY = /^[A-Za-z0-9]([-A-Za-z0-9_./]*[A-Za-z0-9])?$/;
/** A label value: empty, or alphanumerics with `-`, `_`, `.` inside. */
const VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** Splits on commas that are not inside a `(...)` value set. */
function clauses(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of selector) {
    if (char === '(') depth++;
    if (char === ')') depth--;
    if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts.map(p => p.trim()).filter(Boolean);
}

function parseClause(clause: string): Requirement | undefined {
  let match = clause.match(/^(\S+?)\s*(==|=|!=)\s*(\S*)$/);
  if (match && KEY.test(match[1]) && VALUE.test(match[3])) {
    const [, key, op, value] = match;
    return { key, op: op === '!=' ? 'notin' : 'in', values: [value] };
  }
  match = clause.match(/^(\S+)\s+(in|notin)\s+\(([^)]*)\)$/);
  if (match && KEY.test(match[1])) {
    const values = match[3].split(',').map(v => v.trim());
    return values.every(v => VALUE.test(v))
      ? { key: match[1], op: match[2] as 'in' | 'notin', values }
      : undefined;
  }
  match = clause.match(/^(!?)(\S+)$/);
  if (match && KEY.test(match[2])) {
    return { key: match[2], op: match[1] ? '!exists' : 'exists' };
  }
  return undefined;
}

/**
 * Parses a Kubernetes label selector (`a=b`, `a!=b`, `a in (x,y)`,
 * `a notin (x)`, `a`, `!a`, joined by commas); undefined when malformed.
 */
export function parseLabelSelector(
  selector: string,
): LabelSelector | undefined {
  const requirements: Requirement[] = [];
  for (const clause of clauses(selector)) {
    const requirement = parseClause(clause);
    if (!requirement) {
      return undefined;
    }
    requirements.push(requirement);
  }
  return requirements;
}

export function matchesLabelSelector(
  selector: LabelSelector,
  labels: Record<string, string> | undefined,
): boolean {
  const present = labels ?? {};
  return selector.every(requirement => {
    const has = Object.prototype.hasOwnProperty.call(present, requirement.key);
    switch (requirement.op) {
      case 'exists':
        return has;
      case '!exists':
        return !has;
      case 'in':
        return has && requirement.values.includes(present[requirement.key]);
      default:
        return !has || !requirement.values.includes(present[requirement.key]);
    }
  });
}

/**
 * Whether labels match a selector written as text; undefined when the text
 * is not a label selector, so callers can decide what an unknown means.
 */
export function matchesLabelSelectorText(
  selector: string,
  labels: Record<string, string> | undefined,
): boolean | undefined {
  const parsed = parseLabelSelector(selector);
  return parsed ? matchesLabelSelector(parsed, labels) : undefined;
}
