/**
 * Bearer-token authentication and a small RBAC-like authorisation policy
 * (token → verbs × resources × namespaces), answering 401 and 403 with the
 * real server's messages.
 */
import { ApiError, errors } from './errors';

export interface AccessRule {
  /** Verbs (`get`, `list`, …) or `*`. */
  verbs: string[];
  /** Resources (`persistentvolumeclaims`, `persistentvolumeclaims/status`) or `*`. */
  resources: string[];
  /** Namespaces the rule applies in; omitted or `*` for all (and cluster scope). */
  namespaces?: string[];
}

export interface AuthUser {
  name: string;
  token: string;
  groups?: string[];
  rules: AccessRule[];
  /** May use the simulator's admin API (`/_sim/`). */
  admin?: boolean;
}

/** Either anyone may do anything (local demos), or tokens with rules. */
export type AuthPolicy =
  | { mode: 'anonymous' }
  | { mode: 'tokens'; users: AuthUser[] };

export interface Identity {
  name: string;
  groups: string[];
  admin: boolean;
  rules: AccessRule[] | 'all';
}

export interface AccessRequest {
  verb: string;
  group: string;
  resource: string;
  subresource?: string;
  namespace?: string;
  name?: string;
}

const ANONYMOUS_ADMIN: Identity = {
  name: 'system:anonymous',
  groups: ['system:unauthenticated'],
  admin: true,
  rules: 'all',
};

/** Parses an authorisation file's content (already JSON/YAML-decoded). */
export function parseAuthPolicy(document: unknown): AuthPolicy {
  const doc = document as { anonymous?: boolean; users?: unknown };
  if (doc?.anonymous === true) {
    return { mode: 'anonymous' };
  }
  if (!Array.isArray(doc?.users)) {
    throw new Error(
      'authorisation file must have a "users" list (or "anonymous: true")',
    );
  }
  const users = doc.users.map((raw, index): AuthUser => {
    const user = raw as Partial<AuthUser>;
    if (typeof user?.name !== 'string' || typeof user.token !== 'string') {
      throw new Error(`users[${index}] needs a "name" and a "token"`);
    }
    const rules = Array.isArray(user.rules) ? user.rules : [];
    for (const rule of rules) {
      if (!Array.isArray(rule.verbs) || !Array.isArray(rule.resources)) {
        throw new Error(
          `users[${index}].rules need "verbs" and "resources" lists`,
        );
      }
    }
    return {
      name: user.name,
      token: user.token,
      groups: Array.isArray(user.groups) ? user.groups : [],
      rules,
      admin: user.admin === true,
    };
  });
  return { mode: 'tokens', users };
}

export class Authenticator {
  private readonly byToken = new Map<string, AuthUser>();

  constructor(private readonly policy: AuthPolicy) {
    if (policy.mode === 'tokens') {
      policy.users.forEach(u => this.byToken.set(u.token, u));
    }
  }

  /** The caller's identity, or a 401 ApiError. */
  authenticate(authorization: string | undefined): Identity {
    if (this.policy.mode === 'anonymous') {
      return ANONYMOUS_ADMIN;
    }
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    const user = match ? this.byToken.get(match[1]) : undefined;
    if (!user) {
      throw errors.unauthorized();
    }
    return {
      name: user.name,
      groups: [...(user.groups ?? []), 'system:authenticated'],
      admin: Boolean(user.admin),
      rules: user.rules,
    };
  }
}

function includes(list: string[] | undefined, value: string) {
  return list === undefined || list.includes('*') || list.includes(value);
}

export function isAllowed(identity: Identity, request: AccessRequest): boolean {
  if (identity.rules === 'all') {
    return true;
  }
  const resource = request.subresource
    ? `${request.resource}/${request.subresource}`
    : request.resource;
  return identity.rules.some(
    rule =>
      includes(rule.verbs, request.verb) &&
      (includes(rule.resources, resource) ||
        (request.subresource !== undefined &&
          rule.resources.includes(`${request.resource}/*`))) &&
      (request.namespace
        ? includes(rule.namespaces, request.namespace)
        : rule.namespaces === undefined || rule.namespaces.includes('*')),
  );
}

/** The 403 a real server answers when RBAC denies a request. */
export function forbiddenFor(
  identity: Identity,
  request: AccessRequest,
): ApiError {
  const resource = request.subresource
    ? `${request.resource}/${request.subresource}`
    : request.resource;
  const qualified = request.group
    ? `${request.resource}.${request.group}`
    : request.resource;
  const subject = request.name ? `${qualified} "${request.name}"` : qualified;
  const scope = request.namespace
    ? `in the namespace "${request.namespace}"`
    : 'at the cluster scope';
  return new ApiError(
    403,
    'Forbidden',
    `${subject} is forbidden: User "${identity.name}" cannot ${request.verb} resource "${resource}" in API group "${request.group}" ${scope}`,
    {
      ...(request.name ? { name: request.name } : {}),
      group: request.group,
      kind: request.resource,
    },
  );
}
