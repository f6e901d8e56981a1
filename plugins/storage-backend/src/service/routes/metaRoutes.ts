import {
  OfferingListItem,
  estimateMonthlyCost,
  offeringCapabilities,
  storageRequestSchema,
} from '@eks-storage/backstage-plugin-storage-common';
import { RouterOptions, StorageApiRouter } from './context';
import { reply } from './reply';

/** Health, clusters and offerings: what every page needs first. */
export function metaRoutes(router: StorageApiRouter, options: RouterOptions) {
  const { httpAuth, logger, database, tracker, offerings, prices } = options;

  router.get('/health', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    try {
      await database.raw('select 1');
    } catch (error) {
      logger.error('Storage database is unreachable', error as Error);
      res.status(503).json({
        status: 'unavailable',
        message: 'The database is unreachable',
      });
      return;
    }
    res.json({ status: 'ok', clusters: tracker.clusterStatus() });
  });

  router.get('/clusters', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    res.json({ items: tracker.clusterStatus() });
  });

  router.get('/offerings', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const classes = tracker.storageClassesByCluster();
    reply<{ items: OfferingListItem[] }>(res, {
      items: offerings.map(offering => {
        const example = storageRequestSchema.safeParse({
          operation: 'create',
          entityRef: 'component:default/example',
          cluster: 'any',
          namespace: 'default',
          claimName: 'example',
          offering: offering.id,
          size: offering.size.default,
          accessMode: offering.accessModes[0],
        });
        return {
          ...offering,
          capabilities: offeringCapabilities(offering),
          clusters: Object.entries(classes)
            .filter(
              ([, names]) =>
                offering.storageClassName === 'static' ||
                offering.driver === 's3' ||
                names.includes(offering.storageClassName),
            )
            .map(([cluster]) => cluster),
          defaultCost: example.success
            ? estimateMonthlyCost(example.data, offering, prices)
            : undefined,
        };
      }),
    });
  });
}
