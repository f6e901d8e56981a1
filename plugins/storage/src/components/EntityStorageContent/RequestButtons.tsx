import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import AddIcon from '@material-ui/icons/Add';
import DescriptionIcon from '@material-ui/icons/Description';
import { LinkButton } from '@backstage/core-components';
import { useTemplateLink } from '../../hooks/useTemplateLink';

/**
 * The two ways to ask for storage: the dialog on the tab, and the
 * scaffolder template (the same fields, as a guided form) prefilled with
 * the entity, when the app links the scaffolder.
 */
export const RequestButtons = (props: {
  entityRef: string;
  onRequest: () => void;
  /** The template's entity ref; undefined hides the template link. */
  requestTemplate?: string;
}) => {
  const { entityRef, onRequest, requestTemplate } = props;
  const templateLink = useTemplateLink(requestTemplate, { entityRef });
  return (
    <Box display="flex" flexWrap="wrap" style={{ gap: 8 }}>
      <Button
        variant="contained"
        color="primary"
        startIcon={<AddIcon />}
        onClick={onRequest}
      >
        Request storage
      </Button>
      {templateLink && (
        <LinkButton
          variant="outlined"
          color="primary"
          startIcon={<DescriptionIcon />}
          to={templateLink}
        >
          Use a template
        </LinkButton>
      )}
    </Box>
  );
};
