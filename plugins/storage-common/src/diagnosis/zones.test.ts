import {
  nodeZone,
  nodeZones,
  podZones,
  volumeZone,
  volumeZones,
} from './zones';

describe('zones', () => {
  it('reads a volume zone from node affinity on any zone key, else from labels', () => {
    const pinned = {
      metadata: { labels: { 'topology.kubernetes.io/zone': 'us-east-1c' } },
      spec: {
        nodeAffinity: {
          required: {
            nodeSelectorTerms: [
              {
                matchExpressions: [
                  {
                    key: 'topology.k8s.aws/zone-id',
                    operator: 'In',
                    values: ['use1-az1'],
                  },
                  {
                    key: 'topology.ebs.csi.aws.com/zone',
                    operator: 'In',
                    values: ['us-east-1a'],
                  },
                ],
              },
            ],
          },
        },
      },
    };
    expect(volumeZones(pinned)).toEqual(['us-east-1a']);
    expect(volumeZone(pinned)).toBe('us-east-1a');
    expect(volumeZone({ metadata: pinned.metadata })).toBe('us-east-1c');
    expect(volumeZone(undefined)).toBeUndefined();
  });

  it('reads node and pod zones from the same keys', () => {
    const node = (labels: Record<string, string>) => ({ metadata: { labels } });
    expect(
      nodeZone(
        node({ 'failure-domain.beta.kubernetes.io/zone': 'us-east-1b' }),
      ),
    ).toBe('us-east-1b');
    expect(
      nodeZones([
        node({ 'topology.kubernetes.io/zone': 'us-east-1c' }),
        node({ 'topology.kubernetes.io/zone': 'us-east-1a' }),
        node({ 'topology.kubernetes.io/zone': 'us-east-1c' }),
        node({}),
      ]),
    ).toEqual(['us-east-1a', 'us-east-1c']);
    expect(
      podZones({
        spec: {
          containers: [],
          nodeSelector: { 'topology.ebs.csi.aws.com/zone': 'us-east-1b' },
          affinity: {
            nodeAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: {
                nodeSelectorTerms: [
                  {
                    matchExpressions: [
                      {
                        key: 'topology.kubernetes.io/zone',
                        operator: 'In',
                        values: ['us-east-1a'],
                      },
                      {
                        key: 'topology.kubernetes.io/zone',
                        operator: 'NotIn',
                        values: ['us-east-1c'],
                      },
                    ],
                  },
                ],
              },
            },
          },
        },
      }),
    ).toEqual(['us-east-1a', 'us-east-1b']);
  });
});
