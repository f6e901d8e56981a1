import {
  ClaimDetailResponse,
  OfferingListItem,
} from '@eks-storage/backstage-plugin-storage-common';
import { ActionAvailability } from '../../lib/claims';
import { DeleteDialog } from '../actions/DeleteDialog';
import { ResizeDialog } from '../actions/ResizeDialog';
import { RestoreDialog } from '../actions/RestoreDialog';
import { SnapshotDialog } from '../actions/SnapshotDialog';

/** The day-2 dialog open on the claim page, if any. */
export type OpenDialog =
  | { kind: 'resize' }
  | { kind: 'snapshot' }
  | { kind: 'restore'; snapshotName?: string }
  | { kind: 'delete' };

/** The open dialog; the delete dialog offers a snapshot first when one can be taken. */
export const ClaimDialogs = (props: {
  dialog: OpenDialog | undefined;
  setDialog: (dialog: OpenDialog | undefined) => void;
  onClose: () => void;
  claim: ClaimDetailResponse;
  offering?: OfferingListItem;
  availability: ActionAvailability;
  onSubmitted: () => void;
}) => {
  const { dialog, setDialog, onClose, claim, offering, availability } = props;
  const dialogProps = {
    open: true,
    onClose,
    claim,
    offering,
    onSubmitted: props.onSubmitted,
  };
  return (
    <>
      {dialog?.kind === 'resize' && <ResizeDialog {...dialogProps} />}
      {dialog?.kind === 'snapshot' && <SnapshotDialog {...dialogProps} />}
      {dialog?.kind === 'restore' && (
        <RestoreDialog {...dialogProps} snapshotName={dialog.snapshotName} />
      )}
      {dialog?.kind === 'delete' && (
        <DeleteDialog
          {...dialogProps}
          onSnapshotFirst={
            availability.snapshot
              ? undefined
              : () => setDialog({ kind: 'snapshot' })
          }
        />
      )}
    </>
  );
};
