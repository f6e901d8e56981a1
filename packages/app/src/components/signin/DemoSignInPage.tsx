import { ComponentType, useCallback, useMemo, useState } from 'react';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import {
  Content,
  ErrorPanel,
  Header,
  InfoCard,
  Page,
  ProxiedSignInPage,
  SignInPage,
} from '@backstage/core-components';
import {
  configApiRef,
  IdentityApi,
  SignInPageProps,
  useApi,
} from '@backstage/core-plugin-api';
import {
  DEMO_USER_HEADER,
  DEMO_USER_STORAGE_KEY,
  DEMO_USERS,
  DemoUser,
  findDemoUser,
  SIGN_IN_AS_PARAM,
} from './demoUsers';

function remember(user: DemoUser | undefined) {
  try {
    if (user) localStorage.setItem(DEMO_USER_STORAGE_KEY, user.name);
    else localStorage.removeItem(DEMO_USER_STORAGE_KEY);
  } catch {
    // Storage refused (private mode): the choice lasts until a reload.
  }
}

/**
 * Who to sign in as: `?signInAs=<name>` (taken off the URL), else the user
 * remembered from last time, else nobody (the page offers the users).
 */
export function readChosenUser(): DemoUser | undefined {
  const url = new URL(window.location.href);
  const asked = url.searchParams.get(SIGN_IN_AS_PARAM);
  if (asked !== null) {
    url.searchParams.delete(SIGN_IN_AS_PARAM);
    window.history.replaceState(window.history.state, '', url.toString());
    const user = findDemoUser(asked);
    remember(user);
    return user;
  }
  try {
    return findDemoUser(localStorage.getItem(DEMO_USER_STORAGE_KEY));
  } catch {
    return undefined;
  }
}

/** Signing out forgets the user, so the next page load offers all again. */
function forgetOnSignOut(identity: IdentityApi): IdentityApi {
  return {
    getProfileInfo: () => identity.getProfileInfo(),
    getBackstageIdentity: () => identity.getBackstageIdentity(),
    getCredentials: () => identity.getCredentials(),
    signOut: async () => {
      remember(undefined);
      await identity.signOut();
    },
  };
}

function SignInAs(props: {
  user: DemoUser;
  pageProps: SignInPageProps;
  title: string;
  onChooseAnother(): void;
}) {
  const { user, pageProps, title, onChooseAnother } = props;
  const ErrorComponent: ComponentType<{ error?: Error }> = useMemo(
    () =>
      ({ error }) =>
        (
          <Page themeId="home">
            <Header title={title} subtitle="Demo sign-in" />
            <Content>
              <ErrorPanel
                title={`Could not sign in as ${user.title}`}
                error={error ?? new Error('Sign-in failed')}
              />
              <Button
                color="primary"
                variant="contained"
                style={{ marginTop: 16 }}
                onClick={onChooseAnother}
              >
                Choose another user
              </Button>
            </Content>
          </Page>
        ),
    [title, user, onChooseAnother],
  );
  return (
    <ProxiedSignInPage
      {...pageProps}
      provider={user.provider}
      headers={
        user.provider === 'demo' ? { [DEMO_USER_HEADER]: user.name } : {}
      }
      onSignInSuccess={identity =>
        pageProps.onSignInSuccess(forgetOnSignOut(identity))
      }
      ErrorComponent={ErrorComponent}
    />
  );
}

/**
 * The demo's sign-in page: sign in as the guest or as one of the example
 * users (development only; the backend's `demo` provider refuses others).
 * The choice is remembered, so reloads keep the user; signing out (Settings)
 * or opening any page with `?signInAs=<name>` switches user. Outside
 * development it is the stock guest sign-in page.
 */
export function DemoSignInPage(props: SignInPageProps) {
  const configApi = useApi(configApiRef);
  const development =
    (configApi.getOptionalString('auth.environment') ?? 'development') ===
    'development';
  const title = configApi.getOptionalString('app.title') ?? 'Backstage';
  const [chosen, setChosen] = useState<DemoUser | undefined>(() =>
    development ? readChosenUser() : undefined,
  );
  const chooseAnother = useCallback(() => {
    remember(undefined);
    setChosen(undefined);
  }, []);

  if (!development) {
    return <SignInPage {...props} auto providers={['guest']} />;
  }
  if (chosen) {
    return (
      <SignInAs
        key={chosen.name}
        user={chosen}
        pageProps={props}
        title={title}
        onChooseAnother={chooseAnother}
      />
    );
  }
  return (
    <Page themeId="home">
      <Header
        title={title}
        subtitle="Demo: sign in as one of the example users"
      />
      <Content>
        <Grid container spacing={3} component="ul" style={{ padding: 0 }}>
          {DEMO_USERS.map(user => (
            <Grid
              item
              xs={12}
              sm={6}
              md={3}
              key={user.name}
              component="li"
              style={{ listStyle: 'none' }}
            >
              <InfoCard
                title={user.title}
                subheader={`${user.team} · user:default/${user.name}`}
                variant="fullHeight"
                actions={
                  <Button
                    color="primary"
                    variant="outlined"
                    onClick={() => {
                      remember(user);
                      setChosen(user);
                    }}
                  >
                    {user.provider === 'guest'
                      ? `Enter as ${user.title}`
                      : `Sign in as ${user.title}`}
                  </Button>
                }
              >
                <Typography variant="body1">{user.description}</Typography>
              </InfoCard>
            </Grid>
          ))}
        </Grid>
        <Typography variant="body2" style={{ marginTop: 24 }}>
          Development only. The choice is remembered in this browser: to switch
          user, sign out in Settings or open any page with{' '}
          <code>?{SIGN_IN_AS_PARAM}=priya</code>.
        </Typography>
      </Content>
    </Page>
  );
}
