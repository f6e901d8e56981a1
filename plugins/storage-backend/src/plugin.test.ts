import {
  mockCredentials,
  startTestBackend,
} from '@backstage/backend-test-utils';
import request from 'supertest';
import { storagePlugin } from './plugin';

describe('storagePlugin', () => {
  it('serves its health behind Backstage auth, with its migrations applied', async () => {
    const backend = await startTestBackend({ features: [storagePlugin] });
    const { server } = backend;

    const ok = await request(server)
      .get('/api/storage/health')
      .set('Authorization', mockCredentials.user.header());
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ status: 'ok', clusters: [] });

    const anonymous = await request(server)
      .get('/api/storage/health')
      .set('Authorization', mockCredentials.none.header());
    expect(anonymous.status).toBe(401);

    await backend.stop();
  });
});
