import {
  KubernetesListObject,
  KubernetesObject,
  Observable,
  ObservableMiddleware,
  ResponseContext,
  SelfDecodingBody,
} from '@kubernetes/client-node';
import { RelistingWatch } from './relistingWatch';

/**
 * How the cluster cache's informers list and watch: lists read a page at a
 * time as the API server's JSON, watches pass objects on slimmed.
 */

/** Objects per list request, as client-go's reflectors page their lists. */
export const LIST_PAGE_SIZE = 500;

/** One page of a list: `limit` objects from the `_continue` token on. */
export type ListPage = { limit: number; _continue?: string };

/** A list as the API server sends it: items, and the list's metadata. */
interface RawList {
  items?: KubernetesObject[];
  metadata?: { resourceVersion?: string; continue?: string };
}

export type RawListOptions = {
  middleware: ObservableMiddleware[];
  middlewareMergeStrategy: 'append';
};

const EMPTY_LIST = '{"apiVersion":"v1","kind":"List","metadata":{},"items":[]}';

/**
 * Options for a client-node list call that hand the API server's JSON to
 * `capture` and give client-node an empty list to make model objects of:
 * the cache slims the JSON itself, and converting every object of a large
 * cluster into client-node's classes first doubled the first sync's work
 * and garbage. Errors pass through untouched, as client-node reports them.
 */
function capturing(capture: (list: RawList) => void): RawListOptions {
  const keep = async (response: ResponseContext) => {
    if (response.httpStatusCode < 200 || response.httpStatusCode > 299) {
      return response;
    }
    capture(JSON.parse(await response.body.text()));
    return new ResponseContext(
      response.httpStatusCode,
      response.headers,
      new SelfDecodingBody(Promise.resolve(Buffer.from(EMPTY_LIST))),
    );
  };
  return {
    middlewareMergeStrategy: 'append',
    middleware: [
      {
        pre: context => new Observable(Promise.resolve(context)),
        post: response => new Observable(keep(response)),
      },
    ],
  };
}

/**
 * Lists every object a page at a time (`listPage`, a client-node list call), keeping of each what
 * `slim` returns: the objects the API server sent are garbage page by page
 * instead of all at once, and no answer holds a whole cluster's pods.
 */
export async function listAll<T extends KubernetesObject>(
  listPage: (page: ListPage, options: RawListOptions) => Promise<unknown>,
  slim: (object: T) => T,
): Promise<KubernetesListObject<T>> {
  const items: T[] = [];
  let resourceVersion: string | undefined;
  let token: string | undefined;
  do {
    let page: RawList = {};
    await listPage(
      { limit: LIST_PAGE_SIZE, ...(token && { _continue: token }) },
      capturing(list => {
        page = list;
      }),
    );
    for (const item of page.items ?? []) items.push(slim(item as T));
    // Every page of one list is read at the first page's version.
    resourceVersion ??= page.metadata?.resourceVersion;
    token = page.metadata?.continue || undefined;
  } while (token);
  return {
    apiVersion: 'v1',
    kind: 'List',
    items,
    metadata: { resourceVersion },
  };
}

/**
 * A watch whose objects reach the informer slimmed (see slimObjects), and
 * that relists when the server has not reached the watched version
 * (RelistingWatch).
 */
export class SlimmingWatch extends RelistingWatch {
  constructor(
    config: ConstructorParameters<typeof RelistingWatch>[0],
    private readonly slim: (object: KubernetesObject) => KubernetesObject,
  ) {
    super(config);
  }

  override watch(
    path: string,
    queryParams: Record<string, string | number | boolean | undefined>,
    callback: (phase: string, apiObj: any, watchObj?: any) => void,
    done: (err: any) => void,
  ): Promise<AbortController> {
    return super.watch(
      path,
      queryParams,
      (phase, object, watchObject) =>
        // ERROR carries a Status (its code tells the informer to relist).
        callback(
          phase,
          phase === 'ERROR' || phase === 'BOOKMARK'
            ? object
            : this.slim(object),
          watchObject,
        ),
      done,
    );
  }
}
