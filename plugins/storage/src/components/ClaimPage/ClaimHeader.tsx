import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import ArrowBackIcon from '@material-ui/icons/ArrowBack';
import AspectRatioIcon from '@material-ui/icons/AspectRatio';
import CameraAltIcon from '@material-ui/icons/CameraAlt';
import DeleteIcon from '@material-ui/icons/Delete';
import RestoreIcon from '@material-ui/icons/Restore';
import { Link } from '@backstage/core-components';
import { ClaimDetailResponse } from '@eks-storage/backstage-plugin-storage-common';
import { ActionAvailability } from '../../lib/claims';
import { claimStatusLabel, driverTitle } from '../../lib/format';
import { HeaderRow } from '../common/HeaderRow';
import { DriverIcon } from '../common/DriverIcon';
import { StatusChip } from '../common/StatusChip';
import { ActionButton } from './ActionButton';
import { OpenDialog } from './ClaimDialogs';

/** The way back, the claim's name, driver, place and status, and its day-2 actions. */
export const ClaimHeader = (props: {
  claim: ClaimDetailResponse;
  availability: ActionAvailability;
  onAction: (dialog: OpenDialog) => void;
  backTo: string;
  backLabel: string;
}) => {
  const { claim, availability, onAction, backTo, backLabel } = props;
  return (
    <>
      <Link to={backTo}>
        <Box display="inline-flex" alignItems="center" style={{ gap: 4 }}>
          <ArrowBackIcon fontSize="small" aria-hidden />
          {backLabel}
        </Box>
      </Link>
      <HeaderRow mt={1}>
        <Box display="flex" alignItems="center" style={{ gap: 12 }}>
          <DriverIcon driver={claim.driver} fontSize="large" color="action" />
          <div>
            <Typography variant="h4" component="h2">
              {claim.name}
            </Typography>
            <Typography variant="body2" color="textSecondary">
              {driverTitle(claim.driver)} · {claim.cluster} / {claim.namespace}
            </Typography>
          </div>
          <StatusChip
            label={claimStatusLabel(claim.diagnosis)}
            severity={claim.diagnosis.severity}
            size="medium"
          />
        </Box>
        <Box
          display="flex"
          flexWrap="wrap"
          style={{ gap: 8 }}
          role="group"
          aria-label="Claim actions"
        >
          <ActionButton
            label="Resize"
            icon={<AspectRatioIcon />}
            disabledReason={availability.resize}
            onClick={() => onAction({ kind: 'resize' })}
          />
          <ActionButton
            label="Snapshot"
            icon={<CameraAltIcon />}
            disabledReason={availability.snapshot}
            onClick={() => onAction({ kind: 'snapshot' })}
          />
          <ActionButton
            label="Restore"
            icon={<RestoreIcon />}
            disabledReason={availability.restore}
            onClick={() => onAction({ kind: 'restore' })}
          />
          <ActionButton
            label="Delete"
            icon={<DeleteIcon />}
            destructive
            onClick={() => onAction({ kind: 'delete' })}
          />
        </Box>
      </HeaderRow>
    </>
  );
};
