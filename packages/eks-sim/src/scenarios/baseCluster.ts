/**
 * What every scenario starts from: a three-zone EKS cluster with the
 * storage classes a platform team offers, the CSI drivers installed, and
 * the example catalog's namespaces.
 */
import { K8sObject } from '../store/types';
import { REGION, ZONES } from '../controllers/context';

const BACKSTAGE_ID = 'backstage.io/kubernetes-id';

/** The example catalog: component → namespace. */
export const CATALOG_COMPONENTS: Record<string, string> = {
  'payments-api': 'payments',
  'checkout-web': 'checkout',
  'analytics-pipeline': 'analytics',
};

export function componentLabels(component: string) {
  return { [BACKSTAGE_ID]: component, 'app.kubernetes.io/name': component };
}

type Manifest = Omit<K8sObject, 'apiVersion'> & { apiVersion: string };

function namespace(
  name: string,
  labels: Record<string, string> = {},
): Manifest {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } };
}

function node(zone: string, index: number): Manifest {
  const ip = `192.168.${32 * (index + 1)}.${17 + index * 9}`;
  const hostname = `ip-${ip.replace(/\./g, '-')}.ec2.internal`;
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: hostname,
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/instance-type': 'm6i.xlarge',
        'beta.kubernetes.io/os': 'linux',
        'eks.amazonaws.com/capacityType': 'ON_DEMAND',
        'eks.amazonaws.com/nodegroup': 'general-purpose',
        'failure-domain.beta.kubernetes.io/region': REGION,
        'failure-domain.beta.kubernetes.io/zone': zone,
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': hostname,
        'kubernetes.io/os': 'linux',
        'node.kubernetes.io/instance-type': 'm6i.xlarge',
        'topology.ebs.csi.aws.com/zone': zone,
        'topology.kubernetes.io/region': REGION,
        'topology.kubernetes.io/zone': zone,
      },
    },
    spec: { providerID: `aws:///${zone}/i-0${(index + 1) * 1234567}abcdef` },
    status: {
      capacity: {
        cpu: '4',
        memory: '15896988Ki',
        pods: '58',
        'ephemeral-storage': '83873772Ki',
      },
      allocatable: {
        cpu: '3920m',
        memory: '15209884Ki',
        pods: '58',
        'ephemeral-storage': '76224326324',
      },
      conditions: [
        {
          type: 'MemoryPressure',
          status: 'False',
          reason: 'KubeletHasSufficientMemory',
          message: 'kubelet has sufficient memory available',
        },
        {
          type: 'DiskPressure',
          status: 'False',
          reason: 'KubeletHasNoDiskPressure',
          message: 'kubelet has no disk pressure',
        },
        {
          type: 'PIDPressure',
          status: 'False',
          reason: 'KubeletHasSufficientPID',
          message: 'kubelet has sufficient PID available',
        },
        {
          type: 'Ready',
          status: 'True',
          reason: 'KubeletReady',
          message: 'kubelet is posting ready status',
        },
      ],
      addresses: [
        { type: 'InternalIP', address: ip },
        { type: 'InternalDNS', address: hostname },
        { type: 'Hostname', address: hostname },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      // Every field the API marks required on NodeSystemInfo (typed clients
      // such as the Python one refuse a node without them).
      nodeInfo: {
        machineID: `ec2${(index + 1) * 7919}`.padEnd(32, '4f1c9a7e2b'),
        systemUUID: `ec2${(index + 1) * 131}`
          .padEnd(8, '0')
          .concat('-1c2d-4e5f-8a9b-0c1d2e3f4a5b'),
        bootID: `6f${index}d1a7c-93b2-4e0a-b5c1-2d7e8f90a1b${index}`,
        architecture: 'amd64',
        containerRuntimeVersion: 'containerd://1.7.27',
        kernelVersion: '6.1.134-152.225.amzn2023.x86_64',
        kubeProxyVersion: 'v1.32.3-eks-473151a',
        kubeletVersion: 'v1.32.3-eks-473151a',
        operatingSystem: 'linux',
        osImage: 'Amazon Linux 2023.7.20250512',
      },
    },
  };
}

function storageClass(
  name: string,
  provisioner: string,
  spec: Record<string, unknown>,
  isDefault = false,
): Manifest {
  return {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: {
      name,
      ...(isDefault
        ? {
            annotations: {
              'storageclass.kubernetes.io/is-default-class': 'true',
            },
          }
        : {}),
    },
    provisioner,
    ...spec,
  };
}

function csiDriver(
  name: string,
  attachRequired: boolean,
  extra: Record<string, unknown> = {},
): Manifest {
  return {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'CSIDriver',
    metadata: { name, labels: { 'app.kubernetes.io/managed-by': 'EKS' } },
    spec: { attachRequired, podInfoOnMount: false, ...extra },
  };
}

function snapshotClass(name: string, driver: string): Manifest {
  return {
    apiVersion: 'snapshot.storage.k8s.io/v1',
    kind: 'VolumeSnapshotClass',
    metadata: {
      name,
      annotations: {
        'snapshot.storage.kubernetes.io/is-default-class': 'true',
      },
    },
    driver,
    deletionPolicy: 'Delete',
  };
}

export const FSX_SUBNET = 'subnet-0a1b2c3d4e5f60718';
export const EFS_FILE_SYSTEM = 'fs-0c1d2e3f4a5b69788';

export function baseCluster(): Manifest[] {
  const wffc = {
    volumeBindingMode: 'WaitForFirstConsumer',
    reclaimPolicy: 'Delete',
  };
  return [
    ...['default', 'kube-system', 'kube-public', 'kube-node-lease'].map(n =>
      namespace(n),
    ),
    ...Object.entries(CATALOG_COMPONENTS).map(([component, ns]) =>
      namespace(ns, { 'backstage.io/owner-component': component }),
    ),
    ...ZONES.map((zone, i) => node(zone, i)),
    csiDriver('ebs.csi.aws.com', true),
    csiDriver('efs.csi.aws.com', false),
    csiDriver('fsx.csi.aws.com', false),
    csiDriver('s3.csi.aws.com', false, { requiresRepublish: true }),
    csiDriver('csi.trident.netapp.io', true),
    storageClass(
      'gp3',
      'ebs.csi.aws.com',
      {
        ...wffc,
        allowVolumeExpansion: true,
        parameters: {
          type: 'gp3',
          encrypted: 'true',
          'csi.storage.k8s.io/fstype': 'ext4',
        },
      },
      true,
    ),
    storageClass('gp3-immediate', 'ebs.csi.aws.com', {
      volumeBindingMode: 'Immediate',
      reclaimPolicy: 'Delete',
      allowVolumeExpansion: true,
      parameters: { type: 'gp3', encrypted: 'true' },
    }),
    storageClass('gp3-retain', 'ebs.csi.aws.com', {
      volumeBindingMode: 'Immediate',
      reclaimPolicy: 'Retain',
      allowVolumeExpansion: true,
      parameters: { type: 'gp3', encrypted: 'true' },
    }),
    storageClass('io2', 'ebs.csi.aws.com', {
      ...wffc,
      allowVolumeExpansion: true,
      parameters: { type: 'io2', iopsPerGB: '50', encrypted: 'true' },
    }),
    storageClass('gp2', 'kubernetes.io/aws-ebs', {
      ...wffc,
      parameters: { type: 'gp2', fsType: 'ext4' },
    }),
    storageClass('efs', 'efs.csi.aws.com', {
      volumeBindingMode: 'Immediate',
      reclaimPolicy: 'Delete',
      parameters: {
        provisioningMode: 'efs-ap',
        fileSystemId: EFS_FILE_SYSTEM,
        directoryPerms: '700',
        basePath: '/dynamic',
      },
    }),
    storageClass('fsx-lustre-scratch', 'fsx.csi.aws.com', {
      volumeBindingMode: 'Immediate',
      reclaimPolicy: 'Delete',
      allowVolumeExpansion: true,
      mountOptions: ['flock'],
      parameters: {
        subnetId: FSX_SUBNET,
        securityGroupIds: 'sg-0f1e2d3c4b5a69788',
        deploymentType: 'SCRATCH_2',
      },
    }),
    storageClass('fsx-lustre-persistent', 'fsx.csi.aws.com', {
      volumeBindingMode: 'Immediate',
      reclaimPolicy: 'Retain',
      allowVolumeExpansion: true,
      mountOptions: ['flock'],
      parameters: {
        subnetId: FSX_SUBNET,
        securityGroupIds: 'sg-0f1e2d3c4b5a69788',
        deploymentType: 'PERSISTENT_2',
        perUnitStorageThroughput: '250',
      },
    }),
    storageClass('ontap-nas', 'csi.trident.netapp.io', {
      volumeBindingMode: 'Immediate',
      reclaimPolicy: 'Delete',
      allowVolumeExpansion: true,
      parameters: {
        backendType: 'ontap-nas',
        provisioningType: 'thin',
        snapshots: 'true',
      },
    }),
    snapshotClass('ebs-snapshots', 'ebs.csi.aws.com'),
    snapshotClass('ontap-snapshots', 'csi.trident.netapp.io'),
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name: 'kubernetes',
        namespace: 'default',
        labels: { component: 'apiserver', provider: 'kubernetes' },
      },
      spec: {
        ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 443 }],
      },
    },
  ];
}
