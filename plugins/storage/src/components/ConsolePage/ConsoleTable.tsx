import { ReactNode } from 'react';
import Box from '@material-ui/core/Box';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Switch from '@material-ui/core/Switch';
import Typography from '@material-ui/core/Typography';
import { Link, Table, TableColumn } from '@backstage/core-components';
import { useClaimLink } from '../../hooks/useRequestLink';
import { EntityLink } from '../common/EntityLink';

/** The page size of every console table. */
const PAGE_SIZE = 20;

/**
 * A console table: its title counts the rows shown (and of how many), it
 * pages past 20 rows, searches, and says what an empty table means.
 */
export function ConsoleTable<T extends object>(props: {
  title: string;
  columns: TableColumn<T>[];
  /** The rows the filters let through. */
  rows: readonly T[];
  /** How many rows there are before filtering. */
  total: number;
  /** What no rows at all means, and what to do. */
  emptyMessage: string;
  isLoading?: boolean;
}) {
  const { title, columns, rows, total, emptyMessage, isLoading } = props;
  return (
    <Table<T>
      title={`${title} (${rows.length}${
        rows.length !== total ? ` of ${total}` : ''
      })`}
      isLoading={isLoading}
      columns={columns}
      data={rows as T[]}
      options={{
        paging: rows.length > PAGE_SIZE,
        pageSize: PAGE_SIZE,
        pageSizeOptions: [PAGE_SIZE, 50, 100],
        search: total > 0,
        padding: 'dense',
        emptyRowsWhenPaging: false,
        draggable: false,
      }}
      localization={{
        body: {
          emptyDataSourceMessage: total
            ? 'Nothing matches the filters'
            : emptyMessage,
        },
      }}
    />
  );
}

/** A row of filters above a table, named for screen readers. */
export const FilterBar = (props: { label: string; children: ReactNode }) => (
  <Box
    display="flex"
    flexWrap="wrap"
    alignItems="center"
    style={{ gap: 16 }}
    mb={2}
    role="group"
    aria-label={props.label}
  >
    {props.children}
  </Box>
);

/** An on/off filter ("Only flagged claims"). */
export const ToggleFilter = (props: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) => (
  <FormControlLabel
    control={
      <Switch
        checked={props.checked}
        onChange={event => props.onChange(event.target.checked)}
        color="primary"
      />
    }
    label={props.label}
  />
);

/** A claim in a console table: where it is, a link to its page, and its entity. */
export const ClaimRefCell = (props: {
  claim: { cluster: string; namespace: string; name: string };
  entityRef?: string;
  /** Said after the entity ("production"). */
  note?: string;
  /** A claim that is gone has no page to link to. */
  gone?: boolean;
}) => {
  const claimLink = useClaimLink();
  const { claim, entityRef, note, gone } = props;
  return (
    <>
      <Typography variant="caption" display="block" color="textSecondary">
        {claim.cluster} / {claim.namespace}
      </Typography>
      {gone ? (
        <Typography variant="body2">{claim.name}</Typography>
      ) : (
        <Link to={claimLink(claim)}>{claim.name}</Link>
      )}
      {entityRef && (
        <Typography variant="caption" display="block">
          <EntityLink entityRef={entityRef} />
          {note ? ` · ${note}` : ''}
        </Typography>
      )}
    </>
  );
};
