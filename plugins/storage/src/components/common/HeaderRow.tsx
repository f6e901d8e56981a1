import Box, { BoxProps } from '@material-ui/core/Box';

/**
 * A heading on one side and its actions on the other, wrapping onto two
 * lines on a narrow screen; pages set only their own margins.
 */
export const HeaderRow = (props: BoxProps) => (
  <Box
    display="flex"
    flexWrap="wrap"
    alignItems="center"
    justifyContent="space-between"
    style={{ gap: 16 }}
    {...props}
  />
);
