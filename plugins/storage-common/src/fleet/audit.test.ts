import fc from 'fast-check';
import { DEFAULT_PRICES } from '../cost';
import { EXAMPLE_OFFERINGS } from '../model/exampleOfferings';
import { auditCluster, countBySeverity } from './audit';
import { backupStatus } from './backups';
import { expiringClaims, planExpiry } from './expiry';
import { claimInventory, costTrend, rollUpCosts } from './rollups';
import { DEFAULT_FLEET_RULES } from './rules';
import { planSnapshots } from './snapshotSchedule';
import { suggestUsage, volumeUsageFromSummary } from './usage';
import {
  ALL_DRIVERS,
  NOW,
  claim,
  daysBefore,
  storageClass,
  volume,
} from './__fixtures__/objects';
import { ClusterStorage } from './types';

describe('auditCluster', () => {
  it('lists class health, then compliance, then waste; errors first within each', () => {
    const storage: ClusterStorage = {
      cluster: 'eks-dev',
      storageClasses: [
        storageClass('gp3', 'ebs.csi.aws.com', { type: 'gp3' }),
        storageClass('gp2', 'kubernetes.io/aws-ebs', { type: 'gp2' }),
      ],
      csiDrivers: ALL_DRIVERS,
      persistentVolumes: [
        volume('pvc-left', {
          phase: 'Released',
          reclaimPolicy: 'Retain',
          claimRef: { namespace: 'a', name: 'b' },
          phaseSince: daysBefore(2),
        }),
      ],
      persistentVolumeClaims: [claim('a', 'c', { phase: 'Pending' })],
      pods: [],
    };
    const findings = auditCluster({ storage, now: NOW, offerings: [] });
    expect(
      findings.map(
        f => `${f.section} ${f.severity} ${f.code} ${f.object.name}`,
      ),
    ).toEqual([
      'class-health warning in-tree-provisioner gp2',
      'class-health warning no-default-class eks-dev',
      'compliance error class-unencrypted gp2',
      'compliance error class-unencrypted gp3',
      'compliance error volume-unencrypted pvc-left',
      'waste warning released-volume pvc-left',
    ]);
    expect(countBySeverity(findings)).toEqual({
      error: 3,
      warning: 3,
      info: 0,
    });
  });

  it('never throws, whatever the cluster serves', () => {
    const objects = fc.array(fc.oneof(fc.anything(), fc.object()), {
      maxLength: 4,
    });
    const storage = fc.record({
      cluster: fc.string(),
      kubernetesVersion: fc.oneof(fc.string(), fc.constant(undefined)),
      storageClasses: objects,
      csiDrivers: objects,
      persistentVolumes: objects,
      persistentVolumeClaims: objects,
      volumeSnapshots: objects,
      pods: objects,
      formerClaims: objects,
    });
    expect(() =>
      fc.assert(
        fc.property(storage, fc.anything(), (cluster, junk) => {
          const s = cluster as unknown as ClusterStorage;
          auditCluster({ storage: s, now: NOW, offerings: EXAMPLE_OFFERINGS });
          suggestUsage({
            storage: s,
            samples: junk as never,
            prices: DEFAULT_PRICES,
            rules: DEFAULT_FLEET_RULES,
            now: NOW,
          });
          backupStatus({ storage: s, rules: DEFAULT_FLEET_RULES, now: NOW });
          planSnapshots({ storage: s, offerings: EXAMPLE_OFFERINGS, now: NOW });
          expiringClaims(s);
          planExpiry(junk as never, NOW, DEFAULT_FLEET_RULES);
          rollUpCosts({ clusters: [s], prices: DEFAULT_PRICES });
          claimInventory([s]);
          costTrend(Array.isArray(junk) ? (junk as never) : []);
          volumeUsageFromSummary(junk, NOW);
          return true;
        }),
        { numRuns: 300 },
      ),
    ).not.toThrow();
  });
});
