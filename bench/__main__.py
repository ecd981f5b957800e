"""Run the benchmarks: python -m bench [--runs 3] [--quick]   (make bench)

Every Livebid figure is printed beside the raw-Kafka figure measured in the same run, on the
same broker, with the same client settings (acks=all, idempotence), as a ratio. Medians
over several runs; absolute times on a shared 2-core machine mean little on their own.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import tempfile
from pathlib import Path

from livebid.bidding.v1 import public_events_pb2 as pub

from bench import bid_path, raw_kafka
from livebid_devtools.devstack import DevStack
from livebid_devtools.localkafka import (
    LocalKafka,
    find_repo_root,
    free_port,
    ignoring_interrupts,
    interrupt_once,
)


def pct(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def status(text: str) -> None:
    print(f"  .. {text}", flush=True)


async def one_run(stack: DevStack, bootstrap: str, quick: bool) -> dict[str, float]:
    n_rt, n_tp, seconds = (100, 3000, 5.0) if quick else (300, 10000, 10.0)
    status("raw Kafka round trips")
    raw_rt = await raw_kafka.round_trips(bootstrap, n_rt)
    status("raw Kafka throughput (pipelined, and request-reply with 32 clients)")
    raw_tp = await raw_kafka.throughput(bootstrap, n_tp)
    raw_rr = await raw_kafka.request_reply(bootstrap, seconds, concurrency=32)
    status("Livebid bid round trips (public API)")
    bid_rt = await bid_path.round_trips(stack.edge_url, stack.addresses["bidding_grpc"], n_rt)
    status("Livebid sustained bids, with short auctions closing meanwhile")
    closing = await bid_path.open_auctions(
        stack.addresses["bidding_grpc"], 30, 2000, pub.FORMAT_SUDDEN_DEATH
    )
    bids_per_s = await bid_path.sustained(
        stack.edge_url, stack.addresses["bidding_grpc"], seconds, concurrency=32, auctions=12
    )
    late = await bid_path.close_lateness(bootstrap, set(closing), timeout_s=30)
    status("Livebid bid to every viewer's live feed (20 WebSocket viewers)")
    seen = await bid_path.viewer_latencies(
        stack.edge_url,
        stack.addresses["bidding_grpc"],
        stack.addresses["notifications_http"],
        n_rt // 2,
        viewers=20,
    )
    return {
        "raw_rt_p50": pct(raw_rt, 0.5) * 1000,
        "raw_rt_p99": pct(raw_rt, 0.99) * 1000,
        "bid_rt_p50": pct(bid_rt, 0.5) * 1000,
        "bid_rt_p99": pct(bid_rt, 0.99) * 1000,
        "raw_tp": raw_tp,
        "raw_rr": raw_rr,
        "bid_tp": bids_per_s,
        "seen_p50": pct(seen, 0.5) * 1000,
        "seen_p99": pct(seen, 0.99) * 1000,
        "close_late_p50": pct(late, 0.5),
        "close_late_p99": pct(late, 0.99),
        "closes_seen": len(late),
    }


def report(runs: list[dict[str, float]]) -> None:
    med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
    print(
        f"\nMedians over {len(runs)} run(s); ratio = Livebid / raw Kafka, same run, same broker\n"
    )
    print(f"  {'figure':<34}{'Livebid':>12}{'raw Kafka':>12}{'ratio':>8}")
    rows = [
        ("bid round trip p50 (ms)", "bid_rt_p50", "raw_rt_p50"),
        ("bid round trip p99 (ms)", "bid_rt_p99", "raw_rt_p99"),
        ("bid to all viewers p50 (ms)", "seen_p50", "raw_rt_p50"),
        ("bid to all viewers p99 (ms)", "seen_p99", "raw_rt_p99"),
        ("sustained bids/s vs pipelined", "bid_tp", "raw_tp"),
        ("sustained bids/s vs request-reply", "bid_tp", "raw_rr"),
    ]
    for label, ours, raw in rows:
        print(f"  {label:<34}{med[ours]:>12.1f}{med[raw]:>12.1f}{med[ours] / med[raw]:>8.3g}")
    print(
        f"  {'close lateness p50 / p99 (ms)':<34}{med['close_late_p50']:>12.0f}"
        f"{med['close_late_p99']:>12.0f}   (after deadline; {med['closes_seen']:.0f} closes/run)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    interrupt_once()
    broker: LocalKafka | None = None
    stack: DevStack | None = None
    try:  # everything started is started inside it, so a Ctrl-C stops it all
        bootstrap = os.environ.get("KAFKA_BOOTSTRAP_SERVERS")
        if not bootstrap:
            broker = LocalKafka(find_repo_root() / ".local" / "bench-kafka", port=free_port())
            broker.stop()
            broker.wipe()
            bootstrap = broker.start()
        stack = DevStack(bootstrap, Path(tempfile.mkdtemp(prefix="livebid-bench-")))
        for name in ("bidding-processor", "bidding-api", "notifications", "edge"):
            stack.start(name)
        runs = []
        for i in range(args.runs):
            print(f"run {i + 1}/{args.runs}", flush=True)
            runs.append(asyncio.run(one_run(stack, bootstrap, args.quick)))
        report(runs)
    finally:
        with ignoring_interrupts():
            if stack is not None:
                stack.stop_all()
            if broker is not None:
                broker.stop()


if __name__ == "__main__":
    main()
