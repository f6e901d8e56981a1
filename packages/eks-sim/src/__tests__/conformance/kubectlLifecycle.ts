/**
 * The conformance lifecycle driven by the real kubectl (v1.32): the same
 * steps and report as the other clients, through kubectl's own commands
 * (`get --raw` where only the raw API shows the behaviour, `-v=9` for the
 * status codes kubectl does not print). Steps kubectl cannot express are
 * listed in `notApplicable`.
 */
import { execFile, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { eventually } from '../helpers';
import { LifecycleReport, SNAPSHOT_GROUP } from './report';

const run = promisify(execFile);

const CODES: Record<string, number> = {
  BadRequest: 400,
  Forbidden: 403,
  NotFound: 404,
  Conflict: 409,
  AlreadyExists: 409,
  Expired: 410,
  Gone: 410,
  Invalid: 422,
};

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** The Status kubectl printed for a failed request: "Error from server (Reason): …" or "The Kind "x" is invalid: …". */
export function kubectlError(stderr: string) {
  const server =
    /Error from server \((\w+)\): (?:error when \w+ "[^"]*": )?(.*)/.exec(
      stderr,
    );
  if (server) {
    return { code: CODES[server[1]], reason: server[1], message: server[2] };
  }
  const invalid = /^(The \w+ "[^"]*" is invalid: .*)$/m.exec(stderr);
  if (invalid) {
    return {
      code: 422,
      reason: 'Invalid',
      message: invalid[1].replace(/^The /, ''),
    };
  }
  const apply = /^error: (Apply failed with \d+ conflicts?: .*)$/m.exec(stderr);
  if (apply) return { code: 409, reason: 'Conflict', message: apply[1] };
  return { code: null, reason: undefined, message: stderr.trim() };
}

/** The status code and body of the request kubectl logged at -v=9. */
function logged(stderr: string, method: string) {
  const status = new RegExp(`${method} \\S+ (\\d{3}) `).exec(stderr);
  const body = /"Response Body" body="((?:[^"\\]|\\.)*)"/.exec(stderr);
  return {
    status: status ? Number(status[1]) : undefined,
    body: body ? JSON.parse(JSON.parse(`"${body[1]}"`)) : undefined,
  };
}

export async function kubectlLifecycle(
  binary: string,
  dir: string,
  ns: string,
): Promise<LifecycleReport> {
  const kubectl = async (...args: string[]): Promise<Result> => {
    try {
      const { stdout, stderr } = await run(
        binary,
        [
          '--kubeconfig',
          join(dir, 'config'),
          '--cache-dir',
          join(dir, 'cache'),
          ...args,
        ],
        { timeout: 20_000, maxBuffer: 16 * 1024 * 1024 },
      );
      return { code: 0, stdout, stderr };
    } catch (error: any) {
      return { code: error.code, stdout: error.stdout, stderr: error.stderr };
    }
  };
  const ok = async (...args: string[]) => {
    const result = await kubectl(...args);
    if (result.code !== 0) {
      throw new Error(`kubectl ${args.join(' ')}: ${result.stderr}`);
    }
    return result.stdout;
  };
  const json = async (...args: string[]) =>
    JSON.parse(await ok(...args, '-o', 'json'));
  const raw = async (path: string) =>
    JSON.parse(await ok('get', '--raw', path));
  const file = (name: string, object: unknown) => {
    const path = join(dir, `${ns}-${name}.json`);
    writeFileSync(path, JSON.stringify(object));
    return path;
  };
  const claim = (
    name: string,
    options: {
      labels?: Record<string, string>;
      storage?: string;
      dataSource?: unknown;
    } = {},
  ) =>
    file(name, {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: {
        name,
        labels: options.labels ?? { conformance: 'lifecycle' },
      },
      spec: {
        accessModes: ['ReadWriteOnce'],
        storageClassName: 'gp3-immediate',
        resources: { requests: { storage: options.storage ?? '10Gi' } },
        ...(options.dataSource ? { dataSource: options.dataSource } : {}),
      },
    });
  const pvc = (name: string) => json('get', 'pvc', name, '-n', ns);
  const gone = async (name: string) =>
    (await kubectl('get', 'pvc', name, '-n', ns)).code !== 0;
  const pvcPath = (namespace: string) =>
    `/api/v1/namespaces/${namespace}/persistentvolumeclaims`;
  const report: LifecycleReport = {
    notApplicable: [
      // kubectl always sends a field manager, and validates --cascade itself.
      'patches.missingManager',
      'delete.orphanDependentsFalseStatus',
      'delete.badPolicy',
    ],
  };

  await ok('create', 'namespace', ns);
  await ok('create', 'namespace', `${ns}-paging`);

  // Typed reads.
  const created = await json(
    'create',
    '-n',
    ns,
    '-f',
    claim('data', { labels: { conformance: 'lifecycle', tier: 'gold' } }),
  );
  const nodes = (await json('get', 'nodes')).items;
  report.typedReads = {
    phase: created.status?.phase,
    volumeMode: created.spec?.volumeMode,
    finalizers: created.metadata?.finalizers,
    nodes: nodes.length,
    nodesWithBootId: nodes.filter((n: any) => n.status?.nodeInfo?.bootID)
      .length,
    storageClasses: (await json('get', 'storageclasses')).items
      .map((sc: any) => sc.metadata.name)
      .sort(),
    version: JSON.parse(await ok('version', '-o', 'json')).serverVersion
      .gitVersion,
  };

  // Selectors.
  await ok(
    'create',
    '-n',
    ns,
    '-f',
    claim('other', { labels: { conformance: 'lifecycle', tier: 'bronze' } }),
  );
  const badField = await kubectl(
    'get',
    '--raw',
    `${pvcPath(ns)}?fieldSelector=${encodeURIComponent(
      'spec.storageClassName=gp3',
    )}`,
  );
  report.selectors = {
    byLabel: (
      await json(
        'get',
        'pvc',
        '-n',
        ns,
        '-l',
        'conformance=lifecycle,tier in (gold)',
      )
    ).items.map((i: any) => i.metadata.name),
    byField: (
      await json('get', 'pvc', '-A', '--field-selector', 'metadata.name=other')
    ).items.map((i: any) => i.metadata.name),
    badField: kubectlError(badField.stderr),
  };

  // Paging across a concurrent write.
  const pagingNs = `${ns}-paging`;
  for (const name of ['p-a', 'p-b', 'p-c', 'p-d', 'p-e']) {
    await ok('create', '-n', pagingNs, '-f', claim(name));
  }
  const page = (cont?: string) =>
    raw(
      `${pvcPath(pagingNs)}?limit=2${
        cont ? `&continue=${encodeURIComponent(cont)}` : ''
      }`,
    );
  const first = await page();
  await ok('create', '-n', pagingNs, '-f', claim('p-bb'));
  await ok('delete', 'pvc', 'p-e', '-n', pagingNs, '--wait=false');
  const second = await page(first.metadata.continue);
  const third = await page(second.metadata.continue);
  report.paging = {
    pages: [first, second, third].map(p =>
      p.items.map((i: any) => i.metadata.name),
    ),
    remainingItemCount: first.metadata.remainingItemCount,
    sameResourceVersion:
      first.metadata.resourceVersion === second.metadata.resourceVersion &&
      second.metadata.resourceVersion === third.metadata.resourceVersion,
    lastContinue: third.metadata.continue ?? null,
    fresh: (await json('get', 'pvc', '-n', pagingNs)).items.map(
      (i: any) => i.metadata.name,
    ),
  };

  // Watch from a list's resourceVersion through Bound.
  // `kubectl get -o json` prints a client-side List without a
  // resourceVersion: the raw list carries the server's.
  const listed = await raw(pvcPath(ns));
  const from = listed.metadata.resourceVersion;
  await ok('create', '-n', ns, '-f', claim('watched'));
  const events: Array<{ type: string; name: string; phase: string }> = [];
  const watcher = spawn(binary, [
    '--kubeconfig',
    join(dir, 'config'),
    'get',
    '--raw',
    `${pvcPath(ns)}?watch=true&resourceVersion=${from}`,
  ]);
  let buffered = '';
  watcher.stdout.on('data', chunk => {
    buffered += String(chunk);
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines.filter(Boolean)) {
      const event = JSON.parse(line);
      events.push({
        type: event.type,
        name: event.object?.metadata?.name,
        phase: event.object?.status?.phase,
      });
    }
  });
  try {
    await eventually(
      () => events.some(e => e.name === 'watched' && e.phase === 'Bound'),
      15_000,
    );
  } finally {
    watcher.kill();
  }
  report.watch = {
    first: events[0] ?? null,
    names: [...new Set(events.map(e => e.name))].sort(),
    bound: true,
  };

  // 410 after compaction (the simulator's restart fault), then relist.
  await ok(
    'create',
    '--raw',
    '/_sim/faults/restart',
    '-f',
    file('restart', {}),
  );
  const expired = await kubectl(
    'get',
    '--raw',
    `${pvcPath(ns)}?watch=true&resourceVersion=${from}`,
  );
  const error = JSON.parse(expired.stdout.trim().split('\n')[0]);
  const relisted = await raw(pvcPath(ns));
  report.expired = {
    code: error.type === 'ERROR' ? error.object.code : null,
    relistNewer: Number(relisted.metadata.resourceVersion) > Number(from),
    relistNames: relisted.items.map((i: any) => i.metadata.name).sort(),
  };

  // Patch types and server-side apply.
  const patch = (type: string, body: unknown) =>
    kubectl(
      'patch',
      'pvc',
      'data',
      '-n',
      ns,
      '--type',
      type,
      '-p',
      JSON.stringify(body),
    );
  await patch('json', [
    { op: 'add', path: '/metadata/labels/patched-by', value: 'json' },
  ]);
  await patch('merge', { metadata: { annotations: { merge: 'yes' } } });
  const strategic = await json(
    'patch',
    'pvc',
    'data',
    '-n',
    ns,
    '--type',
    'strategic',
    '-p',
    JSON.stringify({ metadata: { finalizers: ['example.com/keep'] } }),
  );
  const applyFile = (owner: string) =>
    file(`apply-${owner}`, {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'data', namespace: ns, labels: { owner } },
    });
  const applied = await json(
    'apply',
    '--server-side',
    '--field-manager',
    'alice',
    '--show-managed-fields',
    '-f',
    applyFile('alice'),
  );
  const conflict = await kubectl(
    'apply',
    '--server-side',
    '--field-manager',
    'bob',
    '-f',
    applyFile('bob'),
  );
  const forced = await json(
    'apply',
    '--server-side',
    '--force-conflicts',
    '--field-manager',
    'bob',
    '-f',
    applyFile('bob'),
  );
  await patch('merge', {
    metadata: { finalizers: ['kubernetes.io/pvc-protection'] },
  });
  report.patches = {
    labels: applied.metadata.labels,
    annotations: { merge: applied.metadata.annotations?.merge },
    finalizers: strategic.metadata.finalizers,
    managers: [
      ...new Set(
        (applied.metadata.managedFields ?? []).map((m: any) => m.manager),
      ),
    ].sort(),
    conflict: kubectlError(conflict.stderr),
    forcedOwner: forced.metadata.labels.owner,
  };

  // Optimistic concurrency: replace with a stale resourceVersion.
  const current = await pvc('data');
  const stale = JSON.parse(JSON.stringify(current));
  current.metadata.labels.round = '1';
  await ok('replace', '-f', file('current', current));
  stale.metadata.labels.round = '2';
  report.conflict = kubectlError(
    (await kubectl('replace', '-f', file('stale', stale))).stderr,
  );

  // Finalizers.
  await ok('create', '-n', ns, '-f', claim('held'));
  await ok(
    'patch',
    'pvc',
    'held',
    '-n',
    ns,
    '--type',
    'merge',
    '-p',
    JSON.stringify({
      metadata: {
        finalizers: ['kubernetes.io/pvc-protection', 'example.com/hold'],
      },
    }),
  );
  const deletedHeld = logged(
    (await kubectl('delete', 'pvc', 'held', '-n', ns, '--wait=false', '-v=9'))
      .stderr,
    'DELETE',
  );
  const terminating = await pvc('held');
  const addWhileDeleting = await kubectl(
    'patch',
    'pvc',
    'held',
    '-n',
    ns,
    '--type',
    'merge',
    '-p',
    JSON.stringify({
      metadata: {
        finalizers: [
          'kubernetes.io/pvc-protection',
          'example.com/hold',
          'example.com/late',
        ],
      },
    }),
  );
  await ok(
    'patch',
    'pvc',
    'held',
    '-n',
    ns,
    '--type',
    'json',
    '-p',
    JSON.stringify([{ op: 'remove', path: '/metadata/finalizers' }]),
  );
  await eventually(() => gone('held'));
  report.finalizers = {
    deleteStatus: deletedHeld.status,
    deletionTimestampSet:
      Boolean(deletedHeld.body?.metadata?.deletionTimestamp) &&
      Boolean(terminating.metadata.deletionTimestamp),
    addWhileDeleting: kubectlError(addWhileDeleting.stderr),
    goneAfterRemoval: true,
  };

  // Protection: a claim in use stays until its pod goes.
  await ok(
    'create',
    '-n',
    ns,
    '-f',
    file('pod', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'user' },
      spec: {
        containers: [{ name: 'app', image: 'busybox:1.36' }],
        volumes: [
          { name: 'data', persistentVolumeClaim: { claimName: 'data' } },
        ],
      },
    }),
  );
  await ok(
    'wait',
    '-n',
    ns,
    '--for=jsonpath={.status.phase}=Running',
    'pod/user',
    '--timeout=15s',
  );
  await ok(
    'wait',
    '-n',
    ns,
    '--for=jsonpath={.status.phase}=Bound',
    'pvc/data',
    '--timeout=15s',
  );
  const node = (await json('get', 'pod', 'user', '-n', ns)).spec.nodeName;
  const summary = await raw(`/api/v1/nodes/${node}/proxy/stats/summary`);
  const volume = summary.pods
    .filter((p: any) => p.podRef.name === 'user')
    .flatMap((p: any) => p.volume)[0];
  report.volumeStats = {
    pvcRef: volume.pvcRef,
    capacityBytes: volume.capacityBytes,
    consistent:
      volume.usedBytes + volume.availableBytes === volume.capacityBytes &&
      volume.inodesUsed + volume.inodesFree === volume.inodes,
  };
  const deletedData = logged(
    (await kubectl('delete', 'pvc', 'data', '-n', ns, '--wait=false', '-v=9'))
      .stderr,
    'DELETE',
  );
  await new Promise(resolve => setTimeout(resolve, 300));
  const held = await pvc('data');
  await ok('delete', 'pod', 'user', '-n', ns, '--wait=false');
  await ok('wait', '-n', ns, '--for=delete', 'pvc/data', '--timeout=15s');
  report.protection = {
    deleteStatus: deletedData.status,
    terminatingWhileUsed:
      Boolean(held.metadata.deletionTimestamp) &&
      held.metadata.finalizers.includes('kubernetes.io/pvc-protection'),
    goneAfterPod: true,
  };

  // Snapshot and restore (custom objects).
  await ok('create', '-n', ns, '-f', claim('source', { storage: '8Gi' }));
  await ok(
    'wait',
    '-n',
    ns,
    '--for=jsonpath={.status.phase}=Bound',
    'pvc/source',
    '--timeout=15s',
  );
  await ok(
    'create',
    '-n',
    ns,
    '-f',
    file('snapshot', {
      apiVersion: `${SNAPSHOT_GROUP}/v1`,
      kind: 'VolumeSnapshot',
      metadata: { name: 'source-snap' },
      spec: {
        volumeSnapshotClassName: 'ebs-snapshots',
        source: { persistentVolumeClaimName: 'source' },
      },
    }),
  );
  await ok(
    'wait',
    '-n',
    ns,
    '--for=jsonpath={.status.readyToUse}=true',
    'volumesnapshot/source-snap',
    '--timeout=15s',
  );
  const snap = await json('get', 'volumesnapshot', 'source-snap', '-n', ns);
  const restored = await json(
    'create',
    '-n',
    ns,
    '-f',
    claim('restored', {
      storage: '8Gi',
      dataSource: {
        apiGroup: SNAPSHOT_GROUP,
        kind: 'VolumeSnapshot',
        name: 'source-snap',
      },
    }),
  );
  await ok(
    'wait',
    '-n',
    ns,
    '--for=jsonpath={.status.phase}=Bound',
    'pvc/restored',
    '--timeout=15s',
  );
  const ref = restored.spec.dataSourceRef;
  report.snapshot = {
    readyToUse: snap.status.readyToUse,
    restoreSize: snap.status.restoreSize,
    dataSourceRef: ref
      ? { apiGroup: ref.apiGroup, kind: ref.kind, name: ref.name }
      : null,
    restoredPhase: 'Bound',
  };

  // Delete semantics.
  await ok('create', '-n', ns, '-f', claim('fg'));
  const fg = logged(
    (
      await kubectl(
        'delete',
        'pvc',
        'fg',
        '-n',
        ns,
        '--cascade=foreground',
        '--wait=false',
        '-v=9',
      )
    ).stderr,
    'DELETE',
  );
  await ok('wait', '-n', ns, '--for=delete', 'pvc/fg', '--timeout=15s');
  const dry = logged(
    (
      await kubectl(
        'delete',
        'pvc',
        'restored',
        '-n',
        ns,
        '--dry-run=server',
        '-v=9',
      )
    ).stderr,
    'DELETE',
  );
  const dryRunKept = !(await gone('restored'));
  await ok('delete', 'pvc', 'restored', '-n', ns, '--wait=false');
  await ok(
    'delete',
    'volumesnapshot',
    'source-snap',
    '-n',
    ns,
    '--timeout=15s',
  );
  report.delete = {
    foregroundStatus: fg.status,
    foregroundFinalizer: (fg.body?.metadata?.finalizers ?? []).includes(
      'foregroundDeletion',
    ),
    dryRunStatus: dry.status,
    dryRunKept,
    snapshotGone: !(
      await kubectl('get', 'volumesnapshot', 'source-snap', '-n', ns)
    ).stdout,
  };
  return report;
}
