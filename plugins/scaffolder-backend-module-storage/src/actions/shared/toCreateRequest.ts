import {
  AccessMode,
  Finding,
  StorageRequestBody,
  VolumeMode,
  Workload,
} from '@eks-storage/backstage-plugin-storage-common';
import { refuseOnErrors } from './errors';

/** The claim fields as a template passes them (see claimInputSchema). */
export interface ClaimInput {
  entityRef: string;
  cluster?: string;
  namespace?: string;
  placement?: { cluster: string; namespace: string };
  claimName: string;
  offering: string;
  size?: string;
  accessMode: AccessMode;
  volumeMode?: VolumeMode;
  workload?: Workload | '';
  justification?: string;
  expiresAt?: string;
  source?: {
    type: 'new' | 'snapshot' | 'clone' | 'existing';
    snapshotName?: string;
    claimName?: string;
    volumeId?: string;
    zone?: string;
    dnsName?: string;
    mountName?: string;
    mountOptions?: string[];
  };
  restoreFrom?: string;
}

const problem = (field: string, message: string, fix: string): Finding => ({
  severity: 'error',
  field,
  code: 'invalid-field',
  message,
  fix,
});

/** A form leaves optional text fields as "" or whitespace: that means "not given". */
function given(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function placementOf(
  input: ClaimInput,
  findings: Finding[],
  defaults: { cluster?: string },
) {
  const resolve = (field: 'cluster' | 'namespace') => {
    const direct = given(input[field]);
    const placed = given(input.placement?.[field]);
    if (direct && placed && direct !== placed) {
      findings.push(
        problem(
          field,
          `"${direct}" disagrees with placement.${field} "${placed}"`,
          `Give ${field} or placement, not both.`,
        ),
      );
    }
    const value =
      placed ?? direct ?? (field === 'cluster' ? defaults.cluster : undefined);
    if (!value) {
      findings.push(
        problem(
          input.placement ? `placement.${field}` : field,
          'required',
          `Give ${field}, or placement: {cluster, namespace}.`,
        ),
      );
    }
    return value ?? '';
  };
  return { cluster: resolve('cluster'), namespace: resolve('namespace') };
}

/** The source of the data: `restoreFrom` is shorthand for a snapshot source. */
function sourceOf(
  input: ClaimInput,
  findings: Finding[],
): StorageRequestBody['source'] {
  const restoreFrom = given(input.restoreFrom);
  const source = input.source;
  if (restoreFrom) {
    if (source && source.type !== 'new' && source.type !== 'snapshot') {
      findings.push(
        problem(
          'restoreFrom',
          `restoreFrom asks for a snapshot, but source says ${source.type}`,
          'Give restoreFrom or source, not both.',
        ),
      );
    }
    return { type: 'snapshot', snapshotName: restoreFrom };
  }
  if (!source || source.type === 'new') return { type: 'new' };
  // Only the fields of the chosen type; the form may leave the others empty.
  const fields: Record<
    Exclude<typeof source.type, 'new'>,
    Array<keyof typeof source>
  > = {
    snapshot: ['snapshotName'],
    clone: ['claimName'],
    existing: ['volumeId', 'zone', 'dnsName', 'mountName', 'mountOptions'],
  };
  const picked: Record<string, unknown> = { type: source.type };
  for (const field of fields[source.type]) {
    const value = source[field];
    if (Array.isArray(value) ? value.length : given(value as string)) {
      picked[field] = typeof value === 'string' ? value.trim() : value;
    }
  }
  return picked as StorageRequestBody['source'];
}

/**
 * The create request a template's input asks for, in the storage API's
 * shape. Refuses (naming the field) what the input alone shows is wrong:
 * disagreeing placement, a missing cluster or size. The rest is the
 * validator's to judge.
 */
export function toCreateRequest(
  input: ClaimInput,
  options: {
    requestId?: string;
    defaultSize?: string;
    defaultCluster?: string;
  },
): StorageRequestBody {
  const findings: Finding[] = [];
  const { cluster, namespace } = placementOf(input, findings, {
    cluster: options.defaultCluster,
  });
  const source = sourceOf(input, findings);
  const size = given(input.size) ?? options.defaultSize;
  if (!size) {
    findings.push(
      problem(
        'size',
        `required: offering ${input.offering} has no default size`,
        'Give a size such as 20Gi.',
      ),
    );
  }
  refuseOnErrors(findings, 'The storage input was refused');
  const optional = {
    workload: given(input.workload),
    justification: given(input.justification),
    expiresAt: given(input.expiresAt),
    volumeMode: input.volumeMode,
    requestId: options.requestId,
  };
  return {
    operation: 'create',
    entityRef: input.entityRef.trim(),
    cluster,
    namespace,
    claimName: input.claimName.trim(),
    offering: input.offering.trim(),
    size,
    accessMode: input.accessMode,
    source,
    ...Object.fromEntries(
      Object.entries(optional).filter(([, value]) => value !== undefined),
    ),
  };
}
