import { ReactNode } from 'react';
import Button from '@material-ui/core/Button';
import Tooltip from '@material-ui/core/Tooltip';
import { VisuallyHidden } from './VisuallyHidden';

/**
 * A button for an action the backend may refuse: when the caller may not
 * take it, it stays focusable (so keyboard users learn why), does nothing,
 * and carries the reason as its description and tooltip.
 */
export const DisabledReasonButton = (props: {
  /** Unique on the page: the reason's element id derives from it. */
  id: string;
  label: string;
  icon?: ReactNode;
  disabledReason?: string;
  onClick: () => void;
  color?: 'primary' | 'secondary' | 'default';
  variant?: 'outlined' | 'contained';
}) => {
  const {
    id,
    label,
    icon,
    disabledReason,
    onClick,
    color = 'primary',
    variant = 'outlined',
  } = props;
  const reasonId = `${id}-reason`;
  return (
    <>
      <Tooltip title={disabledReason ?? ''}>
        <Button
          id={id}
          data-testid={id}
          variant={variant}
          color={color}
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
