import { fireEvent, screen, waitFor } from '@testing-library/react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { configApiRef, discoveryApiRef } from '@backstage/core-plugin-api';
import { DemoSignInPage } from './DemoSignInPage';
import { DEMO_USER_STORAGE_KEY } from './demoUsers';

const session = {
  profile: { displayName: 'Priya Shah' },
  backstageIdentity: {
    // A token whose payload only needs an expiry.
    token: `x.${btoa(JSON.stringify({ exp: Date.now() / 1000 + 3600 }))}.y`,
    identity: {
      type: 'user',
      userEntityRef: 'user:default/priya',
      ownershipEntityRefs: [
        'user:default/priya',
        'group:default/platform-team',
      ],
    },
  },
};

function renderPage(environment?: string) {
  const onSignInSuccess = jest.fn();
  const config = mockApis.config({
    data: {
      app: { title: 'EKS Storage' },
      ...(environment && { auth: { environment } }),
    },
  });
  const discovery = mockApis.discovery({ baseUrl: 'http://backend' });
  return {
    onSignInSuccess,
    rendered: renderInTestApp(
      <TestApiProvider
        apis={[
          [configApiRef, config],
          [discoveryApiRef, discovery],
        ]}
      >
        <DemoSignInPage onSignInSuccess={onSignInSuccess} />
      </TestApiProvider>,
    ),
  };
}

describe('DemoSignInPage', () => {
  const fetchMock = jest.fn();
  beforeEach(() => {
    localStorage.clear();
    fetchMock.mockReset();
    fetchMock.mockResolvedValue(
      new Response(JSON.stringify(session), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      }),
    );
    global.fetch = fetchMock;
  });

  it('offers the guest and each demo user', async () => {
    renderPage();
    expect(
      await screen.findByRole('button', { name: 'Enter as Guest' }),
    ).toBeInTheDocument();
    for (const name of ['Alice Martin', 'Priya Shah', 'Dmitri Ivanov']) {
      expect(
        screen.getByRole('button', { name: `Sign in as ${name}` }),
      ).toBeInTheDocument();
    }
  });

  it('signs in through the demo provider with the header and remembers the user', async () => {
    const { onSignInSuccess } = renderPage();
    fireEvent.click(
      await screen.findByRole('button', { name: 'Sign in as Priya Shah' }),
    );
    await waitFor(() => expect(onSignInSuccess).toHaveBeenCalled());
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('http://backend/api/auth/demo/refresh');
    expect(new Headers(init.headers).get('x-demo-user')).toBe('priya');
    expect(localStorage.getItem(DEMO_USER_STORAGE_KEY)).toBe('priya');

    // Signing out forgets the user.
    const identity = onSignInSuccess.mock.calls[0][0];
    expect((await identity.getBackstageIdentity()).userEntityRef).toBe(
      'user:default/priya',
    );
    await identity.signOut();
    expect(localStorage.getItem(DEMO_USER_STORAGE_KEY)).toBeNull();
  });

  it('signs the remembered user in again on reload', async () => {
    localStorage.setItem(DEMO_USER_STORAGE_KEY, 'priya');
    const { onSignInSuccess } = renderPage();
    await waitFor(() => expect(onSignInSuccess).toHaveBeenCalled());
    expect(fetchMock.mock.calls[0][0]).toBe(
      'http://backend/api/auth/demo/refresh',
    );
  });

  it('offers no demo users outside development', async () => {
    renderPage('production');
    expect(
      await screen.findByRole('button', { name: 'Enter' }),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Sign in as/)).not.toBeInTheDocument();
  });
});
