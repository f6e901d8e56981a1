import { RequestStep } from '../../lib/approvals';
import { formatDateTime } from '../../lib/format';
import { TimelineList } from '../common/TimelineList';

/** A request's steps, oldest first. */
export const RequestTimeline = ({ steps }: { steps: RequestStep[] }) => (
  <TimelineList
    label="Request timeline"
    entries={steps.map(step => ({ ...step, caption: formatDateTime(step.at) }))}
  />
);
