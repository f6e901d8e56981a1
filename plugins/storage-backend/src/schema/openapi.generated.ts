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
    '/fleet/overview': {
      get: {
        operationId: 'getFleetOverview',
        summary:
          "The platform console's overview: claims and capacity by cluster, driver and state; monthly cost by owner team, system and driver with its trend; how many findings each section has.",
        responses: {
          '200': {
            description: 'The overview.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/FleetOverviewResponse',
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
    '/fleet/claims': {
      get: {
        operationId: 'listFleetClaims',
        summary:
          'Every claim in every cluster, and every volume no claim holds, with owner (or the hints to find one), usage, cost and age. Filters combine with AND.',
        parameters: [
          {
            name: 'team',
            in: 'query',
            description:
              "The owning group of the claim's entity, e.g. group:default/team-payments.",
            allowReserved: true,
            schema: {
              type: 'string',
              maxLength: 512,
            },
          },
          {
            name: 'system',
            in: 'query',
            description:
              "The system of the claim's entity, e.g. system:default/online-shop.",
            allowReserved: true,
            schema: {
              type: 'string',
              maxLength: 512,
            },
          },
          {
            name: 'entity',
            in: 'query',
            description:
              "The claim's entity, e.g. component:default/payments-api.",
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
            name: 'namespace',
            in: 'query',
            schema: {
              type: 'string',
              maxLength: 253,
            },
          },
          {
            name: 'driver',
            in: 'query',
            schema: {
              type: 'string',
              maxLength: 32,
            },
            description: 'ebs, efs, fsx-lustre, s3 or ontap.',
          },
          {
            name: 'offering',
            in: 'query',
            schema: {
              type: 'string',
              maxLength: 63,
            },
          },
          {
            name: 'storageClass',
            in: 'query',
            schema: {
              type: 'string',
              maxLength: 253,
            },
          },
          {
            name: 'state',
            in: 'query',
            description:
              'A diagnosis state (bound, provisioning, waiting-for-consumer, resizing, resize-pending-restart, failed, lost, terminating, released) or, for volumes without a claim, available.',
            schema: {
              type: 'string',
              maxLength: 32,
            },
          },
          {
            name: 'owned',
            in: 'query',
            description:
              'true for claims a catalog entity claims, false for the rest (no backstage.io/kubernetes-id label, or one no entity has).',
            schema: {
              type: 'string',
              maxLength: 5,
            },
          },
          {
            name: 'minAgeDays',
            in: 'query',
            schema: {
              type: 'string',
              maxLength: 8,
            },
          },
          {
            name: 'maxAgeDays',
            in: 'query',
            schema: {
              type: 'string',
              maxLength: 8,
            },
          },
          {
            name: 'usageAbove',
            in: 'query',
            description:
              'Used share of capacity in percent (0–100), from the last sample.',
            schema: {
              type: 'string',
              maxLength: 8,
            },
          },
          {
            name: 'usageBelow',
            in: 'query',
            schema: {
              type: 'string',
              maxLength: 8,
            },
          },
          {
            name: 'limit',
            in: 'query',
            description: 'At most this many rows (default 500, at most 5000).',
            schema: {
              type: 'string',
              maxLength: 8,
            },
          },
          {
            name: 'offset',
            in: 'query',
            schema: {
              type: 'string',
              maxLength: 8,
            },
          },
        ],
        responses: {
          '200': {
            description: 'The claims, by cluster, namespace and name.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/FleetClaimsResponse',
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
    '/fleet/waste': {
      get: {
        operationId: 'listFleetWaste',
        summary:
          'What is paid for and not used: Released volumes kept by Retain, volumes no claim holds, snapshots whose source is gone, claims no pod used for days, claims provisioned far above use; each with its monthly cost and the actions that remove it.',
        responses: {
          '200': {
            description: 'Waste findings, costliest first.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/FleetFindingsResponse',
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
    '/fleet/classes': {
      get: {
        operationId: 'listFleetClasses',
        summary:
          'Class health, "will this bind?": every StorageClass of every cluster checked live (CSI driver installed, in-tree provisioners, default class, expansion, binding mode, parameter limits, encryption) and offerings pointing at missing classes.',
        responses: {
          '200': {
            description:
              'Classes with their findings, and cluster- and offering-level findings.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/FleetClassesResponse',
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
    '/fleet/compliance': {
      get: {
        operationId: 'listFleetCompliance',
        summary:
          'Compliance findings by the configured rule set (storage.fleet.compliance): unencrypted EBS classes and volumes, missing KMS keys, EFS without TLS; each names the fix.',
        responses: {
          '200': {
            description: 'Findings, and the rules that produced them.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/FleetComplianceResponse',
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
    '/fleet/usage': {
      get: {
        operationId: 'listFleetUsage',
        summary:
          "Used against capacity of every claim from the kubelets' volume stats (collected on a schedule), with resize and shrink suggestions and their monthly saving.",
        responses: {
          '200': {
            description: 'The last sample of each claim, fullest first.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/FleetUsageResponse',
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
    '/fleet/usage/{cluster}/{namespace}/{name}': {
      get: {
        operationId: 'getClaimUsage',
        summary:
          "One claim's usage history (the samples the collector stored) and its suggestion.",
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
          {
            name: 'days',
            in: 'query',
            description: 'How far back, in days (default 30, at most 365).',
            schema: {
              type: 'string',
              maxLength: 8,
            },
          },
        ],
        responses: {
          '200': {
            description: 'Samples, oldest first.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ClaimUsageHistory',
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
    '/fleet/backups': {
      get: {
        operationId: 'listFleetBackups',
        summary:
          "Per claim, its newest ready VolumeSnapshot and its age, the offering's snapshot schedule, and production claims with no recent snapshot.",
        responses: {
          '200': {
            description: 'Claims, stale first.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/FleetBackupsResponse',
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
    '/fleet/expiries': {
      get: {
        operationId: 'listFleetExpiries',
        summary:
          'Claims with an expiry (storage.backstage.io/expires-at), soonest first, and where their clean-up stands (warned, snapshotting, deleting).',
        responses: {
          '200': {
            description: 'Expiries.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/FleetExpiriesResponse',
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
    '/fleet/volumes/{cluster}/{name}/delete': {
      post: {
        operationId: 'deleteFleetVolume',
        summary:
          "Requests the deletion of a PersistentVolume no claim holds (Released or Available) through the request workflow (policy, approval, audit). The volume's name must be repeated.",
        parameters: [
          {
            $ref: '#/components/parameters/cluster',
          },
          {
            $ref: '#/components/parameters/volumeName',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/VolumeDeleteInput',
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
    '/fleet/volumes/{cluster}/{name}/adopt': {
      post: {
        operationId: 'adoptFleetVolume',
        summary:
          'Requests a new claim bound to a volume no claim holds, for the entity that owned it (a create request with an existing-volume source), through the request workflow.',
        parameters: [
          {
            $ref: '#/components/parameters/cluster',
          },
          {
            $ref: '#/components/parameters/volumeName',
          },
        ],
        requestBody: {
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/VolumeAdoptInput',
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
    '/fleet/claims/{cluster}/{namespace}/{name}/delete': {
      post: {
        operationId: 'deleteFleetClaim',
        summary:
          "Requests the deletion of a claim, optionally after a snapshot of it is ready (snapshotFirst), through the request workflow. The claim's name must be repeated.",
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
                $ref: '#/components/schemas/FleetClaimDeleteInput',
              },
            },
          },
        },
        responses: {
          '202': {
            $ref: '#/components/responses/FleetSubmitted',
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
      volumeName: {
        name: 'name',
        in: 'path',
        required: true,
        description: "A PersistentVolume's name.",
        schema: {
          type: 'string',
          maxLength: 253,
        },
        example: 'pvc-5f0c2a4e-8b1d-4c3e-9a7f-2d6b1e0c9a11',
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
            description:
              "Deletes: the claim's name again (the volume's, with volumeName).",
          },
          volumeName: {
            type: 'string',
            maxLength: 253,
            description:
              "Deletes: a PersistentVolume no claim holds (Released or Available) to delete instead of a claim; namespace and claimName name its last claim (for a volume never claimed, its owner's namespace and the volume's name).",
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
              usage: {
                $ref: '#/components/schemas/ClaimUsage',
              },
              expiresAt: {
                type: 'string',
                description:
                  'When the claim expires (its storage.backstage.io/expires-at annotation).',
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
              usage: {
                $ref: '#/components/schemas/ClaimUsage',
              },
              expiresAt: {
                type: 'string',
                description:
                  'When the claim expires (its storage.backstage.io/expires-at annotation).',
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
      ClaimUsage: {
        type: 'object',
        description:
          "How full a claim's file system is, from the kubelet's volume stats.",
        required: ['usedBytes', 'capacityBytes', 'usedFraction', 'observedAt'],
        properties: {
          usedBytes: {
            type: 'number',
          },
          capacityBytes: {
            type: 'number',
          },
          usedFraction: {
            type: 'number',
            description: 'usedBytes / capacityBytes, 0..1.',
          },
          observedAt: {
            type: 'string',
          },
        },
      },
      UsageSample: {
        type: 'object',
        required: ['observedAt', 'usedBytes', 'capacityBytes'],
        properties: {
          observedAt: {
            type: 'string',
          },
          usedBytes: {
            type: 'number',
          },
          capacityBytes: {
            type: 'number',
          },
        },
      },
      UsageSuggestion: {
        type: 'object',
        description:
          "What to do about a claim's size, with what it saves (or costs) a month.",
        required: ['action', 'fromSize', 'toSize', 'usedFraction'],
        properties: {
          action: {
            type: 'string',
            enum: ['resize', 'shrink-by-migration', 'smaller-offering'],
            description:
              'resize above 80% used; shrink by migration (or move to a smaller offering) when below 20% for 7 days.',
          },
          fromSize: {
            type: 'string',
          },
          toSize: {
            type: 'string',
          },
          offering: {
            type: 'string',
            description: 'The smaller offering to move to (smaller-offering).',
          },
          usedFraction: {
            type: 'number',
            description:
              'Share of the capacity in use in the newest sample, 0..1.',
          },
          monthlySavingUsd: {
            type: 'number',
            description:
              'Monthly list-price difference; negative when the change costs more (a resize).',
          },
          notBefore: {
            type: 'string',
            description:
              'EBS allows one modification per volume every six hours; a resize waits until then.',
          },
        },
      },
      FleetObjectRef: {
        type: 'object',
        required: ['kind', 'name'],
        properties: {
          kind: {
            type: 'string',
            description:
              'PersistentVolumeClaim, PersistentVolume, VolumeSnapshot, StorageClass, CSIDriver, Offering or Cluster.',
          },
          name: {
            type: 'string',
          },
          namespace: {
            type: 'string',
          },
        },
      },
      FleetVolume: {
        type: 'object',
        description: 'A PersistentVolume as the console shows it.',
        required: ['name'],
        properties: {
          name: {
            type: 'string',
          },
          phase: {
            type: 'string',
          },
          reclaimPolicy: {
            type: 'string',
          },
          capacity: {
            type: 'string',
          },
          storageClassName: {
            type: 'string',
          },
          driver: {
            $ref: '#/components/schemas/DriverId',
          },
          volumeHandle: {
            type: 'string',
          },
          zone: {
            type: 'string',
          },
          encrypted: {
            type: 'boolean',
          },
          createdAt: {
            type: 'string',
          },
          releasedAt: {
            type: 'string',
            description:
              'When it became Released (status.lastPhaseTransitionTime).',
          },
          lastClaim: {
            type: 'object',
            description: 'The claim it was bound to (spec.claimRef).',
            required: ['namespace', 'name'],
            properties: {
              namespace: {
                type: 'string',
              },
              name: {
                type: 'string',
              },
            },
          },
        },
      },
      FleetAction: {
        type: 'string',
        enum: [
          'delete-volume',
          'adopt-volume',
          'delete-claim',
          'resize',
          'snapshot',
        ],
        description:
          'An action that removes a finding: delete-volume and adopt-volume are the /fleet/volumes routes; delete-claim the /fleet/claims delete; resize and snapshot the claim routes.',
      },
      FleetFinding: {
        type: 'object',
        description:
          "One thing the console found (storage-common's fleet functions, the same `eks-storage audit` prints), with the fix.",
        required: [
          'id',
          'section',
          'code',
          'severity',
          'cluster',
          'object',
          'title',
          'detail',
          'fix',
          'actions',
        ],
        properties: {
          id: {
            type: 'string',
            description:
              'Stable key of the finding (section, code, cluster and object).',
          },
          section: {
            type: 'string',
            enum: [
              'waste',
              'class-health',
              'compliance',
              'usage',
              'backups',
              'expiry',
            ],
          },
          code: {
            type: 'string',
            example: 'released-volume',
          },
          severity: {
            type: 'string',
            enum: ['error', 'warning', 'info'],
          },
          cluster: {
            type: 'string',
          },
          object: {
            $ref: '#/components/schemas/FleetObjectRef',
          },
          title: {
            type: 'string',
            description: 'One line, naming the object.',
          },
          detail: {
            type: 'string',
            description: 'What is going on and why it matters.',
          },
          fix: {
            type: 'string',
          },
          field: {
            type: 'string',
            description: 'The field at fault, e.g. parameters.iops.',
          },
          kubernetesId: {
            type: 'string',
            description:
              'The backstage.io/kubernetes-id the object (or its last claim) carries.',
          },
          entityRef: {
            type: 'string',
            description:
              'The entity the object belongs to, when the catalog resolves it.',
          },
          ownerRef: {
            type: 'string',
            description: "The entity's owning group.",
          },
          monthlyUsd: {
            type: 'number',
            description:
              'The monthly list price at stake (what the waste costs; what a suggestion saves).',
          },
          since: {
            type: 'string',
          },
          ageDays: {
            type: 'number',
          },
          lastClaim: {
            type: 'object',
            description: 'The claim a volume or snapshot last belonged to.',
            required: ['namespace', 'name'],
            properties: {
              namespace: {
                type: 'string',
              },
              name: {
                type: 'string',
              },
            },
          },
          suggestion: {
            $ref: '#/components/schemas/UsageSuggestion',
          },
          volume: {
            $ref: '#/components/schemas/FleetVolume',
          },
          actions: {
            type: 'array',
            description: 'The console actions that remove it.',
            items: {
              $ref: '#/components/schemas/FleetAction',
            },
          },
        },
      },
      FleetViewer: {
        type: 'object',
        description:
          'What the caller may do from the console (each action is authorized again when asked).',
        required: ['mayCleanUp'],
        properties: {
          mayCleanUp: {
            type: 'boolean',
            description:
              "The platform team's permission (storage.request.approve) lets them delete or adopt any volume no claim holds; owners may always act on their own entities' volumes.",
          },
        },
      },
      FleetFindingsResponse: {
        type: 'object',
        required: [
          'items',
          'totalMonthlyUsd',
          'viewer',
          'clusters',
          'generatedAt',
        ],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/FleetFinding',
            },
          },
          totalMonthlyUsd: {
            type: 'number',
            description: "The sum of the findings' monthlyUsd.",
          },
          viewer: {
            $ref: '#/components/schemas/FleetViewer',
          },
          clusters: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ClusterStatus',
            },
          },
          generatedAt: {
            type: 'string',
          },
        },
      },
      FleetStorageClass: {
        type: 'object',
        required: [
          'cluster',
          'name',
          'provisioner',
          'isDefault',
          'allowVolumeExpansion',
          'parameters',
          'status',
          'findings',
          'offerings',
        ],
        properties: {
          cluster: {
            type: 'string',
          },
          name: {
            type: 'string',
          },
          provisioner: {
            type: 'string',
          },
          driver: {
            $ref: '#/components/schemas/DriverId',
          },
          isDefault: {
            type: 'boolean',
          },
          volumeBindingMode: {
            type: 'string',
          },
          reclaimPolicy: {
            type: 'string',
          },
          allowVolumeExpansion: {
            type: 'boolean',
          },
          parameters: {
            type: 'object',
            additionalProperties: {
              type: 'string',
            },
          },
          status: {
            type: 'string',
            enum: ['ok', 'warning', 'error'],
            description:
              "The worst finding's severity (error means claims of it will not bind).",
          },
          findings: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/FleetFinding',
            },
          },
          offerings: {
            type: 'array',
            description: 'Offerings that claim from this class.',
            items: {
              type: 'string',
            },
          },
        },
      },
      FleetClassesResponse: {
        type: 'object',
        required: ['items', 'findings', 'clusters', 'generatedAt'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/FleetStorageClass',
            },
          },
          findings: {
            type: 'array',
            description:
              'Findings about a cluster (no default class) or an offering (its class is missing).',
            items: {
              $ref: '#/components/schemas/FleetFinding',
            },
          },
          clusters: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ClusterStatus',
            },
          },
          generatedAt: {
            type: 'string',
          },
        },
      },
      FleetComplianceRule: {
        type: 'object',
        required: ['id', 'description', 'enabled'],
        properties: {
          id: {
            type: 'string',
          },
          description: {
            type: 'string',
          },
          enabled: {
            type: 'boolean',
          },
        },
      },
      FleetComplianceResponse: {
        type: 'object',
        required: ['items', 'rules', 'clusters', 'generatedAt'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/FleetFinding',
            },
          },
          rules: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/FleetComplianceRule',
            },
          },
          clusters: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ClusterStatus',
            },
          },
          generatedAt: {
            type: 'string',
          },
        },
      },
      FleetUsageItem: {
        type: 'object',
        required: ['cluster', 'namespace', 'name', 'usage'],
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
          entityRef: {
            type: 'string',
          },
          storageClassName: {
            type: 'string',
          },
          driver: {
            $ref: '#/components/schemas/DriverId',
          },
          capacity: {
            type: 'string',
          },
          usage: {
            $ref: '#/components/schemas/ClaimUsage',
          },
          suggestion: {
            $ref: '#/components/schemas/UsageSuggestion',
          },
        },
      },
      FleetUsageResponse: {
        type: 'object',
        required: ['items', 'clusters'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/FleetUsageItem',
            },
          },
          lastCollectedAt: {
            type: 'string',
            description: 'When the collector last stored samples.',
          },
          clusters: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ClusterStatus',
            },
          },
        },
      },
      ClaimUsageHistory: {
        type: 'object',
        required: ['cluster', 'namespace', 'name', 'samples'],
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
          samples: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/UsageSample',
            },
          },
          latest: {
            $ref: '#/components/schemas/ClaimUsage',
          },
          suggestion: {
            $ref: '#/components/schemas/UsageSuggestion',
          },
        },
      },
      FleetSnapshotRef: {
        type: 'object',
        required: ['name', 'readyToUse'],
        properties: {
          name: {
            type: 'string',
          },
          createdAt: {
            type: 'string',
          },
          readyToUse: {
            type: 'boolean',
          },
        },
      },
      SnapshotSchedule: {
        type: 'object',
        description:
          "An offering's `backup` setting, carried out by the backend.",
        required: ['offering', 'everyHours', 'keep'],
        properties: {
          offering: {
            type: 'string',
          },
          everyHours: {
            type: 'number',
          },
          keep: {
            type: 'integer',
          },
          lastTakenAt: {
            type: 'string',
          },
          nextDueAt: {
            type: 'string',
          },
        },
      },
      FleetBackupItem: {
        type: 'object',
        required: [
          'cluster',
          'namespace',
          'name',
          'production',
          'stale',
          'snapshots',
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
          entityRef: {
            type: 'string',
          },
          lifecycle: {
            type: 'string',
          },
          production: {
            type: 'boolean',
            description: "The entity's spec.lifecycle is production.",
          },
          newestSnapshot: {
            $ref: '#/components/schemas/FleetSnapshotRef',
          },
          newestAgeHours: {
            type: 'number',
          },
          snapshots: {
            type: 'integer',
            description: 'How many snapshots of it exist.',
          },
          stale: {
            type: 'boolean',
            description:
              'A production claim with no ready snapshot within storage.fleet.backups.staleAfter.',
          },
          schedule: {
            $ref: '#/components/schemas/SnapshotSchedule',
          },
          finding: {
            $ref: '#/components/schemas/FleetFinding',
          },
        },
      },
      FleetBackupsResponse: {
        type: 'object',
        required: ['items', 'staleAfterHours', 'clusters'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/FleetBackupItem',
            },
          },
          staleAfterHours: {
            type: 'number',
          },
          clusters: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ClusterStatus',
            },
          },
        },
      },
      FleetExpiryItem: {
        type: 'object',
        required: [
          'cluster',
          'namespace',
          'name',
          'expiresAt',
          'status',
          'snapshotFirst',
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
          entityRef: {
            type: 'string',
          },
          requestId: {
            type: 'string',
            description: 'The request that set the expiry.',
          },
          expiresAt: {
            type: 'string',
          },
          status: {
            type: 'string',
            enum: [
              'upcoming',
              'warned',
              'snapshotting',
              'deleting',
              'deleted',
              'failed',
            ],
          },
          warnedAt: {
            type: 'string',
          },
          snapshotFirst: {
            type: 'boolean',
            description:
              'The offering asks for a snapshot before an expired claim is deleted.',
          },
          snapshotRequestId: {
            type: 'string',
          },
          deleteRequestId: {
            type: 'string',
          },
          message: {
            type: 'string',
          },
        },
      },
      FleetExpiriesResponse: {
        type: 'object',
        required: ['items', 'clusters'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/FleetExpiryItem',
            },
          },
          clusters: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ClusterStatus',
            },
          },
        },
      },
      FleetOwnerHint: {
        type: 'object',
        description: 'A clue to who owns a claim no entity claims.',
        required: ['source', 'detail'],
        properties: {
          source: {
            type: 'string',
            enum: ['label', 'namespace', 'annotation', 'request', 'workload'],
          },
          detail: {
            type: 'string',
            example: 'label app.kubernetes.io/name=billing-worker',
          },
          entityRef: {
            type: 'string',
            description: 'The entity the clue points at, if one does.',
          },
        },
      },
      FleetClaim: {
        type: 'object',
        description:
          'A claim of any cluster, or a volume no claim holds (kind PersistentVolume).',
        required: [
          'kind',
          'cluster',
          'namespace',
          'name',
          'labels',
          'owned',
          'ownerHints',
          'consumers',
          'state',
          'severity',
          'headline',
        ],
        properties: {
          kind: {
            type: 'string',
            enum: ['PersistentVolumeClaim', 'PersistentVolume'],
          },
          cluster: {
            type: 'string',
          },
          namespace: {
            type: 'string',
            description:
              "For a volume, its last claim's namespace ('' when it never had one).",
          },
          name: {
            type: 'string',
            description:
              "For a volume, its last claim's name, else the volume's.",
          },
          volumeName: {
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
          },
          ownerRef: {
            type: 'string',
          },
          systemRef: {
            type: 'string',
          },
          lifecycle: {
            type: 'string',
          },
          owned: {
            type: 'boolean',
            description: 'Whether a catalog entity claims it.',
          },
          ownerHints: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/FleetOwnerHint',
            },
          },
          storageClassName: {
            type: 'string',
          },
          driver: {
            $ref: '#/components/schemas/DriverId',
          },
          offeringId: {
            type: 'string',
          },
          phase: {
            type: 'string',
          },
          state: {
            type: 'string',
            description:
              'The diagnosis state, or available for a volume never claimed.',
          },
          severity: {
            type: 'string',
            enum: ['ok', 'info', 'warning', 'error'],
          },
          headline: {
            type: 'string',
          },
          requested: {
            type: 'string',
          },
          capacity: {
            type: 'string',
          },
          capacityBytes: {
            type: 'number',
          },
          createdAt: {
            type: 'string',
          },
          ageDays: {
            type: 'number',
          },
          consumers: {
            type: 'integer',
            description: 'Pods that mount it now.',
          },
          usage: {
            $ref: '#/components/schemas/ClaimUsage',
          },
          monthlyUsd: {
            type: 'number',
          },
          newestSnapshotAt: {
            type: 'string',
          },
          expiresAt: {
            type: 'string',
          },
        },
      },
      FleetClaimsResponse: {
        type: 'object',
        required: ['items', 'total', 'clusters'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/FleetClaim',
            },
          },
          total: {
            type: 'integer',
            description:
              'How many match the filters (items holds at most `limit` of them).',
          },
          clusters: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ClusterStatus',
            },
          },
        },
      },
      FleetGroup: {
        type: 'object',
        required: ['key', 'claims', 'volumes', 'capacityBytes', 'monthlyUsd'],
        properties: {
          key: {
            type: 'string',
            description:
              "The cluster, driver, state, team or system ('' for none).",
          },
          claims: {
            type: 'integer',
          },
          volumes: {
            type: 'integer',
            description: 'Volumes no claim holds.',
          },
          capacityBytes: {
            type: 'number',
          },
          monthlyUsd: {
            type: 'number',
          },
        },
      },
      FleetCostPoint: {
        type: 'object',
        required: ['date', 'totalMonthlyUsd'],
        properties: {
          date: {
            type: 'string',
            description:
              "A day (YYYY-MM-DD) the collector recorded the fleet's cost.",
          },
          totalMonthlyUsd: {
            type: 'number',
          },
        },
      },
      FleetOverviewResponse: {
        type: 'object',
        required: [
          'generatedAt',
          'clusters',
          'byCluster',
          'byDriver',
          'byState',
          'cost',
          'counts',
        ],
        properties: {
          generatedAt: {
            type: 'string',
          },
          clusters: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ClusterStatus',
            },
          },
          byCluster: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/FleetGroup',
            },
          },
          byDriver: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/FleetGroup',
            },
          },
          byState: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/FleetGroup',
            },
          },
          cost: {
            type: 'object',
            required: [
              'currency',
              'totalMonthlyUsd',
              'byTeam',
              'bySystem',
              'byDriver',
              'trend',
              'region',
              'priceDate',
            ],
            properties: {
              currency: {
                type: 'string',
                enum: ['USD'],
              },
              totalMonthlyUsd: {
                type: 'number',
                description:
                  'List prices of what is provisioned; storage billed by use (EFS, S3) counts what is used.',
              },
              byTeam: {
                type: 'array',
                items: {
                  $ref: '#/components/schemas/FleetGroup',
                },
              },
              bySystem: {
                type: 'array',
                items: {
                  $ref: '#/components/schemas/FleetGroup',
                },
              },
              byDriver: {
                type: 'array',
                items: {
                  $ref: '#/components/schemas/FleetGroup',
                },
              },
              trend: {
                type: 'array',
                description: 'The recorded daily totals, oldest first.',
                items: {
                  $ref: '#/components/schemas/FleetCostPoint',
                },
              },
              region: {
                type: 'string',
              },
              priceDate: {
                type: 'string',
              },
            },
          },
          counts: {
            type: 'object',
            required: [
              'claims',
              'volumes',
              'unowned',
              'waste',
              'classHealth',
              'compliance',
              'usage',
              'backups',
              'expiries',
            ],
            properties: {
              claims: {
                type: 'integer',
              },
              volumes: {
                type: 'integer',
              },
              unowned: {
                type: 'integer',
              },
              waste: {
                type: 'integer',
              },
              classHealth: {
                type: 'integer',
              },
              compliance: {
                type: 'integer',
              },
              usage: {
                type: 'integer',
              },
              backups: {
                type: 'integer',
              },
              expiries: {
                type: 'integer',
              },
            },
          },
        },
      },
      VolumeDeleteInput: {
        type: 'object',
        additionalProperties: false,
        required: ['confirm'],
        properties: {
          confirm: {
            type: 'string',
            maxLength: 253,
            description: "The volume's name again.",
          },
          entityRef: {
            type: 'string',
            maxLength: 512,
            description:
              "The entity the request is recorded under; defaults to the volume's owner (for a volume without a claim, the entity of its last claim's namespace).",
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
      VolumeAdoptInput: {
        type: 'object',
        additionalProperties: false,
        properties: {
          entityRef: {
            type: 'string',
            maxLength: 512,
            description: "Defaults to the volume's owner.",
          },
          namespace: {
            type: 'string',
            maxLength: 253,
            description: "Defaults to the last claim's namespace.",
          },
          claimName: {
            type: 'string',
            maxLength: 253,
            description: "Defaults to the last claim's name.",
          },
          offering: {
            type: 'string',
            maxLength: 63,
            description:
              "Defaults to an offering of the volume's driver that binds existing volumes, else the one of its class.",
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
      FleetClaimDeleteInput: {
        type: 'object',
        additionalProperties: false,
        required: ['confirm'],
        properties: {
          confirm: {
            type: 'string',
            maxLength: 253,
            description: "The claim's name again.",
          },
          snapshotFirst: {
            type: 'boolean',
            description:
              'Take a snapshot first (a snapshot request now); the delete request follows once the snapshot is ready.',
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
      FleetSubmitResponse: {
        allOf: [
          {
            $ref: '#/components/schemas/SubmitResponse',
          },
          {
            type: 'object',
            properties: {
              followUp: {
                type: 'object',
                description:
                  'What the backend requests next on its own (the delete after the snapshot).',
                required: ['operation', 'when'],
                properties: {
                  operation: {
                    $ref: '#/components/schemas/RequestOperation',
                  },
                  when: {
                    type: 'string',
                    example: 'once snapshot data-x-20261201t1200 is ready',
                  },
                },
              },
            },
          },
        ],
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
      FleetSubmitted: {
        description:
          'The action was stored as a request; `followUp` says what the backend requests after it.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/FleetSubmitResponse',
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
