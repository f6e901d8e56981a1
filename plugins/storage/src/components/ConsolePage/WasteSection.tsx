import { useMemo, useState } from 'react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import DeleteIcon from '@material-ui/icons/Delete';
import AddLinkIcon from '@material-ui/icons/Link';
import { Link, TableColumn } from '@backstage/core-components';
import {
  ConsoleFinding,
  FleetFindingsResponse,
  FleetViewer,
  SubmitResponse,
} from '@eks-storage/backstage-plugin-storage-common';
import { useClaimLink } from '../../hooks/useRequestLink';
import {
  formatDays,
  formatMonthlyUsd,
  monthlyTotal,
  plural,
} from '../../lib/fleet';
import { DisabledReasonButton } from '../common/DisabledReasonButton';
import { AdoptVolumeDialog } from './AdoptVolumeDialog';
import { ConsoleSection } from './ConsoleSection';
import { DeleteClaimDialog } from './DeleteClaimDialog';
import { DeleteVolumeDialog } from './DeleteVolumeDialog';
import { FindingsTable } from './FindingsTable';
import { daysSince } from './VolumeFacts';
import { useConsoleData } from './useConsoleData';
import { useRefreshUntilGone } from './useRefreshUntilGone';

/** The kinds of waste, by finding code, as the summary names them. */
export const WASTE_KINDS: Record<string, string> = {
  'released-volume': 'Released volumes',
  'unclaimed-volume': 'Volumes with no claim',
  'snapshot-source-deleted': 'Snapshots of deleted claims',
  'unused-claim': 'Claims no pod uses',
  'over-provisioned': 'Over-provisioned claims',
};

/** "Released volumes" for a known code; the code in words otherwise. */
export function wasteKind(code: string): string {
  const known = Object.entries(WASTE_KINDS).find(([prefix]) =>
    code.startsWith(prefix),
  );
  if (known) return known[1];
  const words = code.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Count and monthly cost of each kind of waste, costliest first. */
export function wasteByKind(findings: readonly ConsoleFinding[]) {
  const groups = new Map<string, ConsoleFinding[]>();
  for (const finding of findings) {
    const kind = wasteKind(finding.code);
    groups.set(kind, [...(groups.get(kind) ?? []), finding]);
  }
  return [...groups.entries()]
    .map(([kind, items]) => ({
      kind,
      count: items.length,
      monthlyUsd: monthlyTotal(items),
    }))
    .sort(
      (a, b) => b.monthlyUsd - a.monthlyUsd || a.kind.localeCompare(b.kind),
    );
}

/** The claim a volume or snapshot last belonged to. */
export const lastClaimOf = (finding: ConsoleFinding) =>
  finding.lastClaim ?? finding.volume?.lastClaim;

/** How old the waste is: the finding's own count, else since it began. */
export function wasteAgeDays(finding: ConsoleFinding): number | undefined {
  return (
    finding.ageDays ?? daysSince(finding.since ?? finding.volume?.releasedAt)
  );
}

const wasteColumns: TableColumn<ConsoleFinding>[] = [
  {
    title: 'Last claim',
    field: 'lastClaim.name',
    render: f => {
      const last = lastClaimOf(f);
      return last ? `${last.namespace}/${last.name}` : '—';
    },
  },
  {
    title: 'Age',
    field: 'since',
    cellStyle: { whiteSpace: 'nowrap' },
    customSort: (a, b) => (wasteAgeDays(a) ?? -1) - (wasteAgeDays(b) ?? -1),
    render: f => formatDays(wasteAgeDays(f)),
  },
  {
    title: 'Cost',
    field: 'monthlyUsd',
    cellStyle: { whiteSpace: 'nowrap' },
    type: 'numeric',
    defaultSort: 'desc',
    customSort: (a, b) => (a.monthlyUsd ?? 0) - (b.monthlyUsd ?? 0),
    render: f => (
      <span data-testid={`waste-cost-${f.id}`}>
        {formatMonthlyUsd(f.monthlyUsd)}
      </span>
    ),
  },
];

/** Request statuses on their way to the cluster without anyone deciding. */
const SETTLING = new Set(['approved', 'applying', 'applied']);

type OpenAction = {
  kind: 'delete-volume' | 'adopt-volume' | 'delete-claim';
  finding: ConsoleFinding;
};

/** Why the caller may not clean a finding up, when the console can tell. */
function cleanUpRefusal(viewer: FleetViewer, finding: ConsoleFinding) {
  if (viewer.mayCleanUp || finding.entityRef) return undefined;
  return 'Only the platform team may clean up storage no entity owns';
}

const WasteActions = ({
  finding,
  viewer,
  onOpen,
}: {
  finding: ConsoleFinding;
  viewer: FleetViewer;
  onOpen: (action: OpenAction) => void;
}) => {
  const claimLink = useClaimLink();
  const refusal = cleanUpRefusal(viewer, finding);
  const { object } = finding;
  const id = `waste-${finding.id.replace(/[^a-zA-Z0-9-]/g, '-')}`;
  return (
    <Box display="flex" flexDirection="column" style={{ gap: 8 }}>
      {finding.actions.includes('delete-volume') && (
        <DisabledReasonButton
          id={`${id}-delete`}
          label="Delete"
          icon={<DeleteIcon />}
          color="secondary"
          disabledReason={refusal}
          onClick={() => onOpen({ kind: 'delete-volume', finding })}
        />
      )}
      {finding.actions.includes('adopt-volume') && (
        <DisabledReasonButton
          id={`${id}-adopt`}
          label="Adopt"
          icon={<AddLinkIcon />}
          disabledReason={refusal}
          onClick={() => onOpen({ kind: 'adopt-volume', finding })}
        />
      )}
      {finding.actions.includes('delete-claim') && (
        <DisabledReasonButton
          id={`${id}-delete-claim`}
          label="Delete claim"
          icon={<DeleteIcon />}
          color="secondary"
          disabledReason={refusal}
          onClick={() => onOpen({ kind: 'delete-claim', finding })}
        />
      )}
      {object.kind === 'PersistentVolumeClaim' &&
        object.namespace &&
        (finding.actions.includes('resize') ||
          finding.actions.includes('snapshot')) && (
          <Link
            to={claimLink({
              cluster: finding.cluster,
              namespace: object.namespace,
              name: object.name,
            })}
          >
            Open the claim to{' '}
            {finding.actions.includes('resize') ? 'resize' : 'snapshot'} it
          </Link>
        )}
    </Box>
  );
};

/** The waste findings with their cost and the actions that remove them. */
export const WasteView = ({
  value,
  onChanged,
}: {
  value: FleetFindingsResponse;
  /** Told when an action was accepted, so the list is loaded again. */
  onChanged: () => void;
}) => {
  const [open, setOpen] = useState<OpenAction | undefined>();
  const close = () => setOpen(undefined);
  const awaitGone = useRefreshUntilGone(
    onChanged,
    useMemo(() => value.items.map(f => f.id), [value.items]),
  );
  /** Loads the list again; a delete on its way is followed until its row goes. */
  const submitted =
    (finding: ConsoleFinding, kind: OpenAction['kind']) =>
    (response: SubmitResponse) => {
      onChanged();
      const { status } = response.request;
      if (kind !== 'adopt-volume' && SETTLING.has(status)) {
        awaitGone(finding.id);
      }
    };
  const kinds = wasteByKind(value.items);
  return (
    <>
      {!value.viewer.mayCleanUp && (
        <Alert severity="info" role="note" style={{ marginBottom: 16 }}>
          You may clean up storage of entities your teams own; the platform team
          may clean up any. Every action is a storage request, checked again by
          the backend and its policy.
        </Alert>
      )}
      {kinds.length > 0 && (
        <Box
          display="flex"
          flexWrap="wrap"
          style={{ gap: 8 }}
          mb={2}
          aria-label="Waste by kind"
          role="list"
        >
          {kinds.map(k => (
            <Chip
              key={k.kind}
              role="listitem"
              variant="outlined"
              label={`${k.kind}: ${k.count} · ${formatMonthlyUsd(
                k.monthlyUsd,
              )}`}
            />
          ))}
        </Box>
      )}
      <FindingsTable
        id="storage-waste"
        title="Waste"
        findings={value.items}
        columns={wasteColumns}
        actions={finding => (
          <WasteActions
            finding={finding}
            viewer={value.viewer}
            onOpen={setOpen}
          />
        )}
        emptyMessage="Nothing is paid for and unused: no Released or unclaimed volumes, no snapshots of deleted claims, no idle or oversized claims."
      />
      {open?.kind === 'delete-volume' && (
        <DeleteVolumeDialog
          finding={open.finding}
          onClose={close}
          onSubmitted={submitted(open.finding, open.kind)}
          onAdoptFirst={
            open.finding.actions.includes('adopt-volume')
              ? () => setOpen({ kind: 'adopt-volume', finding: open.finding })
              : undefined
          }
        />
      )}
      {open?.kind === 'adopt-volume' && (
        <AdoptVolumeDialog
          finding={open.finding}
          onClose={close}
          onSubmitted={submitted(open.finding, open.kind)}
        />
      )}
      {open?.kind === 'delete-claim' && (
        <DeleteClaimDialog
          finding={open.finding}
          onClose={close}
          onSubmitted={submitted(open.finding, open.kind)}
        />
      )}
    </>
  );
};

/** Waste: what is paid for and not used, with its cost and the way to remove it. */
export const WasteSection = () => {
  const data = useConsoleData(api => api.listFleetWaste());
  return (
    <ConsoleSection
      title="Waste"
      {...data}
      clusters={v => v.clusters}
      generatedAt={v => v.generatedAt}
      summary={v => (
        <>
          {plural(v.items.length, 'finding')} costing{' '}
          <Typography
            component="strong"
            variant="inherit"
            data-testid="storage-waste-total"
            style={{ fontWeight: 700 }}
          >
            {formatMonthlyUsd(v.totalMonthlyUsd)}
          </Typography>{' '}
          at list prices.
        </>
      )}
    >
      {value => <WasteView value={value} onChanged={data.retry} />}
    </ConsoleSection>
  );
};
