import {
  fromNodeProviderChain,
  fromTemporaryCredentials,
} from '@aws-sdk/credential-providers';
import { AwsCredentialsFactory } from './kubeConfig';

/**
 * The backend's own AWS identity (environment, IRSA or EKS Pod Identity,
 * instance role), optionally assuming the cluster's role first.
 */
export const defaultAwsCredentials: AwsCredentialsFactory = auth => {
  const base = fromNodeProviderChain();
  if (!auth.assumeRole) {
    return base;
  }
  return fromTemporaryCredentials({
    masterCredentials: base,
    params: {
      RoleArn: auth.assumeRole,
      ExternalId: auth.externalId,
      RoleSessionName: 'backstage-storage',
    },
    clientConfig: { region: auth.region },
  });
};
