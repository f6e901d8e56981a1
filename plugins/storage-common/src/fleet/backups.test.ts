import { backupStatus } from './backups';
import { parseFleetRules } from './rules';
import {
  NOW,
  claim,
  daysBefore,
  hoursBefore,
  snapshot,
  storageClass,
} from './__fixtures__/objects';
import { FleetEntity } from './types';

const ENTITIES: FleetEntity[] = [
  {
    entityRef: 'component:default/payments-api',
    kubernetesId: 'payments-api',
    lifecycle: 'production',
  },
  {
    entityRef: 'component:default/playground',
    kubernetesId: 'playground',
    lifecycle: 'experimental',
  },
];
const labelled = (id: string) => ({
  labels: { 'backstage.io/kubernetes-id': id },
});

const storage = {
  cluster: 'eks-prod',
  storageClasses: [
    storageClass('gp3', 'ebs.csi.aws.com', { type: 'gp3' }),
    storageClass('efs', 'efs.csi.aws.com', {}),
  ],
  persistentVolumeClaims: [
    claim('payments', 'fresh', labelled('payments-api')),
    claim('payments', 'old', labelled('payments-api')),
    claim('payments', 'never', labelled('payments-api')),
    claim('payments', 'shared', {
      ...labelled('payments-api'),
      className: 'efs',
    }),
    claim('lab', 'scratch', labelled('playground')),
    claim('payments', 'pending', {
      ...labelled('payments-api'),
      phase: 'Pending',
    }),
  ],
  volumeSnapshots: [
    snapshot('payments', 'fresh-1', 'fresh', { created: hoursBefore(3) }),
    snapshot('payments', 'fresh-0', 'fresh', { created: hoursBefore(27) }),
    snapshot('payments', 'fresh-cutting', 'fresh', {
      created: hoursBefore(1),
      ready: false,
    }),
    snapshot('payments', 'old-1', 'old', { created: daysBefore(5) }),
    snapshot('payments', 'never-failed', 'never', {
      ready: false,
      error: 'quota',
    }),
  ],
};

describe('backupStatus', () => {
  it('gives each Bound claim its newest ready snapshot and flags stale production claims', () => {
    const { rules } = parseFleetRules({});
    const { claims, findings } = backupStatus({
      storage,
      rules,
      now: NOW,
      entities: ENTITIES,
    });
    expect(
      claims.map(c => [
        c.namespace,
        c.claim,
        c.production,
        c.snapshotsSupported,
        c.newestSnapshot?.name,
        c.ageDays,
        c.stale,
      ]),
    ).toEqual([
      ['payments', 'fresh', true, true, 'fresh-1', 0, false],
      ['payments', 'old', true, true, 'old-1', 5, true],
      ['payments', 'never', true, true, undefined, undefined, true],
      ['payments', 'shared', true, false, undefined, undefined, false],
      ['lab', 'scratch', false, true, undefined, undefined, false],
    ]);
    expect(
      findings.map(
        f => `${f.code} ${f.object.namespace}/${f.object.name}: ${f.title}`,
      ),
    ).toEqual([
      'backup-stale payments/old: Production claim payments/old was last backed up 5 days ago (VolumeSnapshot old-1)',
      'backup-missing payments/never: Production claim payments/never has no ready VolumeSnapshot',
    ]);
    expect(findings[0]).toMatchObject({
      section: 'backups',
      severity: 'warning',
      entityRef: 'component:default/payments-api',
      since: daysBefore(5),
      ageDays: 5,
    });
    expect(findings[0].detail).toBe(
      'component:default/payments-api is production: its claims need a ready snapshot newer than 1 day, so a lost or corrupted volume can be restored.',
    );
  });

  it('follows the configured age and lifecycles', () => {
    const { rules } = parseFleetRules({
      backups: {
        maxAgeDays: 7,
        productionLifecycles: ['production', 'experimental'],
      },
    });
    const { findings } = backupStatus({
      storage,
      rules,
      now: NOW,
      entities: ENTITIES,
    });
    expect(findings.map(f => f.object.name)).toEqual(['never', 'scratch']);
  });

  it('knows no production claims without entities, and survives junk', () => {
    const { rules } = parseFleetRules({});
    expect(backupStatus({ storage, rules, now: NOW }).findings).toEqual([]);
    expect(
      backupStatus({
        storage: { cluster: 'x', persistentVolumeClaims: [null as never] },
        rules,
        now: NOW,
      }),
    ).toEqual({
      claims: [],
      findings: [],
    });
  });
});
