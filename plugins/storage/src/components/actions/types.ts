import {
  ClaimDetailResponse,
  OfferingListItem,
  SubmitResponse,
} from '@eks-storage/backstage-plugin-storage-common';

/** What every day-2 action dialog receives. */
export interface ClaimActionDialogProps {
  open: boolean;
  onClose: () => void;
  claim: ClaimDetailResponse;
  offering?: OfferingListItem;
  /** Told when the backend accepted the request. */
  onSubmitted?: (response: SubmitResponse) => void;
}
