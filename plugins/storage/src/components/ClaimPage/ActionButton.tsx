import { DisabledReasonButton } from '../common/DisabledReasonButton';

/** A day-2 action; when unavailable it stays focusable and says why. */
export const ActionButton = (props: {
  label: string;
  icon: JSX.Element;
  disabledReason?: string;
  onClick: () => void;
  destructive?: boolean;
}) => (
  <DisabledReasonButton
    id={`storage-action-${props.label.toLowerCase()}`}
    label={props.label}
    icon={props.icon}
    disabledReason={props.disabledReason}
    onClick={props.onClick}
    color={props.destructive ? 'secondary' : 'primary'}
  />
);
