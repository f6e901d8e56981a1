import { ReactNode } from 'react';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles(theme => ({
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    '& th': {
      textAlign: 'left',
      verticalAlign: 'top',
      fontWeight: theme.typography.fontWeightMedium as number,
      color: theme.palette.text.secondary,
      padding: theme.spacing(0.5, 2, 0.5, 0),
      whiteSpace: 'nowrap',
      width: '1%',
    },
    '& td': {
      padding: theme.spacing(0.5, 0),
      wordBreak: 'break-word',
    },
  },
}));

/** Label/value rows; rows with an empty value are left out. */
export const Facts = ({
  rows,
  label,
}: {
  rows: Array<[string, ReactNode]>;
  label: string;
}) => {
  const classes = useStyles();
  return (
    <table className={classes.table} aria-label={label}>
      <tbody>
        {rows
          .filter(
            ([, value]) =>
              value !== undefined && value !== null && value !== '',
          )
          .map(([name, value]) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td>{value}</td>
            </tr>
          ))}
      </tbody>
    </table>
  );
};
