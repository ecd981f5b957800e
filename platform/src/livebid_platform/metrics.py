"""Prometheus metrics of every service, served on LIVEBID_METRICS_BIND (`host:port`).

The series an operator watches on a live show: decisions by result (bids accepted or
rejected, and why), how long a command waits for its decision, how late deadlines close,
consumer lag, dead letters, quarantined records. Services add their own (WebSocket
connections, payment outcomes) with the same registry.
"""

from __future__ import annotations

import logging

from prometheus_client import Counter, Gauge, Histogram, start_http_server

log = logging.getLogger(__name__)

COMMANDS = Counter(
    "livebid_commands",
    "Commands a write side decided, by type and result (accepted, rejected, no_effect, "
    "duplicate, dead_lettered); `reason` is the refusal code of a rejection.",
    ["write_side", "command", "result", "reason"],
)
DECISION_LATENCY = Histogram(
    "livebid_decision_latency_seconds",
    "From a command's append to the log to the commit of its decision.",
    ["write_side"],
    buckets=(0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
CLOSE_LATENESS = Histogram(
    "livebid_close_lateness_seconds",
    "How long after its deadline an aggregate was ended (log time of the ending command).",
    ["write_side", "decider"],
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30),
)
CONSUMER_LAG = Gauge(
    "livebid_consumer_lag",
    "Records between a consumer's position and the partition's end, as of its last fetch.",
    ["group", "topic", "partition"],
)
DEAD_LETTERS = Counter(
    "livebid_dead_letters",
    "Records sent to a dead-letter topic, by the topic they came from and who gave up.",
    ["topic", "consumer"],
)
QUARANTINED = Counter(
    "livebid_quarantined_records",
    "Records of a service's own log it could not read when rebuilding (dead-lettered).",
    ["topic", "consumer"],
)


PAYMENTS = Counter(
    "livebid_payment_provider_calls",
    "Answers from the payment provider, by operation (charge, refund) and outcome "
    "(approved, declined, timeout); `reason` is the decline's.",
    ["operation", "outcome", "reason"],
)


WEBSOCKETS = Gauge(
    "livebid_websocket_connections",
    "WebSocket connections open now, by feed (a show's live feed, a user's inbox).",
    ["feed"],
)


def serve(bind: str) -> None:
    """Serve /metrics on `host:port` in a background thread (nothing if `bind` is empty)."""
    if not bind:
        return
    host, _, port = bind.rpartition(":")
    start_http_server(int(port), addr=host or "0.0.0.0")
    log.info("serving metrics", extra={"fields": {"bind": bind}})
