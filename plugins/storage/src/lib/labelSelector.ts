/**
 * Matches labels against a Kubernetes label selector string
 * (`a=b,c!=d,e in (f,g),h notin (i),j,!k`). Returns undefined when the
 * selector cannot be parsed, so callers can choose to err on the side of
 * refreshing.
 */
export function matchesLabelSelector(
  selector: string,
  labels: Record<string, string>,
): boolean | undefined {
  const requirements = splitRequirements(selector);
  if (!requirements) return undefined;
  for (const raw of requirements) {
    const requirement = raw.trim();
    if (!requirement) continue;
    const set = /^([^\s!=]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(requirement);
    if (set) {
      const [, key, op, list] = set;
      const values = list.split(',').map(v => v.trim());
      const has = key in labels && values.includes(labels[key]);
      if (op === 'in' ? !has : has) return false;
      continue;
    }
    const equality = /^([^\s!=]+)\s*(==|=|!=)\s*([^\s]*)$/.exec(requirement);
    if (equality) {
      const [, key, op, value] = equality;
      const equal = labels[key] === value;
      if (op === '!=' ? equal : !equal) return false;
      continue;
    }
    const exists = /^(!?)([^\s!=()]+)$/.exec(requirement);
    if (exists) {
      const [, not, key] = exists;
      if (key in labels === (not === '!')) return false;
      continue;
    }
    return undefined;
  }
  return true;
}

/** Splits on commas outside parentheses. */
function splitRequirements(selector: string): string[] | undefined {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of selector) {
    if (char === '(') depth++;
    if (char === ')') depth--;
    if (depth < 0) return undefined;
    if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  if (depth !== 0) return undefined;
  parts.push(current);
  return parts;
}
