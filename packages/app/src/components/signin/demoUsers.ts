/**
 * The demo's example users (examples/org.yaml) offered on the sign-in page.
 * The guest signs in through the guest provider, as a stock app does; the
 * others through the backend's development-only `demo` provider, which
 * signs in only the users listed in auth.providers.demo.users.
 */
export interface DemoUser {
  /** The user's name in the catalog (user:default/<name>). */
  name: string;
  /** The auth provider that signs them in. */
  provider: 'guest' | 'demo';
  title: string;
  team: string;
  description: string;
}

export const DEMO_USERS: readonly DemoUser[] = [
  {
    name: 'guest',
    provider: 'guest',
    title: 'Guest',
    team: 'Payments team',
    description:
      'A developer in team-payments: owns Payments API and Checkout web, requests storage for them.',
  },
  {
    name: 'alice',
    provider: 'demo',
    title: 'Alice Martin',
    team: 'Payments team',
    description: 'Another developer in team-payments.',
  },
  {
    name: 'priya',
    provider: 'demo',
    title: 'Priya Shah',
    team: 'Platform team',
    description:
      'Runs the EKS clusters and approves large or costly storage requests.',
  },
  {
    name: 'dmitri',
    provider: 'demo',
    title: 'Dmitri Ivanov',
    team: 'Data team',
    description: 'A developer in team-data: owns the Analytics pipeline.',
  },
];

/** The header that names the user to the demo provider. */
export const DEMO_USER_HEADER = 'X-Demo-User';

/** Where the browser remembers who signed in, so reloads keep them. */
export const DEMO_USER_STORAGE_KEY = 'eks-storage:demo-user';

/** `?signInAs=<name>` on any URL signs in as that user (switch user). */
export const SIGN_IN_AS_PARAM = 'signInAs';

export function findDemoUser(name: string | null | undefined) {
  if (!name) return undefined;
  const key = name.trim().toLocaleLowerCase('en-US');
  return DEMO_USERS.find(u => u.name === key);
}
