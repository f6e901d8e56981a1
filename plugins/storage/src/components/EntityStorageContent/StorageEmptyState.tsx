import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { EmptyState } from '@backstage/core-components';
import { OfferingListItem } from '@eks-storage/backstage-plugin-storage-common';
import { DriverIcon } from '../common/DriverIcon';
import { driverTitle, formatMonthlyCost } from '../../lib/format';
import { offeringFeatures } from '../fields/OfferingPicker';

/** No claims yet: what the platform offers, and a way to ask for it. */
export const StorageEmptyState = (props: {
  entityName: string;
  selector?: string;
  namespace?: string;
  offerings: readonly OfferingListItem[];
  /** How to ask for storage (the request buttons). */
  action?: JSX.Element;
}) => {
  const { entityName, selector, namespace, offerings, action } = props;
  return (
    <EmptyState
      missing="data"
      title="No storage yet"
      description={
        <>
          <Typography variant="body1" component="span" display="block">
            Persistent volume claims of {entityName} will appear here, with
            their status, cost and actions.
          </Typography>
          <Typography variant="body2" component="span" display="block">
            {selector
              ? `Looking for claims labelled ${selector}${
                  namespace ? ` in namespace ${namespace}` : ''
                }.`
              : 'Add the backstage.io/kubernetes-id annotation to this entity so its claims can be found.'}
          </Typography>
          {offerings.length > 0 && (
            <Box component="span" display="block" mt={2}>
              <Typography variant="subtitle1" component="span" display="block">
                Storage the platform offers
              </Typography>
              <List dense aria-label="Storage offerings">
                {offerings.map(o => (
                  <ListItem key={o.id} disableGutters>
                    <ListItemIcon>
                      <DriverIcon driver={o.driver} />
                    </ListItemIcon>
                    <ListItemText
                      primary={o.title}
                      secondary={`${
                        o.description || driverTitle(o.driver)
                      } · ${offeringFeatures(o).join(', ')}${
                        o.defaultCost
                          ? ` · ${formatMonthlyCost(o.defaultCost)} at ${
                              o.size.default
                            }`
                          : ''
                      }`}
                    />
                  </ListItem>
                ))}
              </List>
            </Box>
          )}
        </>
      }
      action={action}
    />
  );
};
