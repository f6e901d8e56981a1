import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentity } from '@smithy/types';

/** How long the presigned URL inside a token is accepted by STS. */
const PRESIGN_SECONDS = 60;

/** EKS accepts a token for 15 minutes; renew it well before that. */
export const EKS_TOKEN_LIFETIME_MS = 10 * 60 * 1000;

export interface EksTokenOptions {
  /** The EKS cluster's name: what `aws eks get-token --cluster-name` takes. */
  clusterName: string;
  /** The STS region; EKS accepts tokens signed for any region. */
  region: string;
  credentials: AwsCredentialIdentity;
  /** Fixed in tests; now by default. */
  signingDate?: Date;
}

/**
 * A bearer token for the EKS API server, as `aws eks get-token` makes it:
 * a presigned STS GetCallerIdentity URL that names the cluster in the signed
 * `x-k8s-aws-id` header, base64url-encoded behind `k8s-aws-v1.`.
 */
export async function createEksToken(
  options: EksTokenOptions,
): Promise<string> {
  const hostname = `sts.${options.region}.amazonaws.com`;
  const signer = new SignatureV4({
    service: 'sts',
    region: options.region,
    credentials: options.credentials,
    sha256: Hash.bind(null, 'sha256'),
  });
  const presigned = await signer.presign(
    {
      method: 'GET',
      protocol: 'https:',
      hostname,
      path: '/',
      query: { Action: 'GetCallerIdentity', Version: '2011-06-15' },
      headers: { host: hostname, 'x-k8s-aws-id': options.clusterName },
    },
    { expiresIn: PRESIGN_SECONDS, signingDate: options.signingDate },
  );
  const query = new URLSearchParams(
    presigned.query as Record<string, string>,
  ).toString();
  const url = `https://${hostname}/?${query}`;
  return `k8s-aws-v1.${Buffer.from(url).toString('base64url')}`;
}
