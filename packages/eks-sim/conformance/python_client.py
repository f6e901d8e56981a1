#!/usr/bin/env python3
"""A storage lifecycle driven by the official Kubernetes Python client.

Run by the eks-sim conformance suite (src/__tests__/conformance.test.ts)
against a started simulator:

    python3 python_client.py --kubeconfig <file> --namespace <ns>

It prints one JSON document of observations; the Jest test holds the
expectations, the same for kubectl, @kubernetes/client-node and this client.
Every read goes through the typed models, so an object missing a field the
API marks required fails here as it would against a real cluster.
"""
import argparse
import contextlib
import json
import sys
import time
import urllib.request

from kubernetes import client, config, watch
from kubernetes.client.rest import ApiException

GROUP = "snapshot.storage.k8s.io"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kubeconfig", required=True)
    parser.add_argument("--namespace", required=True)
    args = parser.parse_args()
    config.load_kube_config(args.kubeconfig)
    report = Lifecycle(args.namespace).run()
    json.dump(report, sys.stdout, indent=2, sort_keys=True, default=str)
    sys.stdout.write("\n")


def claim(name, storage="10Gi", labels=None, storage_class="gp3-immediate", data_source=None):
    return client.V1PersistentVolumeClaim(
        metadata=client.V1ObjectMeta(name=name, labels=labels or {"conformance": "lifecycle"}),
        spec=client.V1PersistentVolumeClaimSpec(
            access_modes=["ReadWriteOnce"],
            storage_class_name=storage_class,
            resources=client.V1ResourceRequirements(requests={"storage": storage}),
            data_source=data_source,
        ),
    )


def error_of(call):
    """(status, reason, message) of a call expected to fail."""
    try:
        call()
    except ApiException as error:
        body = json.loads(error.body) if error.body else {}
        return {"code": error.status, "reason": body.get("reason"), "message": body.get("message")}
    return {"code": None}


class Lifecycle:
    def __init__(self, namespace):
        self.ns = namespace
        self.core = client.CoreV1Api()
        self.custom = client.CustomObjectsApi()
        self.report = {}

    def until(self, check, what, timeout=15.0):
        started = time.time()
        while time.time() - started < timeout:
            value = check()
            if value:
                return value
            time.sleep(0.05)
        raise RuntimeError("timed out waiting for " + what)

    def pvc(self, name):
        return self.core.read_namespaced_persistent_volume_claim(name, self.ns)

    def gone(self, name):
        try:
            self.pvc(name)
            return False
        except ApiException as error:
            return error.status == 404

    @contextlib.contextmanager
    def content_type(self, media_type):
        """The generated patch methods always pick JSON patch; choose another."""
        api_client = self.core.api_client
        original = api_client.select_header_content_type
        api_client.select_header_content_type = lambda _types: media_type
        try:
            yield
        finally:
            api_client.select_header_content_type = original

    def run(self):
        self.core.create_namespace(client.V1Namespace(metadata=client.V1ObjectMeta(name=self.ns)))
        self.core.create_namespace(client.V1Namespace(metadata=client.V1ObjectMeta(name=self.ns + "-paging")))
        self.typed_reads()
        self.selectors()
        self.paging()
        self.watch_to_bound()
        self.expired_watch()
        self.patches()
        self.conflicts()
        self.finalizers()
        self.protection()
        self.snapshot_and_restore()
        self.delete_semantics()
        return self.report

    def typed_reads(self):
        created = self.core.create_namespaced_persistent_volume_claim(self.ns, claim("data", labels={"conformance": "lifecycle", "tier": "gold"}))
        nodes = self.core.list_node().items
        self.report["typedReads"] = {
            "phase": created.status.phase,
            "volumeMode": created.spec.volume_mode,
            "finalizers": created.metadata.finalizers,
            "nodes": len(nodes),
            "nodesWithBootId": len([n for n in nodes if n.status.node_info.boot_id]),
            "storageClasses": sorted(sc.metadata.name for sc in client.StorageV1Api().list_storage_class().items),
            "version": client.VersionApi().get_code().git_version,
        }

    def selectors(self):
        self.core.create_namespaced_persistent_volume_claim(self.ns, claim("other", labels={"conformance": "lifecycle", "tier": "bronze"}))
        by_label = self.core.list_namespaced_persistent_volume_claim(self.ns, label_selector="conformance=lifecycle,tier in (gold)")
        by_field = self.core.list_persistent_volume_claim_for_all_namespaces(field_selector="metadata.name=other")
        self.report["selectors"] = {
            "byLabel": [i.metadata.name for i in by_label.items],
            "byField": [i.metadata.name for i in by_field.items],
            "badField": error_of(lambda: self.core.list_namespaced_persistent_volume_claim(self.ns, field_selector="spec.storageClassName=gp3")),
        }

    def paging(self):
        ns = self.ns + "-paging"
        for name in ["p-a", "p-b", "p-c", "p-d", "p-e"]:
            self.core.create_namespaced_persistent_volume_claim(ns, claim(name))
        first = self.core.list_namespaced_persistent_volume_claim(ns, limit=2)
        # Written between pages: neither may show on later pages.
        self.core.create_namespaced_persistent_volume_claim(ns, claim("p-bb"))
        self.core.delete_namespaced_persistent_volume_claim("p-e", ns)
        second = self.core.list_namespaced_persistent_volume_claim(ns, limit=2, _continue=first.metadata._continue)
        third = self.core.list_namespaced_persistent_volume_claim(ns, limit=2, _continue=second.metadata._continue)
        fresh = self.core.list_namespaced_persistent_volume_claim(ns)
        self.report["paging"] = {
            "pages": [[i.metadata.name for i in page.items] for page in (first, second, third)],
            "remainingItemCount": first.metadata.remaining_item_count,
            "sameResourceVersion": first.metadata.resource_version == second.metadata.resource_version == third.metadata.resource_version,
            "lastContinue": third.metadata._continue,
            "fresh": [i.metadata.name for i in fresh.items],
        }

    def watch_to_bound(self):
        listed = self.core.list_namespaced_persistent_volume_claim(self.ns)
        self.core.create_namespaced_persistent_volume_claim(self.ns, claim("watched"))
        events = []
        stream = watch.Watch()
        for event in stream.stream(
            self.core.list_namespaced_persistent_volume_claim,
            self.ns,
            resource_version=listed.metadata.resource_version,
            timeout_seconds=20,
        ):
            obj = event["object"]
            events.append({"type": event["type"], "name": obj.metadata.name, "phase": obj.status.phase})
            if obj.metadata.name == "watched" and obj.status.phase == "Bound":
                stream.stop()
        self.report["watch"] = {
            "first": events[0] if events else None,
            "names": sorted({e["name"] for e in events}),
            "bound": any(e["name"] == "watched" and e["phase"] == "Bound" for e in events),
        }

    def expired_watch(self):
        old = self.core.list_namespaced_persistent_volume_claim(self.ns).metadata.resource_version
        # The simulator's fault API: a restart with compacted history.
        host = self.core.api_client.configuration.host
        urllib.request.urlopen(urllib.request.Request(host + "/_sim/faults/restart", data=b"{}", method="POST")).read()
        code = None
        try:
            for _event in watch.Watch().stream(
                self.core.list_namespaced_persistent_volume_claim,
                self.ns,
                resource_version=old,
                timeout_seconds=5,
            ):
                pass
        except ApiException as error:
            code = error.status
        relisted = self.core.list_namespaced_persistent_volume_claim(self.ns)
        self.report["expired"] = {
            "code": code,
            "relistNewer": int(relisted.metadata.resource_version) > int(old),
            "relistNames": sorted(i.metadata.name for i in relisted.items),
        }

    def patches(self):
        self.core.patch_namespaced_persistent_volume_claim(
            "data", self.ns, [{"op": "add", "path": "/metadata/labels/patched-by", "value": "json"}]
        )
        with self.content_type("application/merge-patch+json"):
            self.core.patch_namespaced_persistent_volume_claim("data", self.ns, {"metadata": {"annotations": {"merge": "yes"}}})
        # A dict body is sent as a strategic merge patch by this client.
        strategic = self.core.patch_namespaced_persistent_volume_claim(
            "data", self.ns, {"metadata": {"finalizers": ["example.com/keep"]}}
        )
        def apply_config(owner):
            # This client's REST layer sends a non-JSON content type only for a
            # string body: the apply configuration goes as a YAML (JSON) document.
            return json.dumps({"apiVersion": "v1", "kind": "PersistentVolumeClaim", "metadata": {"name": "data", "labels": {"owner": owner}}})

        with self.content_type("application/apply-patch+yaml"):
            applied = self.core.patch_namespaced_persistent_volume_claim("data", self.ns, apply_config("alice"), field_manager="alice")
            conflict = error_of(
                lambda: self.core.patch_namespaced_persistent_volume_claim("data", self.ns, apply_config("bob"), field_manager="bob")
            )
            forced = self.core.patch_namespaced_persistent_volume_claim(
                "data", self.ns, apply_config("bob"), field_manager="bob", force=True
            )
            missing_manager = error_of(lambda: self.core.patch_namespaced_persistent_volume_claim("data", self.ns, apply_config("carol")))
        with self.content_type("application/merge-patch+json"):
            self.core.patch_namespaced_persistent_volume_claim("data", self.ns, {"metadata": {"finalizers": ["kubernetes.io/pvc-protection"]}})
        self.report["patches"] = {
            "labels": applied.metadata.labels,
            "annotations": {k: v for k, v in (applied.metadata.annotations or {}).items() if k == "merge"},
            "finalizers": strategic.metadata.finalizers,
            "managers": sorted({m.manager for m in applied.metadata.managed_fields}),
            "conflict": conflict,
            "forcedOwner": forced.metadata.labels["owner"],
            "missingManager": missing_manager,
        }

    def conflicts(self):
        current = self.pvc("data")
        stale = self.pvc("data")
        current.metadata.labels["round"] = "1"
        self.core.replace_namespaced_persistent_volume_claim("data", self.ns, current)
        stale.metadata.labels["round"] = "2"
        self.report["conflict"] = error_of(lambda: self.core.replace_namespaced_persistent_volume_claim("data", self.ns, stale))

    def finalizers(self):
        self.core.create_namespaced_persistent_volume_claim(self.ns, claim("held"))
        with self.content_type("application/merge-patch+json"):
            self.core.patch_namespaced_persistent_volume_claim(
                "held", self.ns, {"metadata": {"finalizers": ["kubernetes.io/pvc-protection", "example.com/hold"]}}
            )
        deleted, status, _ = self.core.delete_namespaced_persistent_volume_claim_with_http_info("held", self.ns)
        terminating = self.pvc("held")
        with self.content_type("application/merge-patch+json"):
            added = error_of(
                lambda: self.core.patch_namespaced_persistent_volume_claim(
                    "held", self.ns, {"metadata": {"finalizers": ["kubernetes.io/pvc-protection", "example.com/hold", "example.com/late"]}}
                )
            )
            self.core.patch_namespaced_persistent_volume_claim("held", self.ns, {"metadata": {"finalizers": None}})
        self.until(lambda: self.gone("held"), "held to go")
        self.report["finalizers"] = {
            "deleteStatus": status,
            "deletionTimestampSet": deleted.metadata.deletion_timestamp is not None and terminating.metadata.deletion_timestamp is not None,
            "addWhileDeleting": added,
            "goneAfterRemoval": True,
        }

    def protection(self):
        pod = client.V1Pod(
            metadata=client.V1ObjectMeta(name="user"),
            spec=client.V1PodSpec(
                containers=[client.V1Container(name="app", image="busybox:1.36")],
                volumes=[client.V1Volume(name="data", persistent_volume_claim=client.V1PersistentVolumeClaimVolumeSource(claim_name="data"))],
            ),
        )
        self.core.create_namespaced_pod(self.ns, pod)
        self.until(lambda: self.core.read_namespaced_pod("user", self.ns).status.phase == "Running", "the pod to run")
        self.until(lambda: self.pvc("data").status.phase == "Bound", "data to bind")
        node = self.core.read_namespaced_pod("user", self.ns).spec.node_name
        # The generated method types the answer as str: read the raw JSON.
        summary = json.loads(
            self.core.connect_get_node_proxy_with_path(node, "stats/summary", _preload_content=False).data
        )
        volume = next(v for p in summary["pods"] if p["podRef"]["name"] == "user" for v in p["volume"])
        self.report["volumeStats"] = {
            "pvcRef": volume["pvcRef"],
            "capacityBytes": volume["capacityBytes"],
            "consistent": volume["usedBytes"] + volume["availableBytes"] == volume["capacityBytes"]
            and volume["inodesUsed"] + volume["inodesFree"] == volume["inodes"],
        }
        _, status, _ = self.core.delete_namespaced_persistent_volume_claim_with_http_info("data", self.ns)
        time.sleep(0.3)
        held = self.pvc("data")
        self.core.delete_namespaced_pod("user", self.ns, grace_period_seconds=0)
        self.until(lambda: self.gone("data"), "data to go once unused")
        self.report["protection"] = {
            "deleteStatus": status,
            "terminatingWhileUsed": held.metadata.deletion_timestamp is not None and "kubernetes.io/pvc-protection" in held.metadata.finalizers,
            "goneAfterPod": True,
        }

    def snapshot_and_restore(self):
        self.core.create_namespaced_persistent_volume_claim(self.ns, claim("source", storage="8Gi"))
        self.until(lambda: self.pvc("source").status.phase == "Bound", "source to bind")
        self.custom.create_namespaced_custom_object(
            GROUP, "v1", self.ns, "volumesnapshots",
            {"apiVersion": GROUP + "/v1", "kind": "VolumeSnapshot", "metadata": {"name": "source-snap"},
             "spec": {"volumeSnapshotClassName": "ebs-snapshots", "source": {"persistentVolumeClaimName": "source"}}},
        )
        snap = self.until(
            lambda: (lambda s: s if s.get("status", {}).get("readyToUse") else None)(
                self.custom.get_namespaced_custom_object(GROUP, "v1", self.ns, "volumesnapshots", "source-snap")
            ),
            "the snapshot to be ready",
        )
        source = client.V1TypedLocalObjectReference(api_group=GROUP, kind="VolumeSnapshot", name="source-snap")
        restored = self.core.create_namespaced_persistent_volume_claim(self.ns, claim("restored", storage="8Gi", data_source=source))
        self.until(lambda: self.pvc("restored").status.phase == "Bound", "the restore to bind")
        ref = restored.spec.data_source_ref
        self.report["snapshot"] = {
            "readyToUse": snap["status"]["readyToUse"],
            "restoreSize": snap["status"]["restoreSize"],
            "dataSourceRef": {"apiGroup": ref.api_group, "kind": ref.kind, "name": ref.name} if ref else None,
            "restoredPhase": "Bound",
        }

    def delete_semantics(self):
        self.core.create_namespaced_persistent_volume_claim(self.ns, claim("fg"))
        fg, fg_status, _ = self.core.delete_namespaced_persistent_volume_claim_with_http_info(
            "fg", self.ns, body=client.V1DeleteOptions(propagation_policy="Foreground")
        )
        self.until(lambda: self.gone("fg"), "fg to go")
        self.core.create_namespaced_persistent_volume_claim(self.ns, claim("od"))
        _, od_status, _ = self.core.delete_namespaced_persistent_volume_claim_with_http_info(
            "od", self.ns, body=client.V1DeleteOptions(orphan_dependents=False)
        )
        self.until(lambda: self.gone("od"), "od to go")
        bogus = error_of(
            lambda: self.core.delete_namespaced_persistent_volume_claim("restored", self.ns, body=client.V1DeleteOptions(propagation_policy="Sometimes"))
        )
        dry, dry_status, _ = self.core.delete_namespaced_persistent_volume_claim_with_http_info("restored", self.ns, dry_run="All")
        still_there = not self.gone("restored")
        self.core.delete_namespaced_persistent_volume_claim("restored", self.ns)
        self.custom.delete_namespaced_custom_object(GROUP, "v1", self.ns, "volumesnapshots", "source-snap")
        self.until(
            lambda: not any(
                s["metadata"]["name"] == "source-snap"
                for s in self.custom.list_namespaced_custom_object(GROUP, "v1", self.ns, "volumesnapshots")["items"]
            ),
            "the snapshot to go",
        )
        self.report["delete"] = {
            "foregroundStatus": fg_status,
            "foregroundFinalizer": "foregroundDeletion" in (fg.metadata.finalizers or []),
            "orphanDependentsFalseStatus": od_status,
            "badPolicy": bogus,
            "dryRunStatus": dry_status,
            "dryRunKept": still_there,
            "snapshotGone": True,
        }


if __name__ == "__main__":
    main()
