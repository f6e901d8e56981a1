export { RequestPage, RequestContent } from './RequestPage';
