import { ApiHolder } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import type { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import {
  AccessMode,
  DRIVERS,
  Finding,
  OfferingListItem,
  StorageApi,
  validateRequest,
} from '@eks-storage/backstage-plugin-storage-common';
import { storageApiRef } from '../api';
import { sizeProblem } from '../components/fields/SizeField';
import { decisionText } from '../lib/approvals';
import {
  ClusterNamespace,
  StorageAnswers,
  draftRequest,
  fieldNames,
  policyProbe,
  readAnswers,
} from './formData';
import { entityNamespace, namespaceCheck } from './namespaces';
import { backendErrors, checkWithBackend, needsApproval } from './policy';
import type {
  StorageFieldUiOptions,
  StorageOfferingPickerUiOptions,
} from './schemas';

type Validator<T, O = StorageFieldUiOptions> = CustomFieldValidator<T, O>;

/** What of a validator's context the storage validators read. */
interface Context {
  apiHolder: ApiHolder;
  formData: Record<string, unknown>;
  uiSchema?: object;
}

const optionsOf = (context: Context) =>
  (context.uiSchema as { 'ui:options'?: StorageFieldUiOptions } | undefined)?.[
    'ui:options'
  ];

/** A finding as one line: what is wrong, then the fix. */
export const findingText = (f: Finding) =>
  f.fix ? `${f.message}. ${f.fix}` : f.message;

function storageApiOf(apiHolder: ApiHolder): StorageApi {
  const api = apiHolder.get(storageApiRef);
  if (!api) {
    throw new Error(
      'The storage plugin is not installed in this app: its API is missing',
    );
  }
  return api;
}

/** The form's answers, the API and the offerings, as every validator needs them. */
async function formOf(context: Context, own: Partial<StorageAnswers>) {
  const names = fieldNames(optionsOf(context));
  const answers = { ...readAnswers(context.formData, names), ...own };
  const api = storageApiOf(context.apiHolder);
  const offerings = await api.getOfferings();
  const offering = offerings.find(o => o.id === answers.offering);
  return { answers, api, offerings, offering };
}

/** storage-common's errors about one field of the request as far as answered. */
export function localErrors(
  answers: StorageAnswers,
  offering: OfferingListItem | undefined,
  field: string,
): Finding[] {
  return validateRequest(draftRequest(answers, offering), offering).filter(
    f =>
      f.severity === 'error' &&
      (f.field === field || f.field.startsWith(`${field}.`)),
  );
}

async function entityOf(context: Context, entityRef: string | undefined) {
  const catalogApi = context.apiHolder.get(catalogApiRef);
  if (!catalogApi || !entityRef) return undefined;
  return catalogApi.getEntityByRef(entityRef);
}

export const offeringPickerValidation: Validator<
  string,
  StorageOfferingPickerUiOptions
> = async (value, validation, context) => {
  if (!value) return;
  const { answers, offering, offerings } = await formOf(context, {
    offering: value,
  });
  if (!offering) {
    validation.addError(
      `"${value}" is not one of the platform's offerings: pick one of ${offerings
        .map(o => o.id)
        .join(', ')}`,
    );
    return;
  }
  const drivers = context.uiSchema?.['ui:options']?.drivers;
  if (drivers?.length && !drivers.includes(offering.driver)) {
    validation.addError(
      `${offering.title} is ${
        DRIVERS[offering.driver].title
      }; this template takes ${drivers
        .map(d => DRIVERS[d].title)
        .join(' or ')} only`,
    );
  }
  if (!offering.clusters.length) {
    validation.addError(
      `No cluster has the StorageClass of ${offering.title} yet: pick another offering or ask the platform team`,
    );
  }
  for (const f of localErrors(answers, offering, 'offering')) {
    validation.addError(findingText(f));
  }
};

export const sizePickerValidation: Validator<string> = async (
  value,
  validation,
  context,
) => {
  const { answers, offering, api } = await formOf(context, { size: value });
  if (!offering) {
    const problem = sizeProblem(value ?? '', {});
    if (problem) validation.addError(problem);
    return;
  }
  const errors = localErrors(answers, offering, 'size');
  for (const f of errors) validation.addError(findingText(f));
  if (errors.length) return;
  // A size policy refuses outright is no use going on with.
  const entity = await entityOf(context, answers.entityRef);
  const probe = policyProbe(answers, offering, {
    namespace: entityNamespace(entity),
  });
  if (!probe) return;
  const answer = await checkWithBackend(api, probe);
  if (answer.decision?.outcome === 'deny') {
    validation.addError(decisionText(answer.decision));
  }
};

export const accessModePickerValidation: Validator<AccessMode> = async (
  value,
  validation,
  context,
) => {
  if (!value) return;
  const { answers, offering } = await formOf(context, { accessMode: value });
  if (!offering) return;
  for (const f of localErrors(answers, offering, 'accessMode')) {
    validation.addError(findingText(f));
  }
};

export const clusterNamespacePickerValidation: Validator<
  ClusterNamespace
> = async (value, validation, context) => {
  const cluster = value?.cluster?.trim() ?? '';
  const namespace = value?.namespace?.trim() ?? '';
  const { answers, offering, api } = await formOf(context, {
    cluster: cluster || undefined,
    namespace: namespace || undefined,
  });
  if (!cluster) {
    validation.addError('Pick the cluster of the claim');
  } else if (offering && !offering.clusters.includes(cluster)) {
    validation.addError(
      `Cluster ${cluster} does not offer ${
        offering.title
      }: pick ${offering.clusters.join(' or ')}`,
    );
  }
  const entity = await entityOf(context, answers.entityRef);
  const { problem, needsBackend } = namespaceCheck(namespace, entity);
  if (problem) {
    validation.addError(problem);
    return;
  }
  if (!needsBackend || !offering || !cluster) return;
  // Another namespace than the entity's own: only the backend knows what
  // the platform team granted to the entity's owner.
  const probe = policyProbe(
    { ...answers, size: answers.size ?? offering.size.default },
    offering,
    { namespace },
  );
  if (!probe) return;
  const answer = await checkWithBackend(api, probe);
  for (const f of backendErrors(answer, 'namespace')) {
    validation.addError(f.message);
  }
};

/** The entity's ready snapshots, with the claim each was taken of. */
export async function readySnapshots(
  api: StorageApi,
  entityRef: string,
  where: { cluster?: string; namespace?: string } = {},
) {
  const claims = await api.listClaims(entityRef);
  const candidates = claims.items.filter(
    claim =>
      (!where.cluster || claim.cluster === where.cluster) &&
      (!where.namespace || claim.namespace === where.namespace) &&
      (!claim.driver || DRIVERS[claim.driver]?.snapshots),
  );
  const details = await Promise.all(
    candidates.map(claim =>
      api
        .getClaim({
          cluster: claim.cluster,
          namespace: claim.namespace,
          name: claim.name,
        })
        .catch(() => undefined),
    ),
  );
  return details.flatMap(detail =>
    (detail?.snapshots ?? [])
      .filter(s => s.readyToUse)
      .map(snapshot => ({
        ...snapshot,
        claim: detail!.name,
        cluster: detail!.cluster,
        namespace: detail!.namespace,
        driver: detail!.driver,
      })),
  );
}

export const snapshotPickerValidation: Validator<string | undefined> = async (
  value,
  validation,
  context,
) => {
  if (!value) return;
  const { answers, api } = await formOf(context, { snapshot: value });
  if (!answers.entityRef) {
    validation.addError('Pick the entity before a snapshot to restore');
    return;
  }
  const ready = await readySnapshots(api, answers.entityRef, answers);
  if (!ready.some(s => s.name === value)) {
    validation.addError(
      `Snapshot ${value} is not a ready snapshot of ${answers.entityRef}${
        answers.cluster && answers.namespace
          ? ` in ${answers.cluster}/${answers.namespace}`
          : ''
      }: pick one of the list, or none`,
    );
  }
};

export const existingVolumePickerValidation: Validator<string> = async (
  value,
  validation,
  context,
) => {
  if (!value) return;
  const { answers, offering } = await formOf(context, { volumeId: value });
  if (!offering) return;
  if (!offering.existingVolumes.some(v => v.id === value)) {
    validation.addError(
      `${value} is not one of the volumes ${offering.title} offers${
        offering.existingVolumes.length
          ? `: pick ${offering.existingVolumes.map(v => v.id).join(', ')}`
          : ''
      }`,
    );
    return;
  }
  for (const f of localErrors(answers, offering, 'source')) {
    validation.addError(findingText(f));
  }
};

export const justificationFieldValidation: Validator<
  string | undefined
> = async (value, validation, context) => {
  if (value && value.length > 2000) {
    validation.addError('Keep the justification under 2,000 characters');
  }
  if (value?.trim()) return;
  const { answers, offering, api } = await formOf(context, {});
  const entity = await entityOf(context, answers.entityRef);
  const probe = policyProbe(answers, offering, {
    namespace: entityNamespace(entity),
  });
  if (!probe) return;
  const answer = await checkWithBackend(api, probe);
  if (needsApproval(answer)) {
    validation.addError(
      `The platform team approves this request (${
        answer.decision?.reason ?? answer.approval?.reason
      }): say why you need it`,
    );
  }
};
