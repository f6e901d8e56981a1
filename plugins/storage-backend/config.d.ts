import type { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';
import type { HumanDuration } from '@backstage/types';

export interface Config {
  /** Self-service Kubernetes storage. Clusters come from `kubernetes.clusterLocatorMethods`. */
  storage?: {
    /**
     * What the platform team offers. Each offering names a StorageClass that
     * exists in the clusters (or "static" for pre-existing volumes).
     */
    offerings?: Array<{
      /** Lower-case letters, digits and hyphens, e.g. `ebs-gp3`. */
      id: string;
      title: string;
      description?: string;
      driver: 'ebs' | 'efs' | 'fsx-lustre' | 's3' | 'ontap';
      storageClassName: string;
      /** The class's parameters, so the rules that depend on them can run. */
      parameters?: { [key: string]: string };
      accessModes: Array<
        'ReadWriteOnce' | 'ReadOnlyMany' | 'ReadWriteMany' | 'ReadWriteOncePod'
      >;
      volumeModes?: Array<'Filesystem' | 'Block'>;
      size: {
        /** Kubernetes quantity, e.g. `1Gi`. */
        min?: string;
        max?: string;
        default: string;
      };
      recommendedFor?: Array<
        | 'database'
        | 'message-broker'
        | 'ci-workspace'
        | 'shared-files'
        | 'ml-scratch'
        | 'logs-backup'
      >;
      allowVolumeExpansion?: boolean;
      /** Extra labels and annotations for every claim of this offering. */
      labels?: { [key: string]: string };
      annotations?: { [key: string]: string };
      /**
       * Pre-existing volumes (S3 buckets, EBS or EFS volume IDs) this
       * offering binds without the platform team's approval: to the listed
       * owners (group or user refs), or to everyone when none are listed.
       * Any other existing volume waits for approval.
       */
      existingVolumes?: Array<{
        id: string;
        title?: string;
        owners?: string[];
      }>;
      /**
       * Mount options of the volumes this offering binds, e.g. Mountpoint's
       * `uid=1000`. Requesters may add only the driver's safe ones
       * (`prefix <path>/`, `allow-delete`, `allow-overwrite` for S3).
       */
      mountOptions?: string[];
      /**
       * A snapshot of every claim of this offering each `every` (a duration
       * such as `24h`), keeping the newest `keep` ready ones; carried out by
       * the backend as snapshot requests, once across replicas.
       */
      backup?: { every: string; keep: number };
      /**
       * Snapshot a claim before the backend deletes it (at its expiry).
       * Offerings with a `backup` schedule are snapshotted first anyway.
       */
      snapshotBeforeDelete?: boolean;
    }>;

    /**
     * Bounds on the requests that dry-run against clusters (validate,
     * submit, day-2 actions). Beyond them callers get 429 with Retry-After.
     */
    limits?: {
      /** In flight at once, in all; default 16. */
      maxConcurrentDryRuns?: number;
      /** In flight at once for one user; default 4. */
      maxConcurrentDryRunsPerUser?: number;
      /** The Retry-After of a refusal, in seconds; default 1. */
      retryAfterSeconds?: number;
    };

    /** Where requests may create claims. */
    namespaces?: {
      /**
       * Namespaces an owner (group or user ref) may use besides the one in
       * the entity's `backstage.io/kubernetes-namespace` annotation.
       */
      allow?: Array<{ owner: string; namespaces: string[] }>;
      /** Never used, whatever an entity says. Defaults to the system namespaces. */
      deny?: string[];
    };

    /**
     * Who approves storage requests. Rules are evaluated in order for every
     * request (create, restore, resize, snapshot, delete); the first whose
     * conditions all hold decides, else `default` does. Without this block
     * every valid request is approved at once. Backend modules may add
     * policies (storagePolicyExtensionPoint), asked before these rules.
     */
    approvals?: {
      rules?: Array<{
        /** Unique; named in the decision and the request's history. */
        name: string;
        /**
         * Every condition given must hold; a list matches any of its
         * values; `*` in cluster and namespace names matches anything.
         */
        match?: {
          operations?: Array<
            'create' | 'restore' | 'resize' | 'snapshot' | 'delete'
          >;
          offerings?: string[];
          drivers?: Array<'ebs' | 'efs' | 'fsx-lustre' | 's3' | 'ontap'>;
          clusters?: string[];
          namespaces?: string[];
          /** The entity's owner (group or user refs). */
          owners?: string[];
          /** The entity's spec.lifecycle. */
          lifecycles?: string[];
          /** The size requested (quantities such as 500Gi). */
          size?: { min?: string; max?: string };
          /** Resizes: how much the claim grows. */
          growth?: { min?: string; max?: string };
          /** Estimated monthly cost after the request, USD. */
          monthlyCost?: { min?: number; max?: number };
          /** Resizes: how much the estimated monthly cost grows, USD. */
          costGrowth?: { min?: number; max?: number };
        };
        outcome: 'auto-approve' | 'require-approval' | 'deny';
        /** Plain words shown with the decision (to the requester when denied). */
        description?: string;
        /** require-approval: group or user refs; `owner` is the entity's owning group. */
        approvers?: string[];
        /** require-approval: any approver (default) or all of them. */
        mode?: 'any' | 'all';
        /** require-approval: distinct people who must approve; default 1. */
        minApprovals?: number;
      }>;
      /** When no rule matches; default auto-approve. */
      default?: {
        outcome: 'auto-approve' | 'require-approval' | 'deny';
        description?: string;
        approvers?: string[];
        mode?: 'any' | 'all';
        minApprovals?: number;
      };
      /**
       * How long a request waits for approval before it expires; default 7
       * days. Approvers are reminded once at half-time.
       */
      pendingTimeout?: HumanDuration | string;
      /**
       * Who approves what the backend finds needs a person outside the
       * rules (an existing volume not offered to the entity's owners).
       */
      platformApprovers?: string[];
    };

    /**
     * List prices (USD per month) for the cost estimate, merged over the
     * built-in us-east-1 prices: set only what differs, e.g.
     * `ebs.gp3.perGiBMonth`, `efs.standardPerGiBMonth`,
     * `fsxLustre['PERSISTENT_2/SSD/250']`.
     */
    prices?: {
      region?: string;
      /** When the prices were read from the AWS price list, YYYY-MM-DD. */
      effectiveDate?: string;
      ebs?: {
        [volumeType: string]: {
          perGiBMonth?: number;
          perIopsMonth?: number;
          perMiBpsMonth?: number;
          iopsTiers?: Array<{ upTo: number | null; perIopsMonth: number }>;
        };
      };
      efs?: { standardPerGiBMonth?: number };
      fsxLustre?: { [deployment: string]: number };
      s3?: { standardPerGiBMonth?: number };
      ontap?: { ssdPerGiBMonth?: number };
    };

    /**
     * How long history is kept. Retention runs on Backstage's scheduler,
     * once across replicas. `false` keeps that part forever.
     */
    retention?: {
      /** The observed state changes of claims. */
      claimTransitions?: {
        /** Default 90 days; a claim's latest state is always kept. */
        maxAge?: HumanDuration | string | false;
        /** Newest transitions kept per claim; default 200. */
        maxPerClaim?: number | false;
      };
      /** Finished requests (applied, rejected, failed, cancelled) and the history of all. */
      requests?: {
        /** Default 365 days since the request last changed. */
        maxAge?: HumanDuration | string | false;
        /** Newest history entries kept per request; default 100. */
        maxHistoryPerRequest?: number | false;
      };
      /** When retention runs; default every 6 hours. */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };

    /** The platform console: its rules, and its scheduled tasks. */
    fleet?: {
      /** When the kubelets' volume stats are read; default every 10 minutes. */
      collection?: SchedulerServiceTaskScheduleDefinitionConfig;
      /** How long usage readings, daily costs and finished clean-ups are kept; default 90 days. */
      maxAge?: HumanDuration | string;
      /** When snapshot schedules and clean-ups (expiry) run; default every 5 minutes. */
      housekeeping?: SchedulerServiceTaskScheduleDefinitionConfig;
      compliance?: {
        ebs?: {
          /** EBS classes and volumes must set encrypted: "true" (default true). */
          requireEncryption?: boolean;
          /** …and name a customer managed KMS key (default false). */
          requireKmsKey?: boolean;
          /** The only KMS key ARNs allowed, when set. */
          allowedKmsKeys?: string[];
          /** The accounts encrypt new EBS volumes by default (default false). */
          encryptedByDefault?: boolean;
        };
        efs?: {
          /** EFS mounts must be encrypted in transit (default true). */
          requireTls?: boolean;
        };
      };
      waste?: {
        /** A Bound claim no pod mounted for this many days is unused (default 14). */
        unusedClaimDays?: number;
      };
      usage?: {
        /** Suggest a resize above this share in use (default 0.8). */
        resizeAbove?: number;
        /** Suggest shrinking below this share… (default 0.2) */
        shrinkBelow?: number;
        /** …for this many days (default 7). */
        shrinkAfterDays?: number;
        /** A resize grows to put usage back at this share (default 0.6). */
        targetUsage?: number;
      };
      backups?: {
        /** Production claims need a ready snapshot newer than this many days (default 1). */
        maxAgeDays?: number;
        /** Entity lifecycles held to the backup rule (default [production]). */
        productionLifecycles?: string[];
      };
      expiry?: {
        /** Warn the owners this many hours before a claim expires (default 24). */
        warnBeforeHours?: number;
      };
    };

    /** The claim tracker that follows the clusters. */
    tracker?: {
      /**
       * How often the claims whose diagnosis can change with time alone
       * (provisioning, resizing, failed) are diagnosed again without an
       * event, so diagnoses that depend on elapsed time stay current.
       * Default 1 minute.
       */
      resyncInterval?: HumanDuration | string;
    };
  };
}
