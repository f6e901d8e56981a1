import { EmptyState } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import {
  KUBERNETES_NAMESPACE_ANNOTATION,
  claimLabelSelector,
} from '../../annotations';

/** The entity's Storage tab: every persistent volume claim of the entity. */
export const EntityStorageContent = () => {
  const { entity } = useEntity();
  const selector = claimLabelSelector(entity);
  const namespace =
    entity.metadata.annotations?.[KUBERNETES_NAMESPACE_ANNOTATION];

  return (
    <EmptyState
      missing="data"
      title="No storage yet"
      description={
        <>
          <Typography variant="body1" component="span" display="block">
            Persistent volume claims of {entity.metadata.name} will appear here,
            with their status, cost and actions.
          </Typography>
          <Typography variant="body2" component="span" display="block">
            {selector
              ? `Looking for claims labelled ${selector}${
                  namespace ? ` in namespace ${namespace}` : ''
                }.`
              : 'Add the backstage.io/kubernetes-id annotation to this entity so its claims can be found.'}
          </Typography>
        </>
      }
    />
  );
};
