import type { Finding } from '../validation';
import type { StorageRequestStatus } from '../model';
import type {
  ApprovalsResponse,
  ClaimDetailResponse,
  DecisionInput,
  RejectInput,
  ClaimRef,
  ClaimsResponse,
  ClaimUsageHistory,
  ClusterStatus,
  DeleteInput,
  FleetBackupsResponse,
  FleetClaimDeleteInput,
  FleetClaimsResponse,
  FleetClassesResponse,
  FleetComplianceResponse,
  FleetExpiriesResponse,
  FleetFindingsResponse,
  FleetOverviewResponse,
  FleetSubmitResponse,
  FleetUsageResponse,
  OfferingListItem,
  RequestDetailResponse,
  ResizeInput,
  RestoreInput,
  SnapshotInput,
  StorageRequestBody,
  StoredStorageRequest,
  SubmitResponse,
  ValidationResponse,
  VolumeAdoptInput,
  VolumeDeleteInput,
} from './types';

/** The two things the client needs; Backstage's discovery and fetch APIs fit. */
export interface StorageClientOptions {
  discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
  fetchApi: { fetch: typeof fetch };
}

/** An answer other than success, with the backend's message and findings. */
export class StorageApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    /** For 400s from validation: what is wrong, field by field, with the fix. */
    readonly findings: Finding[] = [],
  ) {
    super(message);
    this.name = 'StorageApiError';
  }
}

/** The storage backend's API, typed; for the frontend and the scaffolder. */
export interface StorageApi {
  getClusters(): Promise<ClusterStatus[]>;
  getOfferings(): Promise<OfferingListItem[]>;
  validateRequest(request: StorageRequestBody): Promise<ValidationResponse>;
  submitRequest(request: StorageRequestBody): Promise<SubmitResponse>;
  getRequest(id: string): Promise<RequestDetailResponse>;
  listRequests(filter: {
    entityRef?: string;
    status?: StorageRequestStatus[];
  }): Promise<StoredStorageRequest[]>;
  listClaims(entityRef: string): Promise<ClaimsResponse>;
  getClaim(claim: ClaimRef): Promise<ClaimDetailResponse>;
  resizeClaim(claim: ClaimRef, input: ResizeInput): Promise<SubmitResponse>;
  snapshotClaim(claim: ClaimRef, input: SnapshotInput): Promise<SubmitResponse>;
  restoreClaim(claim: ClaimRef, input: RestoreInput): Promise<SubmitResponse>;
  deleteClaim(claim: ClaimRef, input: DeleteInput): Promise<SubmitResponse>;
  /** The approval queue (approvers), or the caller's own pending requests. */
  listApprovals(filter?: ApprovalFilter): Promise<ApprovalsResponse>;
  approveRequest(
    id: string,
    input?: DecisionInput,
  ): Promise<RequestDetailResponse>;
  rejectRequest(id: string, input: RejectInput): Promise<RequestDetailResponse>;
  cancelRequest(
    id: string,
    input?: DecisionInput,
  ): Promise<RequestDetailResponse>;

  /** The platform console: claims, capacity, cost and finding counts. */
  getFleetOverview(): Promise<FleetOverviewResponse>;
  /** Every claim of every cluster, and volumes no claim holds. */
  listFleetClaims(filter?: FleetClaimFilter): Promise<FleetClaimsResponse>;
  listFleetWaste(): Promise<FleetFindingsResponse>;
  listFleetClasses(): Promise<FleetClassesResponse>;
  listFleetCompliance(): Promise<FleetComplianceResponse>;
  listFleetUsage(): Promise<FleetUsageResponse>;
  /** One claim's usage samples (the last `days` days) and suggestion. */
  getClaimUsage(
    claim: ClaimRef,
    options?: { days?: number },
  ): Promise<ClaimUsageHistory>;
  listFleetBackups(): Promise<FleetBackupsResponse>;
  listFleetExpiries(): Promise<FleetExpiriesResponse>;
  /** Asks to delete a volume no claim holds, through the request workflow. */
  deleteFleetVolume(
    volume: VolumeRef,
    input: VolumeDeleteInput,
  ): Promise<SubmitResponse>;
  /** Asks for a new claim bound to a volume no claim holds. */
  adoptFleetVolume(
    volume: VolumeRef,
    input?: VolumeAdoptInput,
  ): Promise<SubmitResponse>;
  /** Asks to delete a claim, a snapshot first when `snapshotFirst`. */
  deleteFleetClaim(
    claim: ClaimRef,
    input: FleetClaimDeleteInput,
  ): Promise<FleetSubmitResponse>;
}

/** A PersistentVolume of a cluster. */
export interface VolumeRef {
  cluster: string;
  name: string;
}

/** Filters of the console's claim list; they combine with AND. */
export interface FleetClaimFilter {
  /** The owning group of the claim's entity. */
  team?: string;
  system?: string;
  entity?: string;
  cluster?: string;
  namespace?: string;
  driver?: string;
  offering?: string;
  storageClass?: string;
  state?: string;
  /** true: claims an entity claims; false: the rest. */
  owned?: boolean;
  minAgeDays?: number;
  maxAgeDays?: number;
  /** Used share of capacity, in percent. */
  usageAbove?: number;
  usageBelow?: number;
  limit?: number;
  offset?: number;
}

/** Filters of the approval queue. */
export interface ApprovalFilter {
  view?: 'pending' | 'history';
  status?: StorageRequestStatus[];
  /** The owning group of the requests' entities. */
  team?: string;
  cluster?: string;
  /** History: decided on or after this date (ISO 8601). */
  since?: string;
}

const pathOf = (...parts: string[]) => parts.map(encodeURIComponent).join('/');

const claimPath = ({ cluster, namespace, name }: ClaimRef) =>
  `/claims/${pathOf(cluster, namespace, name)}`;

const volumePath = ({ cluster, name }: VolumeRef) =>
  `/fleet/volumes/${pathOf(cluster, name)}`;

/** A query string of the filters that are set. */
function queryOf(filter: object): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (value !== undefined && value !== '') query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** A StorageApi over HTTP. */
export class StorageClient implements StorageApi {
  constructor(private readonly options: StorageClientOptions) {}

  private async call<T>(path: string, init?: RequestInit): Promise<T> {
    const base = await this.options.discoveryApi.getBaseUrl('storage');
    const response = await this.options.fetchApi.fetch(`${base}${path}`, {
      ...init,
      headers: {
        ...(init?.body ? { 'Content-Type': 'application/json' } : {}),
        ...init?.headers,
      },
    });
    const text = await response.text();
    let body: any;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    if (!response.ok) {
      throw new StorageApiError(
        body?.error?.message ??
          `The storage backend answered ${response.status} ${response.statusText}`,
        response.status,
        Array.isArray(body?.findings) ? body.findings : [],
      );
    }
    return body as T;
  }

  private post<T>(path: string, body: unknown): Promise<T> {
    return this.call<T>(path, { method: 'POST', body: JSON.stringify(body) });
  }

  async getClusters() {
    return (await this.call<{ items: ClusterStatus[] }>('/clusters')).items;
  }

  async getOfferings() {
    return (await this.call<{ items: OfferingListItem[] }>('/offerings')).items;
  }

  validateRequest(request: StorageRequestBody) {
    return this.post<ValidationResponse>('/requests/validate', request);
  }

  submitRequest(request: StorageRequestBody) {
    return this.post<SubmitResponse>('/requests', request);
  }

  getRequest(id: string) {
    return this.call<RequestDetailResponse>(
      `/requests/${encodeURIComponent(id)}`,
    );
  }

  async listRequests(filter: {
    entityRef?: string;
    status?: StorageRequestStatus[];
  }) {
    const query = new URLSearchParams();
    if (filter.entityRef) query.set('entityRef', filter.entityRef);
    if (filter.status?.length) query.set('status', filter.status.join(','));
    return (
      await this.call<{ items: StoredStorageRequest[] }>(`/requests?${query}`)
    ).items;
  }

  listClaims(entityRef: string) {
    return this.call<ClaimsResponse>(
      `/claims?${new URLSearchParams({ entityRef })}`,
    );
  }

  getClaim(claim: ClaimRef) {
    return this.call<ClaimDetailResponse>(claimPath(claim));
  }

  resizeClaim(claim: ClaimRef, input: ResizeInput) {
    return this.post<SubmitResponse>(`${claimPath(claim)}/resize`, input);
  }

  snapshotClaim(claim: ClaimRef, input: SnapshotInput) {
    return this.post<SubmitResponse>(`${claimPath(claim)}/snapshot`, input);
  }

  restoreClaim(claim: ClaimRef, input: RestoreInput) {
    return this.post<SubmitResponse>(`${claimPath(claim)}/restore`, input);
  }

  deleteClaim(claim: ClaimRef, input: DeleteInput) {
    return this.post<SubmitResponse>(`${claimPath(claim)}/delete`, input);
  }

  listApprovals(filter: ApprovalFilter = {}) {
    const query = new URLSearchParams();
    if (filter.view) query.set('view', filter.view);
    if (filter.status?.length) query.set('status', filter.status.join(','));
    if (filter.team) query.set('team', filter.team);
    if (filter.cluster) query.set('cluster', filter.cluster);
    if (filter.since) query.set('since', filter.since);
    return this.call<ApprovalsResponse>(`/approvals?${query}`);
  }

  approveRequest(id: string, input: DecisionInput = {}) {
    return this.post<RequestDetailResponse>(
      `/requests/${encodeURIComponent(id)}/approve`,
      input,
    );
  }

  rejectRequest(id: string, input: RejectInput) {
    return this.post<RequestDetailResponse>(
      `/requests/${encodeURIComponent(id)}/reject`,
      input,
    );
  }

  cancelRequest(id: string, input: DecisionInput = {}) {
    return this.post<RequestDetailResponse>(
      `/requests/${encodeURIComponent(id)}/cancel`,
      input,
    );
  }

  getFleetOverview() {
    return this.call<FleetOverviewResponse>('/fleet/overview');
  }

  listFleetClaims(filter: FleetClaimFilter = {}) {
    return this.call<FleetClaimsResponse>(`/fleet/claims${queryOf(filter)}`);
  }

  listFleetWaste() {
    return this.call<FleetFindingsResponse>('/fleet/waste');
  }

  listFleetClasses() {
    return this.call<FleetClassesResponse>('/fleet/classes');
  }

  listFleetCompliance() {
    return this.call<FleetComplianceResponse>('/fleet/compliance');
  }

  listFleetUsage() {
    return this.call<FleetUsageResponse>('/fleet/usage');
  }

  getClaimUsage(
    { cluster, namespace, name }: ClaimRef,
    options: { days?: number } = {},
  ) {
    return this.call<ClaimUsageHistory>(
      `/fleet/usage/${pathOf(cluster, namespace, name)}${queryOf(options)}`,
    );
  }

  listFleetBackups() {
    return this.call<FleetBackupsResponse>('/fleet/backups');
  }

  listFleetExpiries() {
    return this.call<FleetExpiriesResponse>('/fleet/expiries');
  }

  deleteFleetVolume(volume: VolumeRef, input: VolumeDeleteInput) {
    return this.post<SubmitResponse>(`${volumePath(volume)}/delete`, input);
  }

  adoptFleetVolume(volume: VolumeRef, input: VolumeAdoptInput = {}) {
    return this.post<SubmitResponse>(`${volumePath(volume)}/adopt`, input);
  }

  deleteFleetClaim(claim: ClaimRef, input: FleetClaimDeleteInput) {
    return this.post<FleetSubmitResponse>(
      `/fleet${claimPath(claim)}/delete`,
      input,
    );
  }
}
