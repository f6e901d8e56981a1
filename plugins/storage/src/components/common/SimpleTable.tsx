import { ReactNode } from 'react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { VisuallyHidden } from './VisuallyHidden';

/** A small, labelled table for short lists (consumers, snapshots). */
export function SimpleTable<T>(props: {
  label: string;
  /** Column titles; an empty title is read out as "Actions". */
  headers: string[];
  items: readonly T[];
  rowKey: (item: T) => string;
  cells: (item: T) => ReactNode[];
}) {
  return (
    <Table size="small" aria-label={props.label}>
      <TableHead>
        <TableRow>
          {props.headers.map(header => (
            <TableCell key={header || 'actions'}>
              {header || <VisuallyHidden>Actions</VisuallyHidden>}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {props.items.map(item => (
          <TableRow key={props.rowKey(item)}>
            {props.cells(item).map((cell, index) => (
              <TableCell key={props.headers[index] || index}>{cell}</TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
