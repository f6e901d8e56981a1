import Button from '@material-ui/core/Button';
import Tooltip from '@material-ui/core/Tooltip';
import { VisuallyHidden } from '../common/VisuallyHidden';

/** A day-2 action; when unavailable it stays focusable and says why. */
export const ActionButton = (props: {
  label: string;
  icon: JSX.Element;
  disabledReason?: string;
  onClick: () => void;
  destructive?: boolean;
}) => {
  const { label, icon, disabledReason, onClick, destructive } = props;
  const reasonId = `storage-action-${label.toLowerCase()}-reason`;
  // Not `disabled`: a disabled button cannot be focused, and keyboard users
  // would never learn why the action is unavailable.
  return (
    <>
      <Tooltip title={disabledReason ?? ''}>
        <Button
          variant="outlined"
          color={destructive ? 'secondary' : 'primary'}
          startIcon={icon}
          onClick={disabledReason ? undefined : onClick}
          aria-disabled={disabledReason ? true : undefined}
          aria-describedby={disabledReason ? reasonId : undefined}
          style={disabledReason ? { opacity: 0.5, cursor: 'not-allowed' } : {}}
        >
          {label}
        </Button>
      </Tooltip>
      {disabledReason && (
        <VisuallyHidden id={reasonId}>{disabledReason}</VisuallyHidden>
      )}
    </>
  );
};
