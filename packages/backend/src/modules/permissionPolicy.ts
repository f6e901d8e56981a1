import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { OwnerPermissionPolicy } from './ownerPermissionPolicy';

export default createBackendModule({
  pluginId: 'permission',
  moduleId: 'owner-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint, userInfo: coreServices.userInfo },
      async init({ policy, userInfo }) {
        policy.setPolicy(new OwnerPermissionPolicy(userInfo));
      },
    });
  },
});
