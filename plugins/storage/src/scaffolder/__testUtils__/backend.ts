import {
  ClaimsResponse,
  Finding,
} from '@eks-storage/backstage-plugin-storage-common';
import {
  claimDetail,
  claimsResponse,
  dbClaim,
  offerings,
} from '../../__testUtils__/fixtures';
import { HttpResponse, http, server, url } from '../../__testUtils__/server';

/** The example offerings, with buckets for the S3 mount. */
export const scaffolderOfferings = offerings.map(o =>
  o.driver === 's3'
    ? {
        ...o,
        existingVolumes: [
          {
            id: 'acme-shared-logs',
            title: 'Shared application logs',
            owners: ['group:default/team-payments'],
          },
          { id: 'acme-public-datasets', owners: [] },
        ],
      }
    : o,
);

const gib = (size: string) => {
  const match = /^(\d+)(Gi|Ti)$/.exec(size);
  if (!match) return 0;
  return Number(match[1]) * (match[2] === 'Ti' ? 1024 : 1);
};

/**
 * A storage backend on msw: offerings, the entity's claims and snapshots,
 * and a validation that decides like the demo's policy (io2 and sizes over
 * 500 GiB wait for the platform team) and knows one granted namespace.
 */
export function serveBackend(
  options: { claims?: ClaimsResponse; grantedNamespaces?: string[] } = {},
) {
  const validations: Record<string, any>[] = [];
  const granted = ['payments', ...(options.grantedNamespaces ?? [])];
  server.use(
    http.get(url('/offerings'), () =>
      HttpResponse.json({ items: scaffolderOfferings }),
    ),
    http.get(url('/claims'), () =>
      HttpResponse.json(options.claims ?? claimsResponse),
    ),
    http.get(url('/claims/:cluster/:namespace/:name'), ({ params }) => {
      const base =
        (options.claims ?? claimsResponse).items.find(
          c => c.name === params.name && c.cluster === params.cluster,
        ) ?? dbClaim;
      return HttpResponse.json(claimDetail(base));
    }),
    http.post(url('/requests/validate'), async ({ request }) => {
      const body = (await request.json()) as Record<string, any>;
      validations.push(body);
      const findings: Finding[] = [];
      if (!granted.includes(body.namespace)) {
        findings.push({
          severity: 'error',
          field: 'namespace',
          code: 'namespace-not-allowed',
          message: `Namespace ${
            body.namespace
          } does not belong to payments-api: use ${granted.join(' or ')}`,
          fix: 'Pick one of the namespaces of the component.',
        });
        return HttpResponse.json({
          findings,
          manifests: [],
          manifestsYaml: '',
        });
      }
      const large = gib(body.size) > 500;
      const io2 = body.offering === 'ebs-io2';
      const decision =
        io2 || large
          ? {
              outcome: 'require-approval',
              rule: io2 ? 'io2' : 'large-volume',
              reason: io2
                ? 'Provisioned-IOPS io2 volumes are costly'
                : 'Volumes over 500 GiB',
              approvers: ['group:default/platform-team'],
              mode: 'any',
            }
          : {
              outcome: 'auto-approve',
              rule: 'dev-small-gp3',
              reason: 'Small gp3 volumes in eks-dev',
            };
      return HttpResponse.json({
        findings,
        manifests: [],
        manifestsYaml: '',
        decision,
        ...(decision.outcome === 'require-approval' && {
          approval: { required: true, reason: decision.reason },
        }),
      });
    }),
  );
  return { validations };
}
