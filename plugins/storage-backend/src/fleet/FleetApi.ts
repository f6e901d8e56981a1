import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { StoredStorageRequest } from '../database/RequestStore';
import {
  ClaimUsageHistory,
  FleetBackupsResponse,
  FleetClaimsResponse,
  FleetClassesResponse,
  FleetComplianceResponse,
  FleetExpiriesResponse,
  FleetFindingsResponse,
  FleetOverviewResponse,
  FleetUsageResponse,
  FleetClaimDeleteInput,
  VolumeAdoptInput,
  VolumeDeleteInput,
} from './api';
import { FleetClaimFilter } from './query';
import { RequestInput } from '../service/requestInput';

/** Where a claim lives. */
export interface ClaimRef {
  cluster: string;
  namespace: string;
  name: string;
}

/** The platform console: what the routes read, and the requests its actions stand for. */
export interface FleetApi {
  overview(): Promise<FleetOverviewResponse>;
  claims(filter: FleetClaimFilter): Promise<FleetClaimsResponse>;
  waste(credentials: BackstageCredentials): Promise<FleetFindingsResponse>;
  classes(): Promise<FleetClassesResponse>;
  compliance(): Promise<FleetComplianceResponse>;
  usage(): Promise<FleetUsageResponse>;
  claimUsage(claim: ClaimRef, days: number): Promise<ClaimUsageHistory>;
  backups(): Promise<FleetBackupsResponse>;
  expiries(): Promise<FleetExpiriesResponse>;
}

/** What the backend requests after a request the console submitted. */
export interface FollowUp {
  /** Told to the caller: the operation and when it follows. */
  describe: { operation: 'delete'; when: string };
  /** Records the follow-up once the first request is stored. */
  afterSubmit(request: StoredStorageRequest): Promise<void>;
}

/** The requests the console's actions stand for, built from what the cluster has. */
export interface FleetActions {
  volumeDelete(
    volume: { cluster: string; name: string },
    body: VolumeDeleteInput,
    credentials: BackstageCredentials,
  ): Promise<RequestInput>;
  volumeAdopt(
    volume: { cluster: string; name: string },
    body: VolumeAdoptInput,
    credentials: BackstageCredentials,
  ): Promise<RequestInput>;
  claimDelete(
    claim: ClaimRef,
    body: FleetClaimDeleteInput,
    credentials: BackstageCredentials,
  ): Promise<{ input: RequestInput; followUp?: FollowUp }>;
}

/** The console as the routes use it. */
export interface FleetConsole {
  read: FleetApi;
  actions: FleetActions;
}
