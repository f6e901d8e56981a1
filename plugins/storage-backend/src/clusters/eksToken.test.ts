import { createHash, createHmac } from 'node:crypto';
import { createEksToken } from './eksToken';

const credentials = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};
const signingDate = new Date('2026-11-21T12:00:00Z');

function decode(token: string): URL {
  expect(token.startsWith('k8s-aws-v1.')).toBe(true);
  expect(token).not.toMatch(/[=+/]/);
  return new URL(
    Buffer.from(token.slice('k8s-aws-v1.'.length), 'base64url').toString(),
  );
}

// SigV4 written out from the AWS documentation, independently of the SDK,
// so the test checks the signature rather than repeating the code under test.
function expectedSignature(url: URL): string {
  const hmac = (key: Buffer | string, data: string) =>
    createHmac('sha256', key).update(data).digest();
  const params = [...url.searchParams.entries()]
    .filter(([k]) => k !== 'X-Amz-Signature')
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
  const canonicalRequest = [
    'GET',
    '/',
    params,
    `host:${url.hostname}\nx-k8s-aws-id:eks-prod\n`,
    'host;x-k8s-aws-id',
    createHash('sha256').update('').digest('hex'),
  ].join('\n');
  const scope = '20261121/us-east-1/sts/aws4_request';
  const stringToSign = [
    'AWS4-HMAC-SHA256',
    '20261121T120000Z',
    scope,
    createHash('sha256').update(canonicalRequest).digest('hex'),
  ].join('\n');
  let key: Buffer = hmac(`AWS4${credentials.secretAccessKey}`, '20261121');
  for (const part of ['us-east-1', 'sts', 'aws4_request']) {
    key = hmac(key, part);
  }
  return createHmac('sha256', key).update(stringToSign).digest('hex');
}

describe('createEksToken', () => {
  it('presigns GetCallerIdentity for the cluster, as aws eks get-token does', async () => {
    const token = await createEksToken({
      clusterName: 'eks-prod',
      region: 'us-east-1',
      credentials,
      signingDate,
    });
    const url = decode(token);

    expect(url.origin).toBe('https://sts.us-east-1.amazonaws.com');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      Action: 'GetCallerIdentity',
      Version: '2011-06-15',
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Credential': 'AKIDEXAMPLE/20261121/us-east-1/sts/aws4_request',
      'X-Amz-Date': '20261121T120000Z',
      'X-Amz-Expires': '60',
      'X-Amz-SignedHeaders': 'host;x-k8s-aws-id',
      'X-Amz-Signature': expectedSignature(url),
    });
  });

  it('carries the session token of assumed-role credentials', async () => {
    const token = await createEksToken({
      clusterName: 'eks-prod',
      region: 'eu-west-1',
      credentials: { ...credentials, sessionToken: 'session/token+1' },
      signingDate,
    });
    const url = decode(token);
    expect(url.hostname).toBe('sts.eu-west-1.amazonaws.com');
    expect(url.searchParams.get('X-Amz-Security-Token')).toBe(
      'session/token+1',
    );
  });

  it('changes with the cluster it names', async () => {
    const [a, b] = await Promise.all(
      ['eks-dev', 'eks-prod'].map(clusterName =>
        createEksToken({
          clusterName,
          region: 'us-east-1',
          credentials,
          signingDate,
        }),
      ),
    );
    expect(a).not.toEqual(b);
  });
});
