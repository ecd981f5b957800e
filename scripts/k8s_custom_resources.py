"""Checks of scripts/k8s_validate.py for what the Kubernetes schemas do not cover:

- custom resources (Strimzi's Kafka, KafkaNodePool, KafkaTopic, KafkaUser; KEDA's
  ScaledObject) against the schemas their projects publish, packaged on npm by
  kubernetes-models and installed by scripts/k8s_validate.sh (validate.mjs runs them);
- scaling: no workload may be given more replicas than its consumer groups have
  partitions (the `livebid.io/max-replicas` annotation, generated from
  livebid_platform/access.py), neither by `replicas`, nor by an autoscaler's maximum.
"""

from __future__ import annotations

import json
import subprocess
import tempfile
from pathlib import Path
from typing import Any

Obj = dict[str, Any]

CUSTOM_GROUPS = ("kafka.strimzi.io/", "keda.sh/", "monitoring.coreos.com/")
MAX_REPLICAS = "livebid.io/max-replicas"
# KEDA scales up to this many replicas when a ScaledObject names no maximum.
KEDA_DEFAULT_MAX = 100


def is_custom(obj: Obj) -> bool:
    return str(obj.get("apiVersion", "")).startswith(CUSTOM_GROUPS)


def check_custom(objs: list[Obj], validator: Path | None) -> list[str]:
    """Schema errors of the custom resources among `objs` (all of them, at once)."""
    custom = [o for o in objs if is_custom(o)]
    if not custom:
        return []
    if validator is None or not validator.exists():
        return [f"{len(custom)} custom resources, and no CRD schema validator installed"]
    with tempfile.NamedTemporaryFile("w", suffix=".json") as batch:
        json.dump(custom, batch)
        batch.flush()
        done = subprocess.run(
            ["node", str(validator), batch.name], capture_output=True, text=True, check=False
        )
    if done.returncode != 0:
        return [f"CRD schema validator failed: {done.stderr.strip()[-500:]}"]
    errors: list[str] = json.loads(done.stdout)["errors"]
    return errors


def _name(obj: Obj) -> str:
    return f"{obj.get('kind')}/{obj['metadata']['name']}"


def check_scaling(objs: list[Obj]) -> list[str]:
    limits = {}
    errors = []
    for obj in objs:
        limit = obj["metadata"].get("annotations", {}).get(MAX_REPLICAS)
        if limit is None:
            continue
        limits[(obj["kind"], obj["metadata"]["name"])] = int(limit)
        replicas = obj["spec"].get("replicas", 1)
        if replicas > int(limit):
            errors.append(f"{_name(obj)}: {replicas} replicas, more than its limit {limit}")
    scalers = [
        (o, o["spec"]["scaleTargetRef"], o["spec"].get("maxReplicas"))
        for o in objs
        if o.get("kind") == "HorizontalPodAutoscaler"
    ] + [
        (
            o,
            {"kind": "Deployment", **o["spec"]["scaleTargetRef"]},
            o["spec"].get("maxReplicaCount", KEDA_DEFAULT_MAX),
        )
        for o in objs
        if o.get("kind") == "ScaledObject"
    ]
    names = {(o.get("kind"), o["metadata"]["name"]) for o in objs}
    for scaler, ref, most in scalers:
        target = (ref["kind"], ref["name"])
        if target not in names:
            errors.append(f"{_name(scaler)}: scales {ref['kind']}/{ref['name']}, not rendered")
        elif target in limits and most > limits[target]:
            errors.append(
                f"{_name(scaler)}: may scale {ref['kind']}/{ref['name']} to {most} replicas, "
                f"more than its limit {limits[target]}"
            )
    return errors
