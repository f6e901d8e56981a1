// Generated from plugins/storage-backend/src/schema/openapi.yaml by
// `yarn generate:openapi`: do not edit. A test fails when it is stale.

import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';

export const spec = {
  openapi: '3.0.3',
  info: {
    title: 'storage',
    version: '1',
    description:
      "Self-service Kubernetes storage on EKS: the storage backend's API.\n\nThis document is the contract. The backend's router is built from it\nand validates every request body, path parameter and query against it\nbefore a handler runs; the TypeScript types of the router, of\n`StorageClient` and of the frontend are generated from it\n(`yarn workspace @eks-storage/backstage-plugin-storage-backend generate:openapi`).\n\nEvery route needs a Backstage token (`Authorization: Bearer …`). Errors\nuse Backstage's `ErrorResponseBody`; validation failures add `findings`\nnaming each field and its fix. Answers that a page keeps live carry\n`signalChannel`: the opaque signals channel on which the backend nudges\n(`{type: changed}`) when what the answer shows changes.\n",
    license: {
      name: 'Apache-2.0',
    },
  },
  servers: [
    {
      url: '/',
    },
  ],
  security: [
    {
      bearer: [],
    },
  ],
  paths: {
    '/health': {
      get: {
        operationId: 'getHealth',
        summary: 'Readiness of the plugin and its cluster watches.',
        responses: {
          '200': {
            description: 'The database answers.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['status', 'clusters'],
                  properties: {
                    status: {
                      type: 'string',
                      enum: ['ok'],
                    },
                    clusters: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/ClusterStatus',
                      },
                    },
                  },
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '503': {
            description: 'The database is unreachable.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['status', 'message'],
                  properties: {
                    status: {
                      type: 'string',
                      enum: ['unavailable'],
                    },
                    message: {
                      type: 'string',
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
    '/clusters': {
      get: {
        operationId: 'getClusters',
        summary:
          'The configured clusters and whether their informers are synced.',
        responses: {
          '200': {
            description: 'Clusters.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/ClusterStatus',
                      },
                    },
                  },
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
        },
      },
    },
    '/offerings': {
      get: {
        operationId: 'getOfferings',
        summary:
          'What the platform offers, where each class exists, and the cost of the default size.',
        responses: {
          '200': {
            description: 'Offerings.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/OfferingListItem',
                      },
                    },
                  },
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
        },
      },
    },
    '/requests/validate': {
      post: {
        operationId: 'validateRequest',
        summary:
          'Validates a request without storing it; includes the server-side dry run, the cost and whether the platform team must approve.',
        requestBody: {
          $ref: '#/components/requestBodies/StorageRequest',
        },
        responses: {
          '200': {
            description:
              'Findings (errors, warnings, information), manifests, dry run, cost.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ValidationResponse',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
          '429': {
            $ref: '#/components/responses/TooManyRequests',
          },
        },
      },
    },
    '/requests': {
      post: {
        operationId: 'submitRequest',
        summary:
          'Submits a request; policy approves it or queues it. Idempotent by `requestId` for the same requester, entity and request.',
        requestBody: {
          $ref: '#/components/requestBodies/StorageRequest',
        },
        responses: {
          '201': {
            description: 'Stored.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/SubmitResponse',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/Invalid',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
          '409': {
            $ref: '#/components/responses/Conflict',
          },
          '429': {
            $ref: '#/components/responses/TooManyRequests',
          },
        },
      },
      get: {
        operationId: 'listRequests',
        summary:
          'Requests of an entity; without `entityRef`, every request (approvers only).',
        parameters: [
          {
            name: 'entityRef',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'string',
              maxLength: 512,
            },
            example: 'component:default/payments-api',
          },
          {
            name: 'status',
            in: 'query',
            allowReserved: true,
            description: 'Comma-separated statuses.',
            schema: {
              type: 'string',
              maxLength: 512,
            },
            example: 'pending-approval,approved',
          },
        ],
        responses: {
          '200': {
            description: 'Requests, newest first.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/StoredStorageRequest',
                      },
                    },
                  },
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
        },
      },
    },
    '/requests/{id}': {
      get: {
        operationId: 'getRequest',
        summary: 'A request and its status history.',
        parameters: [
          {
            name: 'id',
            in: 'path',
            required: true,
            schema: {
              type: 'string',
              maxLength: 512,
            },
          },
        ],
        responses: {
          '200': {
            description: 'The request.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RequestDetailResponse',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
        },
      },
    },
    '/requests/{id}/approve': {
      post: {
        operationId: 'approveRequest',
        summary:
          'Approves a pending request, as one of its approvers (never its requester).',
        parameters: [
          {
            $ref: '#/components/parameters/requestId',
          },
        ],
        requestBody: {
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/DecisionInput',
              },
            },
          },
        },
        responses: {
          '200': {
            $ref: '#/components/responses/Decided',
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
          '409': {
            $ref: '#/components/responses/Conflict',
          },
        },
      },
    },
    '/requests/{id}/reject': {
      post: {
        operationId: 'rejectRequest',
        summary:
          'Rejects a pending request with a comment the requester reads.',
        parameters: [
          {
            $ref: '#/components/parameters/requestId',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/RejectInput',
              },
            },
          },
        },
        responses: {
          '200': {
            $ref: '#/components/responses/Decided',
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
          '409': {
            $ref: '#/components/responses/Conflict',
          },
        },
      },
    },
    '/requests/{id}/cancel': {
      post: {
        operationId: 'cancelRequest',
        summary: 'Cancels a pending request, as its requester.',
        parameters: [
          {
            $ref: '#/components/parameters/requestId',
          },
        ],
        requestBody: {
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/DecisionInput',
              },
            },
          },
        },
        responses: {
          '200': {
            $ref: '#/components/responses/Decided',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
          '409': {
            $ref: '#/components/responses/Conflict',
          },
        },
      },
    },
    '/approvals': {
      get: {
        operationId: 'listApprovals',
        summary:
          'The approval queue: for approvers, the pending requests they may decide (view=pending) or the decided ones (view=history); for everyone else, their own pending requests.',
        parameters: [
          {
            name: 'view',
            in: 'query',
            schema: {
              type: 'string',
              enum: ['pending', 'history'],
            },
          },
          {
            name: 'status',
            in: 'query',
            description: 'History only; comma-separated statuses.',
            allowReserved: true,
            schema: {
              type: 'string',
              maxLength: 256,
            },
          },
          {
            name: 'team',
            in: 'query',
            description: "The owning group of the requests' entities.",
            allowReserved: true,
            schema: {
              type: 'string',
              maxLength: 512,
            },
          },
          {
            name: 'cluster',
            in: 'query',
            schema: {
              type: 'string',
              maxLength: 253,
            },
          },
          {
            name: 'since',
            in: 'query',
            description:
              'History only; decided on or after this date (ISO 8601).',
            allowReserved: true,
            schema: {
              type: 'string',
              maxLength: 64,
            },
          },
        ],
        responses: {
          '200': {
            description: 'The queue.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ApprovalsResponse',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
        },
      },
    },
    '/claims': {
      get: {
        operationId: 'listClaims',
        summary:
          'The claims of an entity across clusters (matched like the Kubernetes plugin), with diagnosis and cost, and its requests still on their way.',
        parameters: [
          {
            name: 'entityRef',
            in: 'query',
            required: true,
            allowReserved: true,
            schema: {
              type: 'string',
              maxLength: 512,
            },
          },
        ],
        responses: {
          '200': {
            description: "The entity's claims.",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ClaimsResponse',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
        },
      },
    },
    '/claims/{cluster}/{namespace}/{name}': {
      get: {
        operationId: 'getClaim',
        summary:
          'One claim — diagnosis, volume, consumers, snapshots, events, transitions, manifest, cost, requests.',
        parameters: [
          {
            $ref: '#/components/parameters/cluster',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        responses: {
          '200': {
            description: 'The claim.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ClaimDetailResponse',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
        },
      },
    },
    '/claims/{cluster}/{namespace}/{name}/resize': {
      post: {
        operationId: 'resizeClaim',
        summary: 'Requests a larger size.',
        parameters: [
          {
            $ref: '#/components/parameters/cluster',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/ResizeInput',
              },
            },
          },
        },
        responses: {
          '202': {
            $ref: '#/components/responses/Submitted',
          },
          '400': {
            $ref: '#/components/responses/Invalid',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
          '409': {
            $ref: '#/components/responses/Conflict',
          },
          '429': {
            $ref: '#/components/responses/TooManyRequests',
          },
        },
      },
    },
    '/claims/{cluster}/{namespace}/{name}/snapshot': {
      post: {
        operationId: 'snapshotClaim',
        summary: 'Requests a VolumeSnapshot of the claim.',
        parameters: [
          {
            $ref: '#/components/parameters/cluster',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        requestBody: {
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/SnapshotInput',
              },
            },
          },
        },
        responses: {
          '202': {
            $ref: '#/components/responses/Submitted',
          },
          '400': {
            $ref: '#/components/responses/Invalid',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
          '409': {
            $ref: '#/components/responses/Conflict',
          },
          '429': {
            $ref: '#/components/responses/TooManyRequests',
          },
        },
      },
    },
    '/claims/{cluster}/{namespace}/{name}/restore': {
      post: {
        operationId: 'restoreClaim',
        summary: 'Requests a new claim restored from a snapshot of this one.',
        parameters: [
          {
            $ref: '#/components/parameters/cluster',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/RestoreInput',
              },
            },
          },
        },
        responses: {
          '202': {
            $ref: '#/components/responses/Submitted',
          },
          '400': {
            $ref: '#/components/responses/Invalid',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
          '409': {
            $ref: '#/components/responses/Conflict',
          },
          '429': {
            $ref: '#/components/responses/TooManyRequests',
          },
        },
      },
    },
    '/claims/{cluster}/{namespace}/{name}/delete': {
      post: {
        operationId: 'deleteClaim',
        summary:
          "Requests deletion; the claim's name must be repeated. The answer states what happens to the data.",
        parameters: [
          {
            $ref: '#/components/parameters/cluster',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/DeleteInput',
              },
            },
          },
        },
        responses: {
          '202': {
            $ref: '#/components/responses/Submitted',
          },
          '400': {
            $ref: '#/components/responses/Invalid',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
          '409': {
            $ref: '#/components/responses/Conflict',
          },
          '429': {
            $ref: '#/components/responses/TooManyRequests',
          },
        },
      },
    },
  },
  components: {
    securitySchemes: {
      bearer: {
        type: 'http',
        scheme: 'bearer',
      },
    },
    parameters: {
      cluster: {
        name: 'cluster',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          maxLength: 253,
        },
        example: 'eks-dev',
      },
      namespace: {
        name: 'namespace',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          maxLength: 253,
        },
        example: 'payments',
      },
      name: {
        name: 'name',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          maxLength: 253,
        },
        example: 'data-payments-db-0',
      },
      requestId: {
        name: 'id',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          maxLength: 512,
        },
      },
    },
    requestBodies: {
      StorageRequest: {
        required: true,
        description:
          "A storage request (storage-common's `storageRequestSchema`), discriminated by `operation`. Types and lengths are checked here; what the values mean (names, sizes, offerings, sources) is checked by the validator, which answers with findings.",
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/StorageRequestInput',
            },
          },
        },
      },
    },
    schemas: {
      StorageRequestInput: {
        type: 'object',
        additionalProperties: false,
        required: [
          'operation',
          'entityRef',
          'cluster',
          'namespace',
          'claimName',
        ],
        properties: {
          operation: {
            type: 'string',
            maxLength: 16,
            description: 'create, restore, resize, snapshot or delete.',
          },
          requestId: {
            type: 'string',
            minLength: 1,
            maxLength: 63,
            description: 'Idempotency key of the requester and entity.',
          },
          entityRef: {
            type: 'string',
            maxLength: 512,
            example: 'component:default/payments-api',
          },
          kubernetesId: {
            type: 'string',
            maxLength: 63,
            description: 'Ignored; the backend sets it from the entity.',
          },
          cluster: {
            type: 'string',
            maxLength: 253,
            example: 'eks-dev',
          },
          namespace: {
            type: 'string',
            maxLength: 253,
            example: 'payments',
          },
          claimName: {
            type: 'string',
            maxLength: 253,
            example: 'ledger-data',
          },
          justification: {
            type: 'string',
            maxLength: 2000,
          },
          offering: {
            type: 'string',
            maxLength: 63,
            example: 'ebs-gp3',
          },
          size: {
            type: 'string',
            maxLength: 32,
            example: '20Gi',
          },
          accessMode: {
            type: 'string',
            maxLength: 32,
            example: 'ReadWriteOnce',
          },
          volumeMode: {
            type: 'string',
            maxLength: 32,
            example: 'Filesystem',
          },
          workload: {
            type: 'string',
            maxLength: 32,
            example: 'database',
          },
          expiresAt: {
            type: 'string',
            maxLength: 64,
            description:
              'ISO 8601 date-time after which the claim may be cleaned up.',
          },
          source: {
            $ref: '#/components/schemas/VolumeSourceInput',
          },
          snapshotName: {
            type: 'string',
            maxLength: 253,
          },
          volumeSnapshotClassName: {
            type: 'string',
            maxLength: 253,
          },
          confirm: {
            type: 'string',
            maxLength: 253,
            description: "Deletes: the claim's name again.",
          },
        },
      },
      VolumeSourceInput: {
        type: 'object',
        additionalProperties: false,
        required: ['type'],
        description: "Where a new claim's data comes from.",
        properties: {
          type: {
            type: 'string',
            maxLength: 16,
            description: 'new, snapshot, clone or existing.',
          },
          snapshotName: {
            type: 'string',
            maxLength: 253,
          },
          claimName: {
            type: 'string',
            maxLength: 253,
          },
          volumeId: {
            type: 'string',
            maxLength: 255,
          },
          zone: {
            type: 'string',
            maxLength: 32,
          },
          dnsName: {
            type: 'string',
            maxLength: 253,
          },
          mountName: {
            type: 'string',
            maxLength: 64,
          },
          mountOptions: {
            type: 'array',
            maxItems: 16,
            items: {
              type: 'string',
              maxLength: 128,
            },
          },
        },
      },
      ResizeInput: {
        type: 'object',
        additionalProperties: false,
        required: ['size'],
        properties: {
          size: {
            type: 'string',
            maxLength: 32,
            example: '40Gi',
          },
          requestId: {
            type: 'string',
            minLength: 1,
            maxLength: 63,
          },
          justification: {
            type: 'string',
            maxLength: 2000,
          },
        },
      },
      SnapshotInput: {
        type: 'object',
        additionalProperties: false,
        properties: {
          snapshotName: {
            type: 'string',
            maxLength: 253,
            description: 'Defaults to <claim>-<UTC timestamp>.',
          },
          volumeSnapshotClassName: {
            type: 'string',
            maxLength: 253,
          },
          requestId: {
            type: 'string',
            minLength: 1,
            maxLength: 63,
          },
          justification: {
            type: 'string',
            maxLength: 2000,
          },
        },
      },
      RestoreInput: {
        type: 'object',
        additionalProperties: false,
        required: ['snapshotName', 'claimName'],
        properties: {
          snapshotName: {
            type: 'string',
            maxLength: 253,
          },
          claimName: {
            type: 'string',
            maxLength: 253,
            description: 'Name of the new claim.',
          },
          size: {
            type: 'string',
            maxLength: 32,
          },
          offering: {
            type: 'string',
            maxLength: 63,
          },
          accessMode: {
            type: 'string',
            maxLength: 32,
          },
          requestId: {
            type: 'string',
            minLength: 1,
            maxLength: 63,
          },
          justification: {
            type: 'string',
            maxLength: 2000,
          },
        },
      },
      DeleteInput: {
        type: 'object',
        additionalProperties: false,
        properties: {
          confirm: {
            type: 'string',
            maxLength: 253,
            description: "The claim's name again.",
          },
          requestId: {
            type: 'string',
            minLength: 1,
            maxLength: 63,
          },
          justification: {
            type: 'string',
            maxLength: 2000,
          },
        },
      },
      KubernetesObject: {
        type: 'object',
        additionalProperties: true,
        description: 'A Kubernetes object as the API server serves it.',
        required: ['apiVersion', 'kind', 'metadata'],
        properties: {
          apiVersion: {
            type: 'string',
          },
          kind: {
            type: 'string',
          },
          metadata: {
            type: 'object',
            additionalProperties: true,
          },
        },
      },
      ClusterStatus: {
        type: 'object',
        required: ['name', 'synced', 'claims'],
        properties: {
          name: {
            type: 'string',
          },
          synced: {
            type: 'boolean',
            description:
              'Whether every informer of the cluster has listed and is connected.',
          },
          claims: {
            type: 'integer',
          },
        },
      },
      Finding: {
        type: 'object',
        required: ['severity', 'field', 'code', 'message', 'fix'],
        properties: {
          severity: {
            type: 'string',
            enum: ['error', 'warning', 'info'],
          },
          field: {
            type: 'string',
            description:
              'Path of the field at fault, e.g. `size` or `source.volumeId`.',
          },
          code: {
            type: 'string',
          },
          message: {
            type: 'string',
          },
          fix: {
            type: 'string',
          },
        },
      },
      CostLine: {
        type: 'object',
        required: [
          'item',
          'description',
          'quantity',
          'unit',
          'unitPriceUsd',
          'monthlyUsd',
        ],
        properties: {
          item: {
            type: 'string',
            enum: ['storage', 'iops', 'throughput'],
          },
          description: {
            type: 'string',
          },
          quantity: {
            type: 'number',
          },
          unit: {
            type: 'string',
          },
          unitPriceUsd: {
            type: 'number',
          },
          monthlyUsd: {
            type: 'number',
          },
        },
      },
      CostEstimate: {
        type: 'object',
        required: [
          'currency',
          'breakdown',
          'billedByUse',
          'region',
          'priceDate',
          'notes',
        ],
        properties: {
          currency: {
            type: 'string',
            enum: ['USD'],
          },
          totalMonthlyUsd: {
            type: 'number',
            description: 'Absent when the storage is billed by use (EFS, S3).',
          },
          breakdown: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/CostLine',
            },
          },
          usagePricePerGiBMonth: {
            type: 'number',
          },
          billedByUse: {
            type: 'boolean',
          },
          region: {
            type: 'string',
          },
          priceDate: {
            type: 'string',
          },
          notes: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
        },
      },
      Diagnosis: {
        type: 'object',
        required: ['state', 'severity', 'headline', 'explanation', 'fix'],
        properties: {
          state: {
            type: 'string',
            enum: [
              'provisioning',
              'waiting-for-consumer',
              'bound',
              'resizing',
              'resize-pending-restart',
              'failed',
              'lost',
              'terminating',
              'released',
            ],
          },
          severity: {
            type: 'string',
            enum: ['ok', 'info', 'warning', 'error'],
          },
          headline: {
            type: 'string',
          },
          explanation: {
            type: 'string',
          },
          fix: {
            type: 'string',
          },
          since: {
            type: 'string',
          },
        },
      },
      ClaimSummary: {
        type: 'object',
        required: [
          'cluster',
          'namespace',
          'name',
          'labels',
          'accessModes',
          'diagnosis',
        ],
        properties: {
          cluster: {
            type: 'string',
          },
          namespace: {
            type: 'string',
          },
          name: {
            type: 'string',
          },
          uid: {
            type: 'string',
          },
          labels: {
            type: 'object',
            additionalProperties: {
              type: 'string',
            },
          },
          entityRef: {
            type: 'string',
            description: 'The entity named on claims this plugin made.',
          },
          requestId: {
            type: 'string',
          },
          offeringId: {
            type: 'string',
          },
          storageClassName: {
            type: 'string',
          },
          provisioner: {
            type: 'string',
          },
          driver: {
            $ref: '#/components/schemas/DriverId',
          },
          accessModes: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          volumeMode: {
            type: 'string',
          },
          requested: {
            type: 'string',
            description: 'spec.resources.requests.storage',
          },
          capacity: {
            type: 'string',
            description: 'status.capacity.storage: what the volume really has.',
          },
          volumeName: {
            type: 'string',
          },
          phase: {
            type: 'string',
          },
          createdAt: {
            type: 'string',
          },
          diagnosis: {
            $ref: '#/components/schemas/Diagnosis',
          },
        },
      },
      ClaimVolume: {
        type: 'object',
        required: ['name'],
        properties: {
          name: {
            type: 'string',
          },
          driver: {
            type: 'string',
          },
          volumeHandle: {
            type: 'string',
          },
          zone: {
            type: 'string',
          },
          reclaimPolicy: {
            type: 'string',
          },
          encrypted: {
            type: 'boolean',
          },
          capacity: {
            type: 'string',
          },
          phase: {
            type: 'string',
          },
        },
      },
      ClaimConsumer: {
        type: 'object',
        required: ['pod'],
        properties: {
          pod: {
            type: 'string',
          },
          phase: {
            type: 'string',
          },
          node: {
            type: 'string',
          },
          zone: {
            type: 'string',
          },
        },
      },
      ClaimSnapshot: {
        type: 'object',
        required: ['name', 'readyToUse'],
        properties: {
          name: {
            type: 'string',
          },
          readyToUse: {
            type: 'boolean',
          },
          restoreSize: {
            type: 'string',
          },
          createdAt: {
            type: 'string',
          },
          error: {
            type: 'string',
          },
        },
      },
      ClaimEvent: {
        type: 'object',
        required: ['object'],
        properties: {
          type: {
            type: 'string',
          },
          reason: {
            type: 'string',
          },
          message: {
            type: 'string',
          },
          count: {
            type: 'number',
          },
          firstSeen: {
            type: 'string',
          },
          lastSeen: {
            type: 'string',
          },
          source: {
            type: 'string',
          },
          object: {
            type: 'string',
            description: 'Kind/name of the object the event is about.',
          },
        },
      },
      ClaimDetail: {
        allOf: [
          {
            $ref: '#/components/schemas/ClaimSummary',
          },
          {
            type: 'object',
            required: ['consumers', 'snapshots', 'events', 'manifest'],
            properties: {
              volume: {
                $ref: '#/components/schemas/ClaimVolume',
              },
              consumers: {
                type: 'array',
                items: {
                  $ref: '#/components/schemas/ClaimConsumer',
                },
              },
              snapshots: {
                type: 'array',
                items: {
                  $ref: '#/components/schemas/ClaimSnapshot',
                },
              },
              events: {
                type: 'array',
                items: {
                  $ref: '#/components/schemas/ClaimEvent',
                },
              },
              manifest: {
                $ref: '#/components/schemas/KubernetesObject',
              },
            },
          },
        ],
      },
      ClaimTransition: {
        type: 'object',
        required: [
          'cluster',
          'namespace',
          'name',
          'toState',
          'severity',
          'headline',
          'observedAt',
        ],
        properties: {
          cluster: {
            type: 'string',
          },
          namespace: {
            type: 'string',
          },
          name: {
            type: 'string',
          },
          uid: {
            type: 'string',
          },
          entityRef: {
            type: 'string',
          },
          requestId: {
            type: 'string',
          },
          fromState: {
            type: 'string',
          },
          toState: {
            type: 'string',
            description: 'A diagnosis state, or `deleted`.',
          },
          severity: {
            type: 'string',
          },
          headline: {
            type: 'string',
          },
          observedAt: {
            type: 'string',
          },
        },
      },
      RequestStatus: {
        type: 'string',
        enum: [
          'submitted',
          'pending-approval',
          'approved',
          'rejected',
          'applying',
          'applied',
          'failed',
          'cancelled',
        ],
      },
      RequestOperation: {
        type: 'string',
        enum: ['create', 'restore', 'resize', 'snapshot', 'delete'],
      },
      DriverId: {
        type: 'string',
        enum: ['ebs', 'efs', 'fsx-lustre', 's3', 'ontap'],
      },
      StoredStorageRequest: {
        type: 'object',
        required: [
          'id',
          'operation',
          'entityRef',
          'cluster',
          'namespace',
          'claimName',
          'spec',
          'manifests',
          'status',
          'requestedBy',
          'attempts',
          'createdAt',
          'updatedAt',
        ],
        properties: {
          id: {
            type: 'string',
          },
          operation: {
            $ref: '#/components/schemas/RequestOperation',
          },
          entityRef: {
            type: 'string',
          },
          cluster: {
            type: 'string',
          },
          namespace: {
            type: 'string',
          },
          claimName: {
            type: 'string',
          },
          offeringId: {
            type: 'string',
          },
          spec: {
            description: 'The request as submitted (a StorageRequest).',
          },
          manifests: {
            type: 'array',
            items: {},
          },
          status: {
            $ref: '#/components/schemas/RequestStatus',
          },
          requestedBy: {
            type: 'string',
          },
          decidedBy: {
            type: 'string',
          },
          decisionReason: {
            type: 'string',
          },
          lastError: {
            type: 'string',
          },
          attempts: {
            type: 'integer',
          },
          nextAttemptAt: {
            type: 'string',
          },
          createdAt: {
            type: 'string',
          },
          updatedAt: {
            type: 'string',
          },
        },
      },
      RequestHistoryEntry: {
        type: 'object',
        required: ['toStatus', 'actor', 'at'],
        properties: {
          fromStatus: {
            $ref: '#/components/schemas/RequestStatus',
          },
          toStatus: {
            $ref: '#/components/schemas/RequestStatus',
          },
          reason: {
            type: 'string',
          },
          actor: {
            type: 'string',
          },
          at: {
            type: 'string',
          },
        },
      },
      OfferingCapabilities: {
        type: 'object',
        required: [
          'dynamic',
          'expansion',
          'snapshots',
          'clones',
          'capacityUsed',
        ],
        properties: {
          dynamic: {
            type: 'boolean',
          },
          expansion: {
            type: 'boolean',
          },
          snapshots: {
            type: 'boolean',
          },
          clones: {
            type: 'boolean',
          },
          capacityUsed: {
            type: 'boolean',
          },
        },
      },
      OfferedVolume: {
        type: 'object',
        required: ['id', 'owners'],
        properties: {
          id: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          owners: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
        },
      },
      StorageOffering: {
        type: 'object',
        description:
          'An offering as the platform team publishes it under `storage.offerings`.',
        required: [
          'id',
          'title',
          'description',
          'driver',
          'storageClassName',
          'parameters',
          'accessModes',
          'volumeModes',
          'size',
          'recommendedFor',
          'allowVolumeExpansion',
          'labels',
          'annotations',
          'existingVolumes',
          'mountOptions',
        ],
        properties: {
          id: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          description: {
            type: 'string',
          },
          driver: {
            $ref: '#/components/schemas/DriverId',
          },
          storageClassName: {
            type: 'string',
          },
          parameters: {
            type: 'object',
            additionalProperties: {
              type: 'string',
            },
          },
          accessModes: {
            type: 'array',
            items: {
              type: 'string',
              enum: [
                'ReadWriteOnce',
                'ReadOnlyMany',
                'ReadWriteMany',
                'ReadWriteOncePod',
              ],
            },
          },
          volumeModes: {
            type: 'array',
            items: {
              type: 'string',
              enum: ['Filesystem', 'Block'],
            },
          },
          size: {
            type: 'object',
            required: ['default'],
            properties: {
              min: {
                type: 'string',
              },
              max: {
                type: 'string',
              },
              default: {
                type: 'string',
              },
            },
          },
          recommendedFor: {
            type: 'array',
            items: {
              type: 'string',
              enum: [
                'database',
                'message-broker',
                'ci-workspace',
                'shared-files',
                'ml-scratch',
                'logs-backup',
              ],
            },
          },
          allowVolumeExpansion: {
            type: 'boolean',
          },
          labels: {
            type: 'object',
            additionalProperties: {
              type: 'string',
            },
          },
          annotations: {
            type: 'object',
            additionalProperties: {
              type: 'string',
            },
          },
          existingVolumes: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/OfferedVolume',
            },
          },
          mountOptions: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
        },
      },
      OfferingListItem: {
        allOf: [
          {
            $ref: '#/components/schemas/StorageOffering',
          },
          {
            type: 'object',
            required: ['capabilities', 'clusters'],
            properties: {
              capabilities: {
                $ref: '#/components/schemas/OfferingCapabilities',
              },
              clusters: {
                type: 'array',
                description: "Clusters that have the offering's StorageClass.",
                items: {
                  type: 'string',
                },
              },
              defaultCost: {
                $ref: '#/components/schemas/CostEstimate',
              },
            },
          },
        ],
      },
      Approval: {
        type: 'object',
        description:
          'Set when the platform team must approve the request, and why.',
        required: ['required', 'reason'],
        properties: {
          required: {
            type: 'boolean',
            enum: [true],
          },
          reason: {
            type: 'string',
          },
        },
      },
      DecisionInput: {
        type: 'object',
        additionalProperties: false,
        properties: {
          comment: {
            type: 'string',
            maxLength: 2000,
          },
        },
      },
      RejectInput: {
        type: 'object',
        additionalProperties: false,
        required: ['comment'],
        properties: {
          comment: {
            type: 'string',
            minLength: 1,
            maxLength: 2000,
          },
        },
      },
      PolicyDecision: {
        type: 'object',
        description:
          'What policy decided (or would decide) for a request, naming the rule that fired.',
        required: ['outcome', 'reason'],
        properties: {
          outcome: {
            type: 'string',
            enum: ['auto-approve', 'require-approval', 'deny'],
          },
          rule: {
            type: 'string',
          },
          reason: {
            type: 'string',
          },
          approvers: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          mode: {
            type: 'string',
            enum: ['any', 'all'],
          },
          minApprovals: {
            type: 'integer',
          },
        },
      },
      ApprovalRequirement: {
        type: 'object',
        required: [
          'reason',
          'approvers',
          'mode',
          'minApprovals',
          'expiresAt',
          'remindAt',
        ],
        properties: {
          rule: {
            type: 'string',
          },
          reason: {
            type: 'string',
          },
          approvers: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          mode: {
            type: 'string',
            enum: ['any', 'all'],
          },
          minApprovals: {
            type: 'integer',
          },
          expiresAt: {
            type: 'string',
          },
          remindAt: {
            type: 'string',
          },
          remindedAt: {
            type: 'string',
          },
        },
      },
      ApprovalVote: {
        type: 'object',
        required: ['approver', 'onBehalfOf', 'decision', 'at'],
        properties: {
          approver: {
            type: 'string',
          },
          onBehalfOf: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          decision: {
            type: 'string',
            enum: ['approve', 'reject'],
          },
          comment: {
            type: 'string',
          },
          at: {
            type: 'string',
          },
        },
      },
      ApprovalState: {
        type: 'object',
        required: ['votes'],
        properties: {
          requirement: {
            $ref: '#/components/schemas/ApprovalRequirement',
          },
          votes: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ApprovalVote',
            },
          },
        },
      },
      ActionAvailability: {
        type: 'object',
        description: 'Whether the caller may take an action, and if not, why.',
        required: ['allowed'],
        properties: {
          allowed: {
            type: 'boolean',
          },
          reason: {
            type: 'string',
          },
        },
      },
      RequestActions: {
        type: 'object',
        required: ['approve', 'reject', 'cancel'],
        properties: {
          approve: {
            $ref: '#/components/schemas/ActionAvailability',
          },
          reject: {
            $ref: '#/components/schemas/ActionAvailability',
          },
          cancel: {
            $ref: '#/components/schemas/ActionAvailability',
          },
        },
      },
      ApprovalItem: {
        type: 'object',
        description:
          'A request in the approval queue, with what an approver needs to decide it.',
        required: ['request', 'approval', 'actions', 'findings'],
        properties: {
          request: {
            $ref: '#/components/schemas/StoredStorageRequest',
          },
          approval: {
            $ref: '#/components/schemas/ApprovalState',
          },
          actions: {
            $ref: '#/components/schemas/RequestActions',
          },
          entityOwner: {
            type: 'string',
            description: "The owning group of the request's entity.",
          },
          previousSize: {
            type: 'string',
            description: "Resizes, the claim's size before.",
          },
          cost: {
            $ref: '#/components/schemas/CostEstimate',
          },
          previousCost: {
            $ref: '#/components/schemas/CostEstimate',
          },
          findings: {
            type: 'array',
            description: "The validator's warnings and remarks on the request.",
            items: {
              $ref: '#/components/schemas/Finding',
            },
          },
        },
      },
      ApprovalsResponse: {
        type: 'object',
        required: ['items', 'approver'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ApprovalItem',
            },
          },
          approver: {
            type: 'boolean',
            description:
              'Whether the caller may approve storage requests; if not, the items are their own pending requests.',
          },
          signalChannel: {
            type: 'string',
            description: 'The channel nudged when the queue changes.',
          },
        },
      },
      ValidationResponse: {
        type: 'object',
        required: ['findings', 'manifests', 'manifestsYaml'],
        properties: {
          findings: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/Finding',
            },
          },
          manifests: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/KubernetesObject',
            },
          },
          manifestsYaml: {
            type: 'string',
          },
          dryRun: {
            type: 'object',
            description: "The cluster's own verdict (server-side dry run).",
            required: ['ok'],
            properties: {
              ok: {
                type: 'boolean',
              },
              message: {
                type: 'string',
              },
            },
          },
          cost: {
            $ref: '#/components/schemas/CostEstimate',
          },
          offering: {
            type: 'string',
          },
          consequence: {
            type: 'string',
            description:
              'For deletes, what happens to the volume and its data.',
          },
          approval: {
            $ref: '#/components/schemas/Approval',
          },
          decision: {
            $ref: '#/components/schemas/PolicyDecision',
          },
        },
      },
      SubmitResponse: {
        allOf: [
          {
            $ref: '#/components/schemas/ValidationResponse',
          },
          {
            type: 'object',
            required: ['request'],
            properties: {
              request: {
                $ref: '#/components/schemas/StoredStorageRequest',
              },
            },
          },
        ],
      },
      ClaimListItem: {
        allOf: [
          {
            $ref: '#/components/schemas/ClaimSummary',
          },
          {
            type: 'object',
            properties: {
              cost: {
                $ref: '#/components/schemas/CostEstimate',
              },
            },
          },
        ],
      },
      ClaimsResponse: {
        type: 'object',
        required: ['items', 'requests', 'clusters'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ClaimListItem',
            },
          },
          requests: {
            type: 'array',
            description:
              'Requests of the entity still on their way (or stopped).',
            items: {
              $ref: '#/components/schemas/StoredStorageRequest',
            },
          },
          clusters: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ClusterStatus',
            },
          },
          selector: {
            type: 'string',
            description: 'The label selector claims were matched with.',
          },
          signalChannel: {
            type: 'string',
            description:
              'The opaque signals channel nudged when any of this changes.',
          },
        },
      },
      ClaimDetailResponse: {
        allOf: [
          {
            $ref: '#/components/schemas/ClaimDetail',
          },
          {
            type: 'object',
            required: ['manifestYaml', 'transitions', 'requests'],
            properties: {
              manifestYaml: {
                type: 'string',
              },
              offering: {
                type: 'string',
              },
              cost: {
                $ref: '#/components/schemas/CostEstimate',
              },
              transitions: {
                type: 'array',
                items: {
                  $ref: '#/components/schemas/ClaimTransition',
                },
              },
              requests: {
                type: 'array',
                items: {
                  $ref: '#/components/schemas/StoredStorageRequest',
                },
              },
              signalChannel: {
                type: 'string',
                description:
                  'The opaque signals channel nudged when the claim or its requests change.',
              },
            },
          },
        ],
      },
      RequestDetailResponse: {
        type: 'object',
        required: ['request', 'history'],
        properties: {
          request: {
            $ref: '#/components/schemas/StoredStorageRequest',
          },
          history: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/RequestHistoryEntry',
            },
          },
          approval: {
            $ref: '#/components/schemas/ApprovalState',
          },
          actions: {
            $ref: '#/components/schemas/RequestActions',
          },
          claim: {
            $ref: '#/components/schemas/ClaimSummary',
          },
          signalChannel: {
            type: 'string',
            description:
              'The opaque signals channel nudged when the request moves on.',
          },
        },
      },
      ErrorResponse: {
        type: 'object',
        description:
          "Backstage's ErrorResponseBody, with findings for validation failures.",
        required: ['error', 'request', 'response'],
        properties: {
          error: {
            type: 'object',
            required: ['name', 'message'],
            properties: {
              name: {
                type: 'string',
              },
              message: {
                type: 'string',
              },
            },
          },
          request: {
            type: 'object',
            required: ['method', 'url'],
            properties: {
              method: {
                type: 'string',
              },
              url: {
                type: 'string',
              },
            },
          },
          response: {
            type: 'object',
            required: ['statusCode'],
            properties: {
              statusCode: {
                type: 'integer',
              },
            },
          },
          findings: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/Finding',
            },
          },
        },
      },
    },
    responses: {
      Decided: {
        description: 'The request after the decision.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/RequestDetailResponse',
            },
          },
        },
      },
      Submitted: {
        description: 'The action was stored as a request.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/SubmitResponse',
            },
          },
        },
      },
      BadRequest: {
        description:
          'The input is malformed; the message names the field and the fix.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/ErrorResponse',
            },
          },
        },
      },
      Invalid: {
        description:
          'The request failed validation; nothing was stored. `findings` say why, field by field.',
        content: {
          'application/json': {
            schema: {
              allOf: [
                {
                  $ref: '#/components/schemas/ErrorResponse',
                },
                {
                  $ref: '#/components/schemas/ValidationResponse',
                },
              ],
            },
          },
        },
      },
      Unauthorized: {
        description: 'No valid Backstage token.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/ErrorResponse',
            },
          },
        },
      },
      Forbidden: {
        description:
          'The permission policy refuses; the message says whose permission is needed.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/ErrorResponse',
            },
          },
        },
      },
      NotFound: {
        description: 'The entity, claim or request does not exist.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/ErrorResponse',
            },
          },
        },
      },
      Conflict: {
        description: 'The requestId was already used for another request.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/ErrorResponse',
            },
          },
        },
      },
      TooManyRequests: {
        description:
          'Too many requests are being checked against clusters; retry after `Retry-After` seconds.',
        headers: {
          'Retry-After': {
            schema: {
              type: 'integer',
            },
          },
        },
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/ErrorResponse',
            },
          },
        },
      },
    },
  },
} as const;

/** A router that validates requests against the spec, typed by it. */
export const createOpenApiRouter = async (
  options?: Parameters<typeof createValidatedOpenApiRouter>['1'],
) => createValidatedOpenApiRouter<typeof spec>(spec, options);
