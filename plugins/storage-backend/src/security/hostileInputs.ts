/**
 * The hostile-input corpus: generated from the routes, their fields and a
 * list of hostile values, plus hand-written cases for bodies, paths and
 * queries. Each case names the field its answer must name.
 */

export interface HostileCase {
  name: string;
  method: 'get' | 'post';
  path: string;
  /** A raw JSON string, or a value to send as JSON. */
  body?: unknown;
  /** Text the answer must contain: the field, or what it points at. */
  names: string;
}

/** Values no string field of the API accepts as they are. */
const TYPE_HOSTILE: Array<[string, unknown]> = [
  ['an object with toString', { toString: 1 }],
  ['an object with valueOf', { valueOf: 'x' }],
  ['an object with toJSON', { toJSON: null }],
  ['an empty object', {}],
  ['a list', ['a']],
  ['an empty list', []],
  ['null', null],
  ['a number', 42],
  ['a negative number', -1],
  ['a boolean', true],
  ['a nested object', { a: { b: { c: { d: 'e' } } } }],
  ['a list nested 500 deep', JSON.parse('['.repeat(500) + ']'.repeat(500))],
];

/** Strings no name-like field accepts. */
const TEXT_HOSTILE: Array<[string, string]> = [
  ['a control character', 'a\u0000b'],
  ['a newline with YAML', 'x\nkind: Secret'],
  ['an emoji', 'data-💾'],
  ['a lone surrogate', 'x\ud800'],
  ['a right-to-left override', 'x\u202eexe.txt'],
  ['path traversal', '../../etc/passwd'],
  ['percent-encoded traversal', '%2e%2e%2f'],
  ['SQL injection', "x'; drop table storage_requests; --"],
  ['template injection', '${{ secrets.TOKEN }}'],
  ['handlebars injection', '{{ 7*7 }}'],
  ['label selector injection', 'a,b=c'],
  ['HTML', '<script>alert(1)</script>'],
  ['an upper-case name', 'ORDERS'],
  ['whitespace only', '   '],
  ['a 10 000-character string', 'a'.repeat(10_000)],
  ['a prototype key', '__proto__'],
  ['a JSON document', '{"operation":"delete"}'],
  ['a shell command', '$(rm -rf /)'],
];

const base = {
  operation: 'create',
  entityRef: 'component:default/payments-api',
  cluster: 'eks-dev',
  namespace: 'payments',
  claimName: 'corpus',
  offering: 'ebs-gp3-immediate',
  size: '10Gi',
  accessMode: 'ReadWriteOnce',
};

/** Fields of a create and which values each can never take. */
const CREATE_FIELDS: Array<[string, { text: boolean }]> = [
  ['operation', { text: true }],
  ['entityRef', { text: true }],
  ['cluster', { text: true }],
  ['namespace', { text: true }],
  ['claimName', { text: true }],
  ['offering', { text: true }],
  ['size', { text: true }],
  ['accessMode', { text: true }],
  ['volumeMode', { text: true }],
  ['workload', { text: true }],
  ['expiresAt', { text: true }],
  ['requestId', { text: true }],
  // Free text: any string is fine, other types are not.
  ['justification', { text: false }],
  ['kubernetesId', { text: false }],
];

const SOURCE_FIELDS: Array<[string, object]> = [
  ['source.type', {}],
  ['source.volumeId', { type: 'existing' }],
  ['source.zone', { type: 'existing', volumeId: 'vol-0123456789abcdef0' }],
  ['source.dnsName', { type: 'existing', volumeId: 'vol-0123456789abcdef0' }],
  ['source.mountName', { type: 'existing', volumeId: 'vol-0123456789abcdef0' }],
  ['source.snapshotName', { type: 'snapshot' }],
  ['source.claimName', { type: 'clone' }],
];

const CLAIM = '/claims/eks-dev/payments/orders';

/** The day-2 routes' bodies: each field and its base body. */
const ACTION_FIELDS: Array<[string, string, object]> = [
  ['resize', 'size', {}],
  ['resize', 'requestId', { size: '20Gi' }],
  ['snapshot', 'snapshotName', {}],
  ['snapshot', 'volumeSnapshotClassName', {}],
  ['restore', 'snapshotName', { claimName: 'restored' }],
  ['restore', 'claimName', { snapshotName: 'nightly' }],
  ['restore', 'size', { snapshotName: 'nightly', claimName: 'restored' }],
  ['restore', 'offering', { snapshotName: 'nightly', claimName: 'restored' }],
  ['restore', 'accessMode', { snapshotName: 'nightly', claimName: 'restored' }],
  ['delete', 'confirm', {}],
];

function withField(body: object, path: string, value: unknown): object {
  const [head, tail] = path.split('.');
  if (!tail) return { ...body, [head]: value };
  return {
    ...body,
    [head]: { ...((body as any)[head] ?? {}), [tail]: value },
  };
}

/** Percent-encodes text; a lone surrogate becomes bytes no decoder accepts. */
function encodePathText(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    const valid = encodeURIComponent(text.replace(/[\ud800-\udfff]/g, ''));
    return `${valid}%ED%A0%80`;
  }
}

function generated(): HostileCase[] {
  const cases: HostileCase[] = [];
  for (const route of ['/requests', '/requests/validate']) {
    for (const [field, { text }] of CREATE_FIELDS) {
      for (const [what, value] of TYPE_HOSTILE) {
        cases.push({
          name: `${route} ${field} as ${what}`,
          method: 'post',
          path: route,
          body: withField(base, field, value),
          names: field,
        });
      }
      if (!text) continue;
      for (const [what, value] of TEXT_HOSTILE) {
        // Label values may be upper case: a valid requestId.
        if (field === 'requestId' && value === 'ORDERS') continue;
        cases.push({
          name: `${route} ${field} with ${what}`,
          method: 'post',
          path: route,
          body: withField(base, field, value),
          names: field,
        });
      }
    }
    for (const [field, source] of SOURCE_FIELDS) {
      const key = field.slice('source.'.length);
      const offering =
        'volumeId' in source || key === 'volumeId'
          ? 'ebs-existing'
          : 'ebs-gp3-immediate';
      for (const [what, value] of [...TYPE_HOSTILE, ...TEXT_HOSTILE]) {
        cases.push({
          name: `${route} ${field} with ${what}`,
          method: 'post',
          path: route,
          body: { ...base, offering, source: { ...source, [key]: value } },
          names: field,
        });
      }
    }
  }
  for (const [action, field, body] of ACTION_FIELDS) {
    for (const [what, value] of [...TYPE_HOSTILE, ...TEXT_HOSTILE]) {
      if (field === 'requestId' && value === 'ORDERS') continue;
      cases.push({
        name: `${action} ${field} with ${what}`,
        method: 'post',
        path: `${CLAIM}/${action}`,
        body: { ...body, [field]: value },
        names: field,
      });
    }
  }
  for (const action of ['approve', 'reject', 'cancel']) {
    for (const [what, value] of TYPE_HOSTILE) {
      cases.push({
        name: `${action} comment as ${what}`,
        method: 'post',
        path: `/requests/corpus-request/${action}`,
        body: { comment: value },
        names: 'comment',
      });
    }
  }
  for (const [what, value] of TEXT_HOSTILE) {
    const encoded = encodePathText(value.slice(0, 300));
    cases.push(
      {
        name: `GET /approvals?view= with ${what}`,
        method: 'get',
        path: `/approvals?view=${encoded}`,
        names: 'view',
      },
      {
        name: `GET /approvals?view=history&since= with ${what}`,
        method: 'get',
        path: `/approvals?view=history&since=${encoded}`,
        names: 'since',
      },
    );
    cases.push(
      {
        name: `GET /claims?entityRef= with ${what}`,
        method: 'get',
        path: `/claims?entityRef=${encoded}`,
        names: 'entityRef',
      },
      {
        name: `GET /requests?status= with ${what}`,
        method: 'get',
        path: `/requests?entityRef=component:default/payments-api&status=${encoded}`,
        names: 'status',
      },
      {
        name: `GET /claims/…/<name> with ${what}`,
        method: 'get',
        path: `/claims/eks-dev/payments/${encoded}`,
        names: 'name',
      },
      {
        name: `GET /claims/<cluster>/… with ${what}`,
        method: 'get',
        path: `/claims/${encoded}/payments/orders`,
        names: 'cluster',
      },
      {
        name: `POST /claims/…/<name>/resize with ${what}`,
        method: 'post',
        path: `/claims/eks-dev/payments/${encoded}/resize`,
        body: { size: '20Gi' },
        names: 'name',
      },
      {
        name: `GET /requests/<id> with ${what}`,
        method: 'get',
        path: `/requests/${encoded}`,
        names: 'id',
      },
    );
  }
  return cases;
}

const handWritten: HostileCase[] = [
  {
    name: 'a body that is a list',
    method: 'post',
    path: '/requests',
    body: '[]',
    names: 'body',
  },
  {
    name: 'a body that is a string',
    method: 'post',
    path: '/requests',
    body: '"create"',
    names: 'body',
  },
  {
    name: 'a body that is null',
    method: 'post',
    path: '/requests',
    body: 'null',
    names: 'body',
  },
  {
    name: 'a body that is not JSON',
    method: 'post',
    path: '/requests',
    body: '{"operation": ',
    names: 'body',
  },
  {
    name: 'a body over 256 kB',
    method: 'post',
    path: '/requests',
    body: { ...base, justification: 'x'.repeat(300_000) },
    names: 'body',
  },
  {
    name: 'a body nested 5 000 deep',
    method: 'post',
    path: '/requests',
    body: `{"a":${'['.repeat(5000)}${']'.repeat(5000)},${JSON.stringify(
      base,
    ).slice(1)}`,
    names: '"a"',
  },
  {
    name: 'a __proto__ key',
    method: 'post',
    path: '/requests',
    body: `{"__proto__":{"operation":"delete"},${JSON.stringify(base).slice(
      1,
    )}`,
    names: '__proto__',
  },
  {
    name: 'a constructor key',
    method: 'post',
    path: '/requests',
    body: { ...base, constructor: { prototype: { admin: true } } },
    names: 'constructor',
  },
  {
    name: 'an unknown field',
    method: 'post',
    path: '/requests',
    body: { ...base, dryRun: false },
    names: 'dryRun',
  },
  {
    name: 'an unknown source field',
    method: 'post',
    path: '/requests',
    body: { ...base, source: { type: 'new', volumeHandle: 'x' } },
    names: 'source.',
  },
  {
    name: 'an unknown action field',
    method: 'post',
    path: `${CLAIM}/resize`,
    body: { size: '20Gi', operation: 'delete' },
    names: 'operation',
  },
  {
    name: 'a list of 17 mount options',
    method: 'post',
    path: '/requests',
    body: {
      ...base,
      source: {
        type: 'existing',
        volumeId: 'x',
        mountOptions: Array(17).fill('allow-delete'),
      },
    },
    names: 'source.mountOptions',
  },
  {
    name: 'a 2 001-character justification',
    method: 'post',
    path: '/requests',
    body: { ...base, justification: 'j'.repeat(2001) },
    names: 'justification',
  },
  {
    name: 'an entity ref of 16 kB',
    method: 'get',
    path: `/claims?entityRef=component:default/${'a'.repeat(16_000)}`,
    names: 'entityRef',
  },
  {
    name: 'an entity ref with a control character',
    method: 'get',
    path: '/claims?entityRef=component:default/a%01b',
    names: 'entityRef',
  },
  {
    name: 'malformed percent-encoding in a claim name',
    method: 'get',
    path: '/claims/eks-dev/payments/%ZZ',
    names: 'name',
  },
  {
    name: 'malformed percent-encoding in a namespace',
    method: 'post',
    path: '/claims/eks-dev/%E0%A4%A/orders/resize',
    body: { size: '20Gi' },
    names: 'namespace',
  },
  {
    name: 'malformed percent-encoding in a request id',
    method: 'get',
    path: '/requests/%ZZ',
    names: 'id',
  },
  {
    name: 'a status query as an object',
    method: 'get',
    path: '/requests?status[toString]=1',
    names: 'status',
  },
  {
    name: 'an entityRef query as an object',
    method: 'get',
    path: '/claims?entityRef[toString]=1',
    names: 'entityRef',
  },
  {
    name: 'an entityRef query given twice',
    method: 'get',
    path: '/claims?entityRef=a&entityRef=b',
    names: 'entityRef',
  },
  {
    name: 'a status query given 21 times',
    method: 'get',
    path: `/requests?entityRef=component:default/payments-api&${Array(21)
      .fill('status=applied')
      .join('&')}`,
    names: 'status',
  },
  {
    name: 'an action in upper case',
    method: 'post',
    path: `${CLAIM}/DELETE`,
    body: { confirm: 'orders' },
    names: 'DELETE',
  },
  {
    name: 'another team’s entity',
    method: 'post',
    path: '/requests',
    body: {
      ...base,
      entityRef: 'component:default/analytics-pipeline',
      namespace: 'analytics',
    },
    names: 'component:default/analytics-pipeline',
  },
  {
    name: 'another team’s namespace',
    method: 'post',
    path: '/requests',
    body: { ...base, namespace: 'analytics' },
    names: 'namespace',
  },
  {
    name: 'a reserved namespace',
    method: 'post',
    path: '/requests',
    body: { ...base, namespace: 'kube-system' },
    names: 'namespace',
  },
  {
    name: 'another team’s claim, deleted',
    method: 'post',
    path: '/requests',
    body: {
      ...base,
      operation: 'delete',
      namespace: 'analytics',
      claimName: 'features',
      confirm: 'features',
    },
    names: 'component:default/analytics-pipeline',
  },
  {
    name: 'another team’s claim, resized',
    method: 'post',
    path: '/claims/eks-dev/analytics/features/resize',
    body: { size: '20Gi' },
    names: 'component:default/analytics-pipeline',
  },
  {
    name: 'another team’s volume',
    method: 'post',
    path: '/requests',
    body: {
      ...base,
      offering: 's3-bucket',
      accessMode: 'ReadOnlyMany',
      size: '1Gi',
      source: {
        type: 'existing',
        volumeId: 'public-datasets',
        mountOptions: ['uid=0'],
      },
    },
    names: 'source.mountOptions',
  },
  {
    name: 'an unknown cluster',
    method: 'post',
    path: '/requests',
    body: { ...base, cluster: 'eks-prod' },
    names: 'cluster',
  },
  {
    name: 'a delete without confirm',
    method: 'post',
    path: '/requests',
    body: { ...base, operation: 'delete', claimName: 'orders' },
    names: 'confirm',
  },
  {
    name: 'a delete with the wrong confirm',
    method: 'post',
    path: `${CLAIM}/delete`,
    body: { confirm: 'ORDERS' },
    names: 'confirm',
  },
  {
    name: 'an empty requestId',
    method: 'post',
    path: '/requests',
    body: { ...base, requestId: '' },
    names: 'requestId',
  },
];

export const hostileCases: HostileCase[] = [...generated(), ...handWritten];
