import { useEffect } from 'react';
import { JustificationField } from '../../components/actions/JustificationField';
import { decisionText } from '../../lib/approvals';
import { policyProbe } from '../formData';
import { useBackendCheck, useCatalogEntity, useStorageForm } from '../hooks';
import { entityNamespace } from '../namespaces';
import { needsApproval } from '../policy';
import { StorageJustificationFieldSchema } from '../schemas';

/**
 * `StorageJustificationField`: asks why only when policy sends the request
 * to approvers; then it is required. Otherwise it renders nothing.
 */
export const StorageJustificationField = (
  props: typeof StorageJustificationFieldSchema.TProps,
) => {
  const { formData, onChange, idSchema } = props;
  const { answers, offering } = useStorageForm(props);
  const entity = useCatalogEntity(answers.entityRef);
  const probe = policyProbe(answers, offering, {
    namespace: entityNamespace(entity.value),
  });
  const { answer } = useBackendCheck(probe);
  const shown = needsApproval(answer);

  // An answer the validator sees (it runs only for answered fields), so an
  // empty justification is refused when policy asks for one.
  useEffect(() => {
    if (shown && formData === undefined) onChange('');
  }, [shown, formData, onChange]);

  if (!shown) return null;
  const why = answer?.decision
    ? decisionText(answer.decision)
    : `Needs approval by the platform team: ${answer?.approval?.reason}`;
  return (
    <JustificationField
      id={idSchema?.$id ?? 'storage-justification'}
      value={formData ?? ''}
      onChange={value => onChange(value)}
      required
      helperText={`${why}. Say why you need it; the approvers read this.`}
    />
  );
};
