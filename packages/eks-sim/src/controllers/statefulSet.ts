/**
 * The StatefulSet controller: ordinal pods `<sts>-<i>` created in order,
 * each with its claims `<template>-<sts>-<i>` from volumeClaimTemplates;
 * claims outlive the pods (retention policy Retain).
 */
import { K8sObject } from '../store/types';
import { clone } from '../api/patch/json';
import { ControllerClient } from './client';
import { ControllerContext } from './context';
import { Controller, keyOf, splitKey } from './runtime';

const SOURCE = { component: 'statefulset-controller' };

function ownerOf(object: K8sObject) {
  return (object.metadata.ownerReferences ?? []).find(
    (o: any) => o.kind === 'StatefulSet' && o.controller,
  ) as { name: string } | undefined;
}

export function statefulSets(ctx: ControllerContext) {
  const client = new ControllerClient(ctx.registry, 'kube-controller-manager');

  const controller: Controller = new Controller(
    {
      name: 'statefulset-controller',
      keysFor: event => {
        if (event.object.kind === 'StatefulSet' && event.type !== 'DELETED')
          return [keyOf(event.object)];
        if (event.object.kind === 'Pod') {
          const owner = ownerOf(event.object);
          return owner
            ? [`${event.object.metadata.namespace}/${owner.name}`]
            : [];
        }
        return [];
      },
      reconcile: key => sync(key),
    },
    ctx.clock,
    ctx.registry.store,
  );

  function claimFor(sts: K8sObject, template: any, ordinal: number): K8sObject {
    const name = `${template.metadata?.name}-${sts.metadata.name}-${ordinal}`;
    return {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: {
        name,
        namespace: sts.metadata.namespace,
        labels: {
          ...(template.metadata?.labels ?? {}),
          ...(sts.spec.selector?.matchLabels ?? {}),
        },
        ...(template.metadata?.annotations
          ? { annotations: template.metadata.annotations }
          : {}),
      },
      spec: clone(template.spec ?? {}),
    };
  }

  function podFor(sts: K8sObject, ordinal: number): K8sObject {
    const name = `${sts.metadata.name}-${ordinal}`;
    const template = clone(sts.spec.template ?? {});
    const spec = template.spec ?? {};
    const volumes = [...(spec.volumes ?? [])];
    for (const claimTemplate of sts.spec.volumeClaimTemplates ?? []) {
      volumes.push({
        name: claimTemplate.metadata?.name,
        persistentVolumeClaim: {
          claimName: `${claimTemplate.metadata?.name}-${sts.metadata.name}-${ordinal}`,
        },
      });
    }
    return {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name,
        namespace: sts.metadata.namespace,
        labels: {
          ...(template.metadata?.labels ?? {}),
          'apps.kubernetes.io/pod-index': String(ordinal),
          'controller-revision-hash': `${sts.metadata.name}-6d8f7c9b5`,
          'statefulset.kubernetes.io/pod-name': name,
        },
        ...(template.metadata?.annotations
          ? { annotations: template.metadata.annotations }
          : {}),
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: 'StatefulSet',
            name: sts.metadata.name,
            uid: sts.metadata.uid,
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      spec: {
        ...spec,
        volumes,
        hostname: name,
        ...(sts.spec.serviceName ? { subdomain: sts.spec.serviceName } : {}),
      },
    };
  }

  function isReady(pod: K8sObject | undefined) {
    return pod?.status?.phase === 'Running' && !pod.metadata.deletionTimestamp;
  }

  function sync(key: string) {
    const [namespace, name] = splitKey(key);
    const sts = client.get('StatefulSet', namespace, name);
    const pods = client
      .list('Pod', namespace)
      .filter(p => ownerOf(p)?.name === name);
    if (!sts) {
      pods.forEach(p => client.delete(p));
      return;
    }
    const replicas: number = sts.spec?.replicas ?? 1;
    const ordered = sts.spec?.podManagementPolicy !== 'Parallel';
    for (let i = 0; i < replicas; i++) {
      const podName = `${name}-${i}`;
      const existing = pods.find(p => p.metadata.name === podName);
      if (existing) {
        if (ordered && !isReady(existing)) break;
        continue;
      }
      for (const template of sts.spec.volumeClaimTemplates ?? []) {
        const claim = claimFor(sts, template, i);
        if (
          !client.get('PersistentVolumeClaim', namespace, claim.metadata.name!)
        ) {
          try {
            client.create(claim);
            ctx.events.normal(
              sts,
              'SuccessfulCreate',
              `create Claim ${claim.metadata.name} Pod ${podName} in StatefulSet ${name} success`,
              SOURCE,
            );
          } catch (error) {
            ctx.events.warning(
              sts,
              'FailedCreate',
              `create Claim ${
                claim.metadata.name
              } for Pod ${podName} in StatefulSet ${name} failed error: ${
                (error as Error).message
              }`,
              SOURCE,
            );
            return;
          }
        }
      }
      client.create(podFor(sts, i));
      ctx.events.normal(
        sts,
        'SuccessfulCreate',
        `create Pod ${podName} in StatefulSet ${name} successful`,
        SOURCE,
      );
      if (ordered) break;
    }
    const surplus = pods
      .filter(
        p =>
          Number(p.metadata.name!.slice(name!.length + 1)) >= replicas &&
          !p.metadata.deletionTimestamp,
      )
      .sort((a, b) => b.metadata.name!.localeCompare(a.metadata.name!));
    if (surplus.length > 0) {
      client.delete(surplus[0]);
      ctx.events.normal(
        sts,
        'SuccessfulDelete',
        `delete Pod ${surplus[0].metadata.name} in StatefulSet ${name} successful`,
        SOURCE,
      );
    }
    const current = client
      .list('Pod', namespace)
      .filter(p => ownerOf(p)?.name === name);
    const ready = current.filter(isReady).length;
    const status = {
      observedGeneration: sts.metadata.generation,
      replicas: current.length,
      readyReplicas: ready,
      currentReplicas: current.length,
      updatedReplicas: current.length,
      availableReplicas: ready,
      currentRevision: `${name}-6d8f7c9b5`,
      updateRevision: `${name}-6d8f7c9b5`,
      collisionCount: 0,
    };
    client.update(sts, c => (c.status = status), { status: true });
  }

  return { stop: () => controller.stop() };
}
