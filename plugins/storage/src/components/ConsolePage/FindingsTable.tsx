import { ReactNode, useMemo, useState } from 'react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { Link, TableColumn } from '@backstage/core-components';
import { ConsoleFinding } from '@eks-storage/backstage-plugin-storage-common';
import { useClaimLink } from '../../hooks/useRequestLink';
import {
  FINDING_SEVERITY_LABELS,
  FINDING_SEVERITY_ORDER,
  distinct,
  objectLabel,
  sortFindings,
} from '../../lib/fleet';
import { EntityLink } from '../common/EntityLink';
import { FilterSelect, plainOptions } from '../common/FilterSelect';
import { StatusChip } from '../common/StatusChip';
import { ConsoleTable, FilterBar } from './ConsoleTable';

/** The object a finding is about; a claim links to its page. */
export const FindingObject = ({ finding }: { finding: ConsoleFinding }) => {
  const claimLink = useClaimLink();
  const { object, cluster, entityRef } = finding;
  const name = `${object.namespace ? `${object.namespace}/` : ''}${
    object.name
  }`;
  return (
    <>
      <Typography variant="caption" display="block" color="textSecondary">
        {object.kind} in {cluster}
      </Typography>
      {object.kind === 'PersistentVolumeClaim' && object.namespace ? (
        <Link
          to={claimLink({
            cluster,
            namespace: object.namespace,
            name: object.name,
          })}
        >
          {name}
        </Link>
      ) : (
        <Typography variant="body2" component="span">
          {name}
        </Typography>
      )}
      {entityRef && (
        <Typography variant="caption" display="block">
          <EntityLink entityRef={entityRef} />
        </Typography>
      )}
    </>
  );
};

/** What was found, why it matters, and the fix. */
export const FindingText = ({ finding }: { finding: ConsoleFinding }) => (
  <Box display="flex" flexDirection="column" style={{ gap: 4 }}>
    <Typography variant="body2">
      <strong>{finding.title}</strong>
    </Typography>
    {finding.detail && (
      <Typography variant="body2" color="textSecondary">
        {finding.detail}
      </Typography>
    )}
    <Typography variant="body2" data-testid={`finding-fix-${finding.id}`}>
      <strong>Fix:</strong> {finding.fix}
    </Typography>
  </Box>
);

const severityColumn: TableColumn<ConsoleFinding> = {
  title: 'Severity',
  field: 'severity',
  width: '120px',
  customSort: (a, b) =>
    FINDING_SEVERITY_ORDER[a.severity] - FINDING_SEVERITY_ORDER[b.severity],
  render: finding => (
    <StatusChip
      label={FINDING_SEVERITY_LABELS[finding.severity]}
      severity={finding.severity}
    />
  ),
};

const objectColumn: TableColumn<ConsoleFinding> = {
  title: 'Object',
  field: 'object.name',
  cellStyle: { minWidth: 180 },
  customFilterAndSearch: (term: string, finding) =>
    `${finding.cluster} ${objectLabel(finding.object)} ${
      finding.entityRef ?? ''
    }`
      .toLowerCase()
      .includes(term.toLowerCase()),
  render: finding => <FindingObject finding={finding} />,
};

const findingColumn: TableColumn<ConsoleFinding> = {
  title: 'Finding and fix',
  field: 'title',
  cellStyle: { minWidth: 320 },
  customFilterAndSearch: (term: string, finding) =>
    `${finding.title} ${finding.detail} ${finding.fix} ${finding.code}`
      .toLowerCase()
      .includes(term.toLowerCase()),
  render: finding => <FindingText finding={finding} />,
};

export interface FindingsTableProps {
  /** The table's title; the count is added. */
  title: string;
  findings: readonly ConsoleFinding[];
  /** Columns after the finding (cost, age, …). */
  columns?: TableColumn<ConsoleFinding>[];
  /** The actions of a row, in a last column. */
  actions?: (finding: ConsoleFinding) => ReactNode;
  /** Said when nothing matches: what it means, and what to do. */
  emptyMessage: string;
  /** Unique on the page: the filters' ids derive from it. */
  id: string;
}

/**
 * Findings as a table, worst first: severity, the object (a claim links to
 * its page), what is wrong with the fix, and the caller's columns; filters
 * for cluster and severity, and search.
 */
export const FindingsTable = (props: FindingsTableProps) => {
  const { title, findings, emptyMessage, id } = props;
  const [cluster, setCluster] = useState('');
  const [severity, setSeverity] = useState('');
  const sorted = useMemo(() => sortFindings(findings), [findings]);
  const shown = useMemo(
    () =>
      sorted.filter(
        f =>
          (!cluster || f.cluster === cluster) &&
          (!severity || f.severity === severity),
      ),
    [sorted, cluster, severity],
  );
  const columns = useMemo(() => {
    const all = [
      severityColumn,
      objectColumn,
      findingColumn,
      ...(props.columns ?? []),
    ];
    const { actions } = props;
    if (actions) {
      all.push({
        title: 'Actions',
        sorting: false,
        searchable: false,
        cellStyle: { whiteSpace: 'nowrap' },
        render: finding => actions(finding),
      });
    }
    return all;
  }, [props]);

  return (
    <>
      {findings.length > 0 && (
        <FilterBar label={`Filter ${title.toLowerCase()}`}>
          <FilterSelect
            id={`${id}-cluster`}
            label="Cluster"
            value={cluster}
            options={plainOptions(distinct(findings, f => f.cluster))}
            onChange={setCluster}
          />
          <FilterSelect
            id={`${id}-severity`}
            label="Severity"
            value={severity}
            options={(['error', 'warning', 'info'] as const)
              .filter(s => findings.some(f => f.severity === s))
              .map(s => ({ value: s, label: FINDING_SEVERITY_LABELS[s] }))}
            onChange={setSeverity}
          />
        </FilterBar>
      )}
      <ConsoleTable
        title={title}
        columns={columns}
        rows={shown}
        total={findings.length}
        emptyMessage={emptyMessage}
      />
    </>
  );
};
