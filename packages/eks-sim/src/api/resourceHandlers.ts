/**
 * The REST verbs over a resource route: query parameters and bodies in,
 * registry calls, JSON (or Table) out.
 */
import { patchTypeOf, decodeBody, readBody } from './body';
import { errors } from './errors';
import { queryBool } from './query';
import { Registry } from './registry';
import { deletedBody, list, listBody, present, Reply } from './resourceReplies';
import {
  deleteOptions,
  objectBody,
  RequestInfo,
  selectorsOf,
  writeOptions,
} from './resourceRequests';

export type { Reply } from './resourceReplies';
export type { RequestInfo } from './resourceRequests';
export { selectorsOf, verbOf } from './resourceRequests';

export async function handleResource(
  registry: Registry,
  info: RequestInfo,
): Promise<Reply> {
  const { route, query } = info;
  const { kind, namespace, name } = route;
  switch (info.verb) {
    case 'get':
      return {
        status: 200,
        body: present(info, registry.get(kind, namespace, name!)),
      };
    case 'list':
      return list(registry, info);
    case 'create': {
      if (name) throw errors.methodNotAllowed();
      const options = writeOptions(info, 'CreateOptions');
      const body = await objectBody(info);
      const created = registry.create(kind, namespace, body, options);
      return { status: 201, body: created, warnings: options.warnings };
    }
    case 'update': {
      const options = writeOptions(info, 'UpdateOptions');
      const body = await objectBody(info);
      const existed = registry.find(kind, namespace, name!) !== undefined;
      return {
        status: existed ? 200 : 201,
        body: registry.update(kind, namespace, name!, body, options),
        warnings: options.warnings,
      };
    }
    case 'patch': {
      const patchType = patchTypeOf(
        info.req.headers['content-type'],
        kind.custom,
      );
      const options = writeOptions(info, 'PatchOptions', patchType);
      const body = decodeBody(
        await readBody(info.req),
        info.req.headers['content-type'],
        kind.kind,
      );
      const existed = registry.find(kind, namespace, name!) !== undefined;
      const result = registry.patch(kind, namespace, name!, patchType, body, {
        ...options,
        force: queryBool(query, 'force') ?? false,
      });
      return {
        status: existed ? 200 : 201,
        body: result,
        warnings: options.warnings,
      };
    }
    case 'delete': {
      const options = await deleteOptions(info);
      const result = registry.delete(kind, namespace, name!, options);
      const wasDeleted =
        options.dryRun === true
          ? result.metadata.deletionTimestamp === undefined
          : registry.find(kind, namespace, name!)?.metadata.uid !==
            result.metadata.uid;
      // staging/src/k8s.io/apiserver/pkg/endpoints/handlers/delete.go: 200,
      // or 202 only when the object stays (finalizers) and the client set
      // orphanDependents=false; a deletion pending on finalizers is a 200.
      const status =
        !wasDeleted && options.orphanDependents === false ? 202 : 200;
      return {
        status,
        body: wasDeleted ? deletedBody(kind, result) : result,
      };
    }
    case 'deletecollection': {
      const options = await deleteOptions(info);
      const { items } = registry.list(kind, {
        namespace,
        ...selectorsOf(kind, query),
      });
      const deleted = items.map(item =>
        registry.delete(
          kind,
          item.metadata.namespace,
          item.metadata.name!,
          options,
        ),
      );
      return {
        status: 200,
        body: listBody(
          kind,
          deleted,
          String(registry.store.currentResourceVersion()),
        ),
      };
    }
    default:
      throw errors.methodNotAllowed();
  }
}
