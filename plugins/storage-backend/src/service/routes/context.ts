import {
  AuditorService,
  HttpAuthService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  PriceTable,
  StorageOffering,
} from '@eks-storage/backstage-plugin-storage-common';
import { Knex } from 'knex';
import { ClaimTransitionStore } from '../../database/ClaimTransitionStore';
import {
  RequestStore,
  StoredStorageRequest,
} from '../../database/RequestStore';
import { StorageAuthorizer } from '../../permissions/StorageAuthorizer';
import { ClaimTracker } from '../../tracker/ClaimTracker';
import { RequestService } from '../../workflow/RequestService';
import { DryRunLimiter } from '../dryRunLimiter';
import { SignalChannels } from '../signalChannels';
import type { ApprovalApi } from '../../approvals/ApprovalService';
import type { createApprovalView } from '../approvalView';
import type { ApiRouter } from '@backstage/backend-openapi-utils';
import type { spec } from '../../schema/openapi.generated';
import type { FleetConsole } from '../../fleet/FleetApi';
import type { Fleet } from '../../fleet/createFleet';

/** The router the contract types: each route's body, params and query. */
export type StorageApiRouter = ApiRouter<typeof spec>;

/** What the routes need; `createRouter` takes it whole. */
export interface RouterOptions {
  httpAuth: HttpAuthService;
  logger: LoggerService;
  auditor: AuditorService;
  database: Knex;
  catalog: CatalogService;
  authorizer: StorageAuthorizer;
  requests: RequestService;
  store: RequestStore;
  transitions: ClaimTransitionStore;
  tracker: ClaimTracker;
  offerings: StorageOffering[];
  prices: PriceTable;
  limiter: DryRunLimiter;
  /** The approval flow: decide, cancel, the queue. */
  approvals: ApprovalApi;
  /** What the approval pages show of a request. */
  view: ReturnType<typeof createApprovalView>;
  channels: SignalChannels;
  /** Told when a request is stored or decided. */
  onRequestChanged?: (request: StoredStorageRequest) => Promise<void>;
  /** The platform console (fleet findings, usage, backups, expiry). */
  fleet?: FleetConsole;
  /** A claim's newest usage reading and its expiry, for the claim list and page. */
  claimExtras?: Fleet['extrasOf'];
}
