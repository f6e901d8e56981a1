export { DemoSignInPage } from './DemoSignInPage';
export {
  DEMO_USERS,
  DEMO_USER_HEADER,
  DEMO_USER_STORAGE_KEY,
  SIGN_IN_AS_PARAM,
} from './demoUsers';
export type { DemoUser } from './demoUsers';
