import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  StorageOffering,
  render,
  renderVolumeClaimTemplate,
  renderYaml,
  createRequestSchema,
  validateRequest,
} from '@eks-storage/backstage-plugin-storage-common';
import { stringify } from 'yaml';
import { ZodImpl, claimInputSchema } from '../shared/claimInput';
import { StorageInputError, refuseOnErrors } from '../shared/errors';
import { toCreateRequest } from '../shared/toCreateRequest';
import { addVolumeClaimTemplate } from './addVolumeClaimTemplate';
import { REPOSITORY_CLUSTER, forRepository } from './forRepository';
import { findOffering } from './offerings';

/** A file the action writes: its path in the workspace and its text. */
interface RenderedFile {
  path: string;
  text: string;
}

/**
 * `storage:render`: writes the manifests of a storage request into the
 * workspace, for repositories that apply them (GitOps), rendered and
 * validated by storage-common exactly as the storage backend does.
 */
export function createRenderStorageAction(options: {
  offerings: () => readonly StorageOffering[];
}) {
  return createTemplateAction({
    id: 'storage:render',
    description:
      "Writes Kubernetes storage manifests into the workspace (a PersistentVolumeClaim, a PersistentVolume for existing volumes, or a StatefulSet's volumeClaimTemplates entry), rendered and validated with the same rules as the storage backend.",
    supportsDryRun: true,
    schema: {
      input: {
        ...claimInputSchema,
        as: (z: ZodImpl) =>
          z
            .enum(['claim', 'volumeClaimTemplate'])
            .optional()
            .describe(
              'claim (default): a PVC (and PV for an existing volume); volumeClaimTemplate: one volume per StatefulSet replica',
            ),
        statefulSet: (z: ZodImpl) =>
          z
            .string()
            .optional()
            .describe(
              'volumeClaimTemplate: the StatefulSet manifest in the workspace to add the entry to; without it the entry is written as a fragment file',
            ),
        statefulSetName: (z: ZodImpl) =>
          z
            .string()
            .optional()
            .describe('Which StatefulSet, when the file has several'),
        targetPath: (z: ZodImpl) =>
          z
            .string()
            .optional()
            .describe('Folder in the workspace (default kubernetes/)'),
        format: (z: ZodImpl) =>
          z.enum(['yaml']).optional().describe('yaml (the only format)'),
      },
      output: {
        files: (z: ZodImpl) =>
          z
            .array(z.string())
            .describe('The files written, relative to the workspace'),
      },
    },
    async handler(ctx) {
      const {
        as = 'claim',
        statefulSet,
        statefulSetName,
        targetPath = 'kubernetes/',
        format = 'yaml',
        ...claim
      } = ctx.input;
      if (format !== 'yaml') {
        throw new StorageInputError(
          `format: ${format} is not supported (fix: use yaml)`,
        );
      }
      const offering = findOffering(options.offerings(), claim.offering);
      const body = toCreateRequest(claim, {
        defaultSize: offering.size.default,
        defaultCluster: REPOSITORY_CLUSTER,
      });
      refuseOnErrors(
        validateRequest(body, offering, { now: new Date() }),
        'The storage manifests were refused',
      );
      const request = createRequestSchema.parse(body);

      const workspace = ctx.workspacePath;
      const folder = resolveSafeChildPath(workspace, targetPath);
      const files: RenderedFile[] = [];
      if (as === 'claim') {
        for (const object of render(request, offering)) {
          const kind = object.kind === 'PersistentVolume' ? 'pv' : 'pvc';
          files.push({
            path: resolveSafeChildPath(
              folder,
              `${request.claimName}.${kind}.yaml`,
            ),
            text: renderYaml([forRepository(object)]),
          });
        }
      } else {
        const rendered = renderVolumeClaimTemplate(request, offering);
        if (!rendered) {
          throw new StorageInputError(
            `offering: ${offering.id} cannot give each replica its own volume: it binds existing volumes (fix: choose an offering that provisions volumes, such as EBS or EFS)`,
          );
        }
        const template = forRepository(rendered);
        if (statefulSet) {
          const path = resolveSafeChildPath(workspace, statefulSet);
          const text = await readFile(path, 'utf8').catch(() => {
            throw new StorageInputError(
              `statefulSet: there is no file ${statefulSet} in the workspace (fix: fetch the StatefulSet manifest first, or leave statefulSet empty for a fragment)`,
            );
          });
          files.push({
            path,
            text: addVolumeClaimTemplate(text, template, {
              file: statefulSet,
              statefulSetName,
            }),
          });
        } else {
          files.push({
            path: resolveSafeChildPath(
              folder,
              `${request.claimName}.volume-claim-template.yaml`,
            ),
            text: `# An entry for spec.volumeClaimTemplates of a StatefulSet.\n${stringify(
              [template],
              { lineWidth: 0 },
            )}`,
          });
        }
      }

      const written: string[] = [];
      for (const file of files) {
        const shown = relative(workspace, file.path);
        written.push(shown);
        // A dry run writes into its own throwaway workspace, so the
        // scaffolder can show the files; nothing reaches a cluster here.
        await mkdir(dirname(file.path), { recursive: true });
        await writeFile(file.path, file.text, 'utf8');
        ctx.logger.info(`Wrote ${shown}`);
      }
      ctx.output('files', written);
    },
  });
}
