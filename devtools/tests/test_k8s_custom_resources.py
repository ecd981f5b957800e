"""The validator's own checks fail when they should: a custom resource against its
published schema, and a workload scaled past its consumer groups' partitions."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
from k8s_custom_resources import check_custom, check_scaling  # noqa: E402

VALIDATOR = ROOT / ".local/k8s-tools/published-schemas/validate.mjs"  # installed by `make k8s`


def workload(replicas: int, limit: int) -> dict[str, Any]:
    return {
        "apiVersion": "apps/v1",
        "kind": "StatefulSet",
        "metadata": {"name": "orders", "annotations": {"livebid.io/max-replicas": str(limit)}},
        "spec": {"replicas": replicas},
    }


def test_replicas_and_autoscalers_past_the_limit_are_errors() -> None:
    assert check_scaling([workload(6, 6)]) == []
    assert check_scaling([workload(7, 6)]) == [
        "StatefulSet/orders: 7 replicas, more than its limit 6"
    ]
    hpa = {
        "kind": "HorizontalPodAutoscaler",
        "metadata": {"name": "orders"},
        "spec": {"scaleTargetRef": {"kind": "StatefulSet", "name": "orders"}, "maxReplicas": 8},
    }
    assert check_scaling([workload(2, 6), hpa]) == [
        "HorizontalPodAutoscaler/orders: may scale StatefulSet/orders to 8 replicas, "
        "more than its limit 6"
    ]
    keda = {
        "kind": "ScaledObject",
        "metadata": {"name": "orders"},
        "spec": {"scaleTargetRef": {"kind": "StatefulSet", "name": "orders"}},
    }
    # KEDA's default maximum is 100: a ScaledObject must name one within the limit.
    assert len(check_scaling([workload(2, 6), keda])) == 1
    keda["spec"]["maxReplicaCount"] = 6
    assert check_scaling([workload(2, 6), keda]) == []


@pytest.mark.skipif(not VALIDATOR.exists(), reason="the CRD schemas are installed by make k8s")
def test_a_custom_resource_is_checked_against_its_published_schema() -> None:
    topic = {
        "apiVersion": "kafka.strimzi.io/v1",
        "kind": "KafkaTopic",
        "metadata": {"name": "t"},
        "spec": {"partitions": 6, "replicas": 3},
    }
    assert check_custom([topic], VALIDATOR) == []
    topic["spec"]["partitions"] = "six"
    [error] = check_custom([topic], VALIDATOR)
    assert "partitions must be integer" in error
    user = {
        "apiVersion": "kafka.strimzi.io/v1",
        "kind": "KafkaUser",
        "metadata": {"name": "u"},
        # v1 dropped the singular `operation`
        "spec": {
            "authorization": {
                "type": "simple",
                "acls": [{"resource": {"type": "topic", "name": "t"}, "operation": "Read"}],
            }
        },
    }
    [error] = check_custom([user], VALIDATOR)
    assert "operations" in error
