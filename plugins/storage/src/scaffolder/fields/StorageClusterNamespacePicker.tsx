import { useEffect } from 'react';
import Box from '@material-ui/core/Box';
import FormLabel from '@material-ui/core/FormLabel';
import Typography from '@material-ui/core/Typography';
import { TextInput } from '../../components/common/TextInput';
import { ClusterSelect } from '../../components/fields/ClusterSelect';
import { KUBERNETES_NAMESPACE_ANNOTATION } from '../../annotations';
import { policyProbe } from '../formData';
import {
  useBackendCheck,
  useCatalogEntity,
  useEntityClaims,
  useStorageForm,
} from '../hooks';
import { entityNamespace, namespaceCheck } from '../namespaces';
import { backendErrors } from '../policy';
import { StorageClusterNamespacePickerFieldSchema } from '../schemas';
import { FieldStatus } from './FieldStatus';

/**
 * `StorageClusterNamespacePicker`: a cluster that serves the chosen offering
 * (of the entity's clusters), and the entity's namespace from its
 * annotation; another namespace only where the platform granted it.
 */
export const StorageClusterNamespacePicker = (
  props: typeof StorageClusterNamespacePickerFieldSchema.TProps,
) => {
  const { formData, onChange, schema, disabled, idSchema } = props;
  const id = idSchema?.$id ?? 'storage-cluster-namespace';
  const form = useStorageForm(props);
  const { offering, answers } = form;
  const entity = useCatalogEntity(answers.entityRef);
  const claims = useEntityClaims(answers.entityRef);
  const entityClusters = claims.value?.clusters.map(c => c.name);
  const served = offering
    ? offering.clusters
    : [...new Set(form.offerings.flatMap(o => o.clusters))];
  const clusters = entityClusters
    ? served.filter(c => entityClusters.includes(c))
    : served;
  const own = entityNamespace(entity.value);
  const cluster = formData?.cluster ?? '';
  const namespace = formData?.namespace ?? '';

  // The first cluster that serves the offering, in the entity's namespace,
  // once the entity (and so its namespace) is known.
  const firstCluster = clusters[0];
  const clusterServed = clusters.includes(cluster);
  const known = !form.loading && !entity.loading && !claims.loading;
  useEffect(() => {
    if (!known || !firstCluster) return;
    if (clusterServed && formData?.namespace !== undefined) return;
    onChange({
      cluster: clusterServed ? cluster : firstCluster,
      namespace: formData?.namespace ?? own ?? '',
    });
  }, [
    known,
    firstCluster,
    clusterServed,
    cluster,
    formData?.namespace,
    own,
    onChange,
  ]);

  const check = namespaceCheck(namespace.trim(), entity.value);
  // Another namespace than the entity's own: ask the backend whether the
  // platform granted it to the owner.
  const probe =
    check.needsBackend && !check.problem && offering && cluster
      ? policyProbe(
          {
            ...answers,
            cluster,
            namespace: namespace.trim(),
            size: answers.size ?? offering.size.default,
          },
          offering,
          {},
        )
      : undefined;
  const backend = useBackendCheck(probe);
  const refusal = backendErrors(backend.answer, 'namespace')[0]?.message;

  const loading = form.loading || entity.loading || claims.loading;
  // The entity's clusters narrow the list when they can be read.
  const error = form.error ?? entity.error;
  if (loading || error) return <FieldStatus loading={loading} error={error} />;
  if (!clusters.length) {
    return (
      <Typography variant="body2" color="error" role="alert">
        No cluster of {answers.entityRef ?? 'the entity'} serves{' '}
        {offering?.title ?? 'storage'} yet: pick another offering, or ask the
        platform team.
      </Typography>
    );
  }
  let help = own
    ? `The namespace of ${entity.value?.metadata.name} (its ${KUBERNETES_NAMESPACE_ANNOTATION} annotation)`
    : `${
        entity.value?.metadata.name ?? 'The entity'
      } has no ${KUBERNETES_NAMESPACE_ANNOTATION} annotation: use a namespace the platform team granted to its owner`;
  if (check.needsBackend && !check.problem) {
    help = backend.loading
      ? `Checking that the platform team granted ${namespace} to the owner…`
      : `Not ${
          own ?? 'an annotated namespace'
        }: allowed only where the platform team granted it to the owner`;
  }
  const namespaceProblem = check.problem ?? refusal;
  return (
    <Box>
      {schema.title && <FormLabel component="legend">{schema.title}</FormLabel>}
      <Box display="flex" flexWrap="wrap" style={{ gap: 16 }}>
        <ClusterSelect
          id={`${id}-cluster`}
          clusters={clusters}
          value={clusterServed ? cluster : ''}
          disabled={disabled}
          onChange={next => onChange({ cluster: next, namespace })}
          helperText={
            offering
              ? `Clusters that offer ${offering.title}`
              : 'Clusters with storage offerings'
          }
        />
        <TextInput
          id={`${id}-namespace`}
          fullWidth={false}
          style={{ minWidth: 240, flex: 1 }}
          label="Namespace"
          value={namespace}
          disabled={disabled}
          onChange={event =>
            onChange({ cluster, namespace: event.target.value })
          }
          error={!!namespaceProblem}
          helperText={namespaceProblem ?? help}
        />
      </Box>
    </Box>
  );
};
