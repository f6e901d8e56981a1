import { RootConfigService } from '@backstage/backend-plugin-api';
import {
  StorageOffering,
  parseOfferings,
} from '@eks-storage/backstage-plugin-storage-common';
import { StorageInputError } from '../shared/errors';

/**
 * The platform's offerings from `storage.offerings`, parsed as the storage
 * backend parses them. A broken list stops the backend from starting, as the
 * storage backend does, rather than rendering from half of it.
 */
export function offeringsFromConfig(
  config: RootConfigService,
): StorageOffering[] {
  const { offerings, errors } = parseOfferings(
    config.getOptional('storage.offerings'),
  );
  if (errors.length) {
    throw new Error(`Invalid storage config: ${errors.join('; ')}`);
  }
  return offerings;
}

/** The offering a template names, or a refusal listing the ones there are. */
export function findOffering(
  offerings: readonly StorageOffering[],
  id: string,
): StorageOffering {
  const offering = offerings.find(o => o.id === id.trim());
  if (!offering) {
    throw new StorageInputError(
      `offering: there is no offering "${id}" (fix: use one of ${
        offerings.map(o => o.id).join(', ') ||
        'none is configured in storage.offerings'
      })`,
    );
  }
  return offering;
}
