import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { SvgIconProps } from '@material-ui/core/SvgIcon';
import StorageIcon from '@material-ui/icons/Storage';
import FolderSharedIcon from '@material-ui/icons/FolderShared';
import FlashOnIcon from '@material-ui/icons/FlashOn';
import CloudQueueIcon from '@material-ui/icons/CloudQueue';
import DnsIcon from '@material-ui/icons/Dns';
import HelpOutlineIcon from '@material-ui/icons/HelpOutline';
import { DriverId } from '@eks-storage/backstage-plugin-storage-common';
import { driverShortTitle, driverTitle } from '../../lib/format';

const ICONS: Record<DriverId, (props: SvgIconProps) => JSX.Element> = {
  ebs: StorageIcon,
  efs: FolderSharedIcon,
  'fsx-lustre': FlashOnIcon,
  s3: CloudQueueIcon,
  ontap: DnsIcon,
};

/** The icon of a CSI driver (EBS, EFS, FSx for Lustre, ONTAP, S3). */
export const DriverIcon = ({
  driver,
  ...props
}: { driver?: DriverId | string } & SvgIconProps) => {
  const Icon = ICONS[driver as DriverId] ?? HelpOutlineIcon;
  return <Icon aria-hidden titleAccess={undefined} {...props} />;
};

const useStyles = makeStyles(
  { label: { display: 'flex', alignItems: 'center', gap: 8 } },
  { name: 'StorageDriverLabel' },
);

/** Icon and short name of a driver, with the full name as a tooltip. */
export const DriverLabel = ({ driver }: { driver?: DriverId | string }) => {
  const classes = useStyles();
  return (
    <Tooltip title={driverTitle(driver)}>
      <div className={classes.label}>
        <DriverIcon driver={driver} fontSize="small" color="action" />
        <Typography variant="body2" component="span" noWrap>
          {driver ? driverShortTitle(driver) : 'Unknown'}
        </Typography>
      </div>
    </Tooltip>
  );
};
