import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Box from '@material-ui/core/Box';
import Card from '@material-ui/core/Card';
import CardActions from '@material-ui/core/CardActions';
import CardContent from '@material-ui/core/CardContent';
import CardHeader from '@material-ui/core/CardHeader';
import Typography from '@material-ui/core/Typography';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import CheckIcon from '@material-ui/icons/Check';
import CloseIcon from '@material-ui/icons/Close';
import Alert from '@material-ui/lab/Alert';
import { CodeSnippet, Link } from '@backstage/core-components';
import {
  ApprovalItem,
  renderYaml,
} from '@eks-storage/backstage-plugin-storage-common';
import {
  approvalProgress,
  approverList,
  costGrowthText,
  requestTitle,
  requirementText,
  refusal,
  shortRef,
  sizeText,
} from '../../lib/approvals';
import { formatAge, formatDateTime, formatMonthlyCost } from '../../lib/format';
import { DisabledReasonButton } from '../common/DisabledReasonButton';
import { FindingsList } from '../fields/FindingsList';
import { Facts } from '../ClaimPage/Facts';
import { DecisionKind } from './DecisionDialog';

/** One pending request with everything an approver needs to decide it. */
export const ApprovalCard = (props: {
  item: ApprovalItem;
  requestLink: string;
  /** Whether the caller is an approver; requesters see who decides instead of buttons. */
  approver: boolean;
  onDecide: (kind: DecisionKind) => void;
}) => {
  const { item, requestLink, approver, onDecide } = props;
  const { request, approval, actions } = item;
  const requirement = approval.requirement;
  const { needed, given } = approvalProgress(approval);
  const growth = costGrowthText(item.cost, item.previousCost);
  const warnings = item.findings.filter(f => f.severity !== 'error');
  const manifests = request.manifests?.length
    ? renderYaml(request.manifests)
    : '';
  const spec = (request.spec ?? {}) as Record<string, unknown>;
  const testId = `approval-item-${request.id}`;

  return (
    <Card
      variant="outlined"
      data-testid={testId}
      role="article"
      aria-label={requestTitle(request)}
    >
      <CardHeader
        title={
          <Link to={requestLink} data-testid={`${testId}-link`}>
            {requestTitle(request)}
          </Link>
        }
        subheader={`Requested by ${shortRef(request.requestedBy)} ${formatAge(
          request.createdAt,
        )} ago`}
        titleTypographyProps={{ variant: 'h6', component: 'h3' } as any}
      />
      <CardContent>
        {requirement && (
          <Alert
            severity="info"
            role="note"
            variant="outlined"
            data-testid={`${testId}-rule`}
            style={{ marginBottom: 8 }}
          >
            {requirementText(requirement)}
            <Typography variant="caption" display="block">
              Approvers: {approverList(requirement.approvers, requirement.mode)}
              {needed > 1 && ` · ${given} of ${needed} approvals`}
              {` · expires ${formatDateTime(requirement.expiresAt)}`}
            </Typography>
          </Alert>
        )}
        <Facts
          label="Request"
          rows={[
            ['Requester', shortRef(request.requestedBy)],
            ['Entity', shortRef(request.entityRef)],
            ['Owner', shortRef(item.entityOwner)],
            [
              'Cluster / namespace',
              `${request.cluster} / ${request.namespace}`,
            ],
            ['Claim', request.claimName],
            ['Offering', request.offeringId ?? '—'],
            ['Size', sizeText(item)],
            [
              'Monthly cost',
              `${formatMonthlyCost(item.cost)}${growth ? ` (${growth})` : ''}`,
            ],
            ...(typeof spec.justification === 'string' && spec.justification
              ? ([['Justification', spec.justification]] as [string, string][])
              : []),
          ]}
        />
        {approval.votes.length > 0 && (
          <Box mt={1}>
            <Typography variant="subtitle2">Decisions so far</Typography>
            {approval.votes.map(vote => (
              <Typography
                key={`${vote.approver}-${vote.at}`}
                variant="body2"
                data-testid={`${testId}-vote`}
              >
                {vote.decision === 'approve' ? 'Approved' : 'Rejected'} by{' '}
                {shortRef(vote.approver)}
                {vote.comment ? `: ${vote.comment}` : ''}
              </Typography>
            ))}
          </Box>
        )}
        <FindingsList findings={warnings} />
        {manifests && (
          <Accordion variant="outlined" style={{ marginTop: 8 }}>
            <AccordionSummary
              expandIcon={<ExpandMoreIcon />}
              aria-controls={`${testId}-manifests`}
              id={`${testId}-manifests-header`}
            >
              <Typography variant="body2">Manifests</Typography>
            </AccordionSummary>
            <AccordionDetails
              id={`${testId}-manifests`}
              data-testid={`${testId}-manifests`}
              style={{ display: 'block' }}
            >
              <CodeSnippet
                text={manifests}
                language="yaml"
                showCopyCodeButton
              />
            </AccordionDetails>
          </Accordion>
        )}
      </CardContent>
      <CardActions>
        {approver && (
          <>
            <DisabledReasonButton
              id={`${testId}-approve`}
              label="Approve"
              icon={<CheckIcon />}
              variant="contained"
              disabledReason={refusal(actions.approve)}
              onClick={() => onDecide('approve')}
            />
            <DisabledReasonButton
              id={`${testId}-reject`}
              label="Reject"
              icon={<CloseIcon />}
              color="secondary"
              disabledReason={refusal(actions.reject)}
              onClick={() => onDecide('reject')}
            />
          </>
        )}
        {actions.cancel.allowed && (
          <DisabledReasonButton
            id={`${testId}-cancel`}
            label="Cancel request"
            color="secondary"
            onClick={() => onDecide('cancel')}
          />
        )}
      </CardActions>
    </Card>
  );
};
