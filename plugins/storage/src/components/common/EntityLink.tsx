import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { shortRef } from '../../lib/approvals';

/** A link to an entity's page, named by its short ref ("payments-api", "group:team-payments"). */
export const EntityLink = ({ entityRef }: { entityRef: string }) => (
  <EntityRefLink entityRef={entityRef} title={shortRef(entityRef)} />
);
