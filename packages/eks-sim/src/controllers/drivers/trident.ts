/** NetApp Trident for FSx for NetApp ONTAP: NAS and SAN backends, snapshots, expansion. */
import {
  DRIVERS,
  checkStorageClassParameters,
  ontapAccessModes,
} from '@eks-storage/backstage-plugin-storage-common';
import {
  CsiError,
  DriverEnv,
  SimulatedDriver,
  throwParameterErrors,
  hexId,
} from './types';

export function tridentDriver(env: DriverEnv): SimulatedDriver {
  const name = 'csi.trident.netapp.io';
  return {
    name,
    rules: DRIVERS.ontap,
    dynamic: true,
    createDelayMs: () => env.delays.provisionMs,
    createVolume(request) {
      throwParameterErrors(
        checkStorageClassParameters(name, request.parameters, {
          capacityBytes: request.capacityBytes,
        }),
      );
      const supported = ontapAccessModes(
        request.parameters.backendType,
        request.volumeMode as 'Filesystem',
      );
      const unsupported = request.accessModes.find(
        m => !supported.includes(m as never),
      );
      if (unsupported) {
        throw new CsiError(
          'InvalidArgument',
          `encountered error(s) in creating the volume: [no available backends for access mode ${unsupported} and volume mode ${request.volumeMode}]`,
        );
      }
      if (env.isIamDenied(name)) {
        throw new CsiError(
          'Unknown',
          `encountered error(s) in creating the volume: [Failed to create volume ${request.pvName} on storage pool aggr1 from backend fsx-ontap: API status: failed, Reason: not authorized for that command, Code: 6]`,
        );
      }
      const internal = `trident_${request.pvName.replace(/-/g, '_')}`;
      return {
        volumeHandle: request.pvName,
        capacityBytes: request.capacityBytes,
        attributes: {
          backendUUID: `${hexId(8)}-${hexId(4)}-${hexId(4)}-${hexId(4)}-${hexId(
            12,
          )}`,
          internalName: internal,
          name: request.pvName,
          protocol: (request.parameters.backendType ?? 'ontap-nas').startsWith(
            'ontap-san',
          )
            ? 'block'
            : 'file',
        },
      };
    },
    deleteVolume() {},
    expandVolume(pv, newBytes) {
      // NAS volumes grow on the ONTAP side alone; a SAN LUN with a file
      // system also needs the node's rescan and resize (done online).
      const block = pv.spec?.csi?.volumeAttributes?.protocol === 'block';
      return {
        capacityBytes: newBytes,
        nodeExpansionRequired: block && pv.spec?.volumeMode !== 'Block',
      };
    },
    createSnapshot() {
      return { snapshotHandle: `snapshot-${hexId(8)}-${hexId(4)}` };
    },
  };
}
