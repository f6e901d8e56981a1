export { ApprovalsPage, ApprovalsContent } from './ApprovalsPage';
