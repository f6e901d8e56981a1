import { ReactNode } from 'react';
import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import { TestApiProvider } from '@backstage/test-utils';
import { StorageClient } from '@eks-storage/backstage-plugin-storage-common';
import { storageApiRef } from '../api';

export const BASE_URL = 'http://storage.test/api/storage';

export const server = setupServer();

/** The real client against msw. */
export const storageClient = new StorageClient({
  discoveryApi: { getBaseUrl: async () => BASE_URL },
  fetchApi: { fetch: (...args) => fetch(...args) },
});

export const url = (path: string) => `${BASE_URL}${path}`;

export const StorageApis = ({ children }: { children: ReactNode }) => (
  <TestApiProvider apis={[[storageApiRef, storageClient]]}>
    {children}
  </TestApiProvider>
);

/** A backend error as the storage backend sends it. */
export function errorResponse(status: number, message: string, extra = {}) {
  return HttpResponse.json(
    { error: { name: 'Error', message }, ...extra },
    { status },
  );
}

export { http, HttpResponse };
