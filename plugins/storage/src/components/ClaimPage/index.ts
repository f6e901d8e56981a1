export { ClaimPage } from './ClaimPage';
export type { ClaimPageProps } from './ClaimPage';
