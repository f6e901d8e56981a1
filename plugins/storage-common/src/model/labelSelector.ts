/**
 * Kubernetes label selectors, parsed as kube-apiserver parses them
 * (k8s.io/apimachinery/pkg/labels): the grammar
 *
 *   selector    ::= requirement | requirement "," selector
 *   requirement ::= [!] KEY [ ("in" | "notin") "(" VALUES ")" | ("=" | "==" | "!=" | ">" | "<") VALUE ]
 *
 * with `=`, `!`, `(`, `)`, `,`, `>`, `<` ending a word, so `a in(x)` and
 * `a=b` need no spaces, and `in`/`notin` are plain words where a value or a
 * key is expected.
 */

export type LabelSelectorOperator =
  | 'in'
  | 'notin'
  | 'exists'
  | '!exists'
  | 'gt'
  | 'lt';

export type Requirement =
  | { key: string; op: 'in' | 'notin'; values: string[] }
  | { key: string; op: 'exists' | '!exists' }
  | { key: string; op: 'gt' | 'lt'; values: [string] };

export type LabelSelector = Requirement[];

/** DNS-1123 label part of a qualified name (≤ 63 characters). */
const NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS1123_SUBDOMAIN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** A label value: empty, or alphanumerics with `-`, `_`, `.` inside. */
const VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const INTEGER = /^[+-]?\d+$/;

/** A label key: `[prefix/]name`, prefix a DNS subdomain, name ≤ 63 characters. */
export function isLabelKey(key: string): boolean {
  const slash = key.lastIndexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== undefined) {
    if (prefix.length === 0 || prefix.length > 253) return false;
    if (!DNS1123_SUBDOMAIN.test(prefix)) return false;
  }
  return name.length <= 63 && NAME.test(name);
}

function isLabelValueText(value: string): boolean {
  return value.length <= 63 && VALUE.test(value);
}

type TokenKind =
  | 'end'
  | 'error'
  | 'identifier'
  | 'in'
  | 'notin'
  | '('
  | ')'
  | ','
  | '!'
  | '='
  | '=='
  | '!='
  | '>'
  | '<';

interface Token {
  kind: TokenKind;
  text: string;
}

const SYMBOLS = new Set(['(', ')', ',', '!', '=', '==', '!=', '>', '<']);
const SPECIAL = new Set(['=', '!', '(', ')', ',', '>', '<']);
const WHITESPACE = new Set([' ', '\t', '\r', '\n']);

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  for (;;) {
    while (pos < text.length && WHITESPACE.has(text[pos])) pos++;
    if (pos >= text.length) {
      tokens.push({ kind: 'end', text: '' });
      return tokens;
    }
    if (SPECIAL.has(text[pos])) {
      // The longest run of symbol characters that is an operator.
      let buffer = '';
      let found: string | undefined;
      while (pos < text.length && SPECIAL.has(text[pos])) {
        buffer += text[pos];
        if (SYMBOLS.has(buffer)) {
          found = buffer;
          pos++;
        } else if (found) {
          break;
        } else {
          pos++;
        }
      }
      tokens.push(
        found
          ? { kind: found as TokenKind, text: found }
          : { kind: 'error', text: buffer },
      );
      if (!found) return [...tokens, { kind: 'end', text: '' }];
      continue;
    }
    let word = '';
    while (
      pos < text.length &&
      !SPECIAL.has(text[pos]) &&
      !WHITESPACE.has(text[pos])
    ) {
      word += text[pos++];
    }
    tokens.push({
      kind: word === 'in' || word === 'notin' ? word : 'identifier',
      text: word,
    });
  }
}

class SelectorSyntaxError extends Error {}

class Parser {
  private position = 0;

  constructor(private readonly tokens: Token[]) {}

  /** The next token; `in` and `notin` are words except where an operator is expected. */
  private peek(operator = false): Token {
    return this.asContext(this.tokens[this.position], operator);
  }

  private next(operator = false): Token {
    return this.asContext(this.tokens[this.position++], operator);
  }

  private asContext(token: Token, operator: boolean): Token {
    if (!operator && (token.kind === 'in' || token.kind === 'notin')) {
      return { kind: 'identifier', text: token.text };
    }
    return token;
  }

  parse(): LabelSelector {
    const requirements: LabelSelector = [];
    for (;;) {
      const token = this.peek();
      if (token.kind === 'end') return requirements;
      if (token.kind !== 'identifier' && token.kind !== '!') {
        throw new SelectorSyntaxError(
          `found '${token.text}', expected: !, identifier, or 'end of string'`,
        );
      }
      requirements.push(this.requirement());
      const after = this.next();
      if (after.kind === 'end') return requirements;
      if (after.kind !== ',') {
        throw new SelectorSyntaxError(
          `found '${after.text}', expected: ',' or 'end of string'`,
        );
      }
      const following = this.peek();
      if (following.kind !== 'identifier' && following.kind !== '!') {
        throw new SelectorSyntaxError(
          `found '${following.text}', expected: identifier after ','`,
        );
      }
    }
  }

  private requirement(): Requirement {
    let token = this.next();
    const negated = token.kind === '!';
    if (negated) token = this.next();
    if (token.kind !== 'identifier') {
      throw new SelectorSyntaxError(
        `unable to parse requirement: found '${token.text}', expected: identifier`,
      );
    }
    const key = token.text;
    if (!isLabelKey(key)) {
      throw new SelectorSyntaxError(
        `unable to parse requirement: invalid label key "${key}"`,
      );
    }
    const lookahead = this.peek().kind;
    if (negated) return { key, op: '!exists' };
    if (lookahead === 'end' || lookahead === ',') return { key, op: 'exists' };

    const operator = this.next(true);
    switch (operator.kind) {
      case 'in':
      case 'notin':
        return { key, op: operator.kind, values: this.valueSet(key) };
      case '=':
      case '==':
      case '!=':
        return {
          key,
          op: operator.kind === '!=' ? 'notin' : 'in',
          values: [this.exactValue(key)],
        };
      case '>':
      case '<': {
        const value = this.exactValue(key);
        if (!INTEGER.test(value)) {
          throw new SelectorSyntaxError(
            `unable to parse requirement: for 'Gt', 'Lt' operators, the value must be an integer`,
          );
        }
        return {
          key,
          op: operator.kind === '>' ? 'gt' : 'lt',
          values: [value],
        };
      }
      default:
        throw new SelectorSyntaxError(
          `unable to parse requirement: found '${operator.text}', expected: in, notin, =, ==, !=, gt, lt`,
        );
    }
  }

  private checkValue(key: string, value: string): string {
    if (!isLabelValueText(value)) {
      throw new SelectorSyntaxError(
        `unable to parse requirement: invalid label value: "${value}" of key "${key}"`,
      );
    }
    return value;
  }

  /** `(a, b, c)`; empty entries are empty values, `()` is the empty value. */
  private valueSet(key: string): string[] {
    const open = this.next();
    if (open.kind !== '(') {
      throw new SelectorSyntaxError(
        `unable to parse requirement: found '${open.text}' expected: '('`,
      );
    }
    const values = new Set<string>();
    let expectValue = true;
    for (;;) {
      const token = this.next();
      if (token.kind === ')') {
        if (expectValue) values.add('');
        return [...values].map(value => this.checkValue(key, value));
      }
      if (token.kind === ',') {
        if (expectValue) values.add('');
        expectValue = true;
        continue;
      }
      if (token.kind === 'identifier' && expectValue) {
        values.add(token.text);
        expectValue = false;
        continue;
      }
      throw new SelectorSyntaxError(
        `unable to parse requirement: found '${token.text}', expected: ',', ')' or identifier`,
      );
    }
  }

  private exactValue(key: string): string {
    const token = this.peek();
    if (token.kind === 'end' || token.kind === ',') return '';
    this.next();
    if (token.kind !== 'identifier') {
      throw new SelectorSyntaxError(
        `unable to parse requirement: found '${token.text}', expected: identifier`,
      );
    }
    return this.checkValue(key, token.text);
  }
}

/**
 * Parses a label selector; on malformed text, the reason in the API server's
 * words. An empty selector has no requirements (it matches everything).
 */
export function parseLabelSelectorText(
  selector: string,
): { selector: LabelSelector } | { error: string } {
  try {
    return { selector: new Parser(tokenize(selector)).parse() };
  } catch (error) {
    if (error instanceof SelectorSyntaxError) return { error: error.message };
    throw error;
  }
}

/**
 * Parses a Kubernetes label selector (`a=b`, `a!=b`, `a in (x,y)`,
 * `a notin (x)`, `a`, `!a`, `a>1`, joined by commas); undefined when malformed.
 */
export function parseLabelSelector(
  selector: string,
): LabelSelector | undefined {
  const result = parseLabelSelectorText(selector);
  return 'selector' in result ? result.selector : undefined;
}

/** The requirements of a `LabelSelector` object (matchLabels and matchExpressions). */
export function labelSelectorOfObject(selector: {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{
    key: string;
    operator: string;
    values?: string[];
  }>;
}): LabelSelector {
  const fromLabels = Object.entries(selector.matchLabels ?? {}).map(
    ([key, value]): Requirement => ({ key, op: 'in', values: [value] }),
  );
  const fromExpressions = (selector.matchExpressions ?? []).map(
    ({ key, operator, values }): Requirement => {
      switch (operator) {
        case 'In':
          return { key, op: 'in', values: values ?? [] };
        case 'NotIn':
          return { key, op: 'notin', values: values ?? [] };
        case 'Exists':
          return { key, op: 'exists' };
        default:
          return { key, op: '!exists' };
      }
    },
  );
  return [...fromLabels, ...fromExpressions];
}

function compareInteger(
  value: string | undefined,
  bound: string,
): number | undefined {
  if (value === undefined || !INTEGER.test(value)) return undefined;
  const difference = BigInt(value) - BigInt(bound);
  if (difference === 0n) return 0;
  return difference > 0n ? 1 : -1;
}

export function matchesLabelSelector(
  selector: LabelSelector,
  labels: Record<string, string> | undefined,
): boolean {
  const present = labels ?? {};
  return selector.every(requirement => {
    const has = Object.prototype.hasOwnProperty.call(present, requirement.key);
    const value = has ? present[requirement.key] : undefined;
    switch (requirement.op) {
      case 'exists':
        return has;
      case '!exists':
        return !has;
      case 'in':
        return has && requirement.values.includes(value!);
      case 'notin':
        return !has || !requirement.values.includes(value!);
      case 'gt':
        return compareInteger(value, requirement.values[0]) === 1;
      default:
        return compareInteger(value, requirement.values[0]) === -1;
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
