/**
 * The entity's Storage tab, alone in a Backstage app (the demo's
 * app-defaults, routing, theme, fetch and signals), for the browser
 * benchmarks: the real tab (EntityStorageContent with the storage API
 * client) against a real backend, without the rest of the demo app.
 *
 * `/` shows a link to the tab, `/storage` the tab. The page's config
 * (backend URL, the entity as `bench.entity`) comes from the
 * `backstage.io/config` script the benchmark writes into index.html.
 */
import { useEffect } from 'react';
import { createApp } from '@backstage/app-defaults';
import { AppRouter, FlatRoutes } from '@backstage/core-app-api';
import { IdentityApi, SignInPageProps } from '@backstage/core-plugin-api';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { SignalsDisplay } from '@backstage/plugin-signals';
import { EntityStorageContent } from '@eks-storage/backstage-plugin-storage';
import { createRoot } from 'react-dom/client';
import { Link, Route } from 'react-router-dom';

/** A signed-in user with the backend's test token. */
const identity: IdentityApi = {
  getProfileInfo: async () => ({ displayName: 'Bench' }),
  getBackstageIdentity: async () => ({
    type: 'user',
    userEntityRef: 'user:default/mock',
    ownershipEntityRefs: ['user:default/mock'],
  }),
  getCredentials: async () => ({ token: 'mock-user-token' }),
  signOut: async () => {},
};

const SignIn = (props: SignInPageProps) => {
  useEffect(() => props.onSignInSuccess(identity), [props]);
  return null;
};

/** The entity, from the page's config (the tab needs it as an element). */
const entity = JSON.parse(
  document.querySelector('script[type="backstage.io/config"]')!.textContent!,
)[0].data.bench.entity;

const app = createApp({ components: { SignInPage: SignIn } });

const Root = app.createRoot(
  <>
    <SignalsDisplay />
    <AppRouter>
      <FlatRoutes>
        <Route
          path="/"
          element={
            <Link to="/storage" id="open-storage">
              Storage
            </Link>
          }
        />
        <Route
          path="/storage/*"
          element={
            <EntityProvider entity={entity}>
              <EntityStorageContent />
            </EntityProvider>
          }
        />
      </FlatRoutes>
    </AppRouter>
  </>,
);

createRoot(document.getElementById('root')!).render(<Root />);
