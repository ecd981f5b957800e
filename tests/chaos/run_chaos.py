"""A bounded fault suite: the whole platform on its own broker, live auctions with bidders
bidding throughout, and meanwhile every service SIGKILLed once, the broker restarted once,
and poison records written to every topic. Then the invariants, from the public API and the
logs, and a table of fault, tries and failures.

    python -m tests.chaos.run_chaos            # the short version (about 2 minutes)
    python -m tests.chaos.run_chaos --full     # more auctions, every fault twice (make chaos)

Exits 1 when any check failed. `tests/integration/test_chaos_short.py` runs the short one.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import shutil
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from aiokafka import AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient
from livebid.bidding.v1 import flash_sales_pb2, giveaways_pb2, public_events_pb2

from livebid_devtools.devstack import SERVICES, DevStack, replica_key
from livebid_devtools.localkafka import LocalKafka, free_port
from livebid_edge.auth import issue
from livebid_platform.consumer import read_to_end
from livebid_platform.envelope import decode
from livebid_platform.topics import (
    ALL_TOPICS,
    BIDDING_DEAD_LETTER,
    BIDDING_EVENTS,
    CATALOG_DEAD_LETTER,
    DEAD_LETTER,
    ORDERS_DEAD_LETTER,
    ensure_topics,
)
from livebid_platform.writeside.processor import SESSION_TIMEOUT_MS
from livebid_sim.client import ApiError, EdgeClient

_CONTRACTS = (flash_sales_pb2, giveaways_pb2)  # imported so every type on the topic decodes
DEAD_LETTER_TOPICS = (
    DEAD_LETTER.name,
    BIDDING_DEAD_LETTER.name,
    CATALOG_DEAD_LETTER.name,
    ORDERS_DEAD_LETTER.name,
)
REPLICABLE = ("catalog", "bidding-processor", "bidding-api", "orders")
# A close on a dead processor's partition waits for the group to move it (the session
# timeout, a rebuild, a tick); a broker outage adds its own length on top (measured).
CLOSE_BOUND_MS = SESSION_TIMEOUT_MS + 6_000
ANSWER_WITHIN_S = 60  # a bid retried with its key for this long must get an answer


@dataclass(frozen=True)
class Params:
    replicas: int = 1  # of catalog, bidding processor, bidding API and orders
    auctions_per_round: int = 2
    min_rounds: int = 2
    bidders: int = 6
    duration_ms: int = 15_000
    counter_time_ms: int = 3_000
    fault_cycles: int = 1  # every fault this many times
    time_limit_s: float = 170.0  # from the first auction to the last check
    seed: int = 7


SHORT = Params()
FULL = Params(
    replicas=2, auctions_per_round=4, min_rounds=4, bidders=10, fault_cycles=2, time_limit_s=480.0
)


@dataclass
class Row:
    fault: str
    tries: int = 0
    failures: int = 0
    figures: str = ""


@dataclass
class Poison:
    topic: str
    partition: int
    offset: int
    kind: str


@dataclass
class Ledger:
    """What the bidders and the fault injector saw, checked at the end."""

    bids: int = 0
    unanswered: list[str] = field(default_factory=list)
    rejected_without_reason: int = 0
    accepted: dict[str, set[str]] = field(default_factory=dict)  # auction -> bid keys
    rejected: int = 0
    kills: dict[str, int] = field(default_factory=dict)
    kill_failures: list[str] = field(default_factory=list)
    self_exits: dict[str, int] = field(default_factory=dict)
    broker_restarts: int = 0
    broker_failures: list[str] = field(default_factory=list)
    broker_down_ms: int = 0
    poison: list[Poison] = field(default_factory=list)
    writes: int = 0  # the seller's: listings and auctions
    failed_writes: list[str] = field(default_factory=list)


async def answered(call: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
    """Retry with the same idempotency key until a definitive answer (as test_replicas)."""
    give_up = time.monotonic() + ANSWER_WITHIN_S
    while True:
        try:
            result: dict[str, Any] = await call(*args, **kwargs)
            return result
        except (ApiError, httpx.TransportError) as exc:
            status = getattr(exc, "status", 503)
            if status not in (502, 503, 504) or time.monotonic() > give_up:
                raise
            await asyncio.sleep(0.3)


class Supervisor:
    """Serializes every change to the stack; restarts a process that ended on its own (a
    service may exit when the broker vanishes: DevStack restarts it, and it is counted)."""

    def __init__(self, stack: DevStack, ledger: Ledger) -> None:
        self.stack, self.ledger = stack, ledger
        self.lock = asyncio.Lock()

    async def watch(self) -> None:
        while True:
            await asyncio.sleep(0.5)
            async with self.lock:
                await self._restart_exited()

    async def _restart_exited(self) -> None:
        for key in self.stack.exited():
            self.ledger.self_exits[key] = self.ledger.self_exits.get(key, 0) + 1
            try:
                await asyncio.to_thread(self.stack.start, key)
            except Exception as exc:  # counted by the health check at the end
                print(f"chaos: restarting {key} failed: {exc}", file=sys.stderr)

    async def kill_and_restart(self, key: str) -> None:
        async with self.lock:
            self.ledger.kills[key] = self.ledger.kills.get(key, 0) + 1
            self.stack.kill(key)
            await asyncio.sleep(1)
            try:
                await asyncio.to_thread(self.stack.start, key)
            except Exception as exc:
                self.ledger.kill_failures.append(f"{key}: {exc}")

    async def restart_broker(self, kafka: LocalKafka) -> None:
        async with self.lock:
            self.ledger.broker_restarts += 1
            down = time.monotonic()
            try:
                await asyncio.to_thread(kafka.stop)
                await asyncio.sleep(1)
                await asyncio.to_thread(kafka.start)
            except Exception as exc:
                self.ledger.broker_failures.append(str(exc))
            self.ledger.broker_down_ms += int((time.monotonic() - down) * 1000)


async def write_poison(bootstrap: str, ledger: Ledger) -> None:
    """Three records no contract reads, to every topic, across its partitions."""
    kinds: list[tuple[str, bytes, list[tuple[str, bytes]]]] = [
        ("empty value", b"", []),
        ("garbage bytes", bytes(random.Random(1).randrange(256) for _ in range(64)), []),
        ("missing CloudEvents headers", b"\x0a\x03abc", [("ce_type", b"livebid.chaos.v1")]),
    ]
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all")
    await producer.start()
    try:
        for spec in ALL_TOPICS:
            for i, (kind, value, headers) in enumerate(kinds):
                partition = i % spec.partitions
                meta = await producer.send_and_wait(
                    spec.name, value, key=b"chaos-poison", partition=partition, headers=headers
                )
                ledger.poison.append(Poison(spec.name, meta.partition, meta.offset, kind))
    finally:
        await producer.stop()


async def inject_faults(
    sup: Supervisor, kafka: LocalKafka, params: Params, ledger: Ledger, done: asyncio.Event
) -> None:
    """In turn: poison (so every rebuild after it reads poison too), a SIGKILL of every
    process, a broker restart; `fault_cycles` times."""
    try:
        for _ in range(params.fault_cycles):
            await asyncio.sleep(3)
            await write_poison(sup.stack.bootstrap, ledger)
            for spec in SERVICES:
                for replica in range(sup.stack.replica_count(spec.name)):
                    await asyncio.sleep(1.5)
                    await sup.kill_and_restart(replica_key(spec.name, replica))
            await asyncio.sleep(2)
            await sup.restart_broker(kafka)
            await asyncio.sleep(3)
    finally:
        done.set()


def user(http: httpx.AsyncClient, stack: DevStack, name: str, roles: list[str]) -> EdgeClient:
    return EdgeClient(http, name, issue(stack.token_secret, name, roles, verified=True))


class Show:
    """Rounds of standard auctions with soft close, and bidders bidding on the open ones."""

    def __init__(self, stack: DevStack, http: httpx.AsyncClient, params: Params, ledger: Ledger):
        self.run = uuid.uuid4().hex[:6]
        self.rng = random.Random(params.seed)
        self.params, self.ledger = params, ledger
        self.seller = user(http, stack, f"seller-{self.run}", ["seller"])
        self.bidders = [
            user(http, stack, f"b{i}-{self.run}", ["buyer"]) for i in range(params.bidders)
        ]
        self.open: list[str] = []
        self.offers: dict[str, int] = {}
        self.stop_at: dict[str, float] = {}  # auction -> when bidders leave it (monotonic)
        self.final: dict[str, dict[str, Any]] = {}
        self.closed = False

    async def rounds(self, faults_done: asyncio.Event, deadline: float) -> None:
        write = self.seller.call
        show = await answered(write, "POST", "/v1/shows", {"title": "chaos"}, f"s-{self.run}")
        show_id = show["show_id"]
        await answered(write, "POST", f"/v1/shows/{show_id}/start", None, f"go-{self.run}")
        number = rounds = 0
        while (rounds < self.params.min_rounds or not faults_done.is_set()) and (
            time.monotonic() < deadline
        ):
            rounds += 1
            auctions = []
            for _ in range(self.params.auctions_per_round):
                number += 1
                try:
                    auctions.append(await self._put_up(show_id, number))
                except (ApiError, httpx.TransportError) as exc:  # a row of the table
                    self.ledger.failed_writes.append(f"item {number}: {exc}")
            # Bidders stop a counter time past the first deadline: a soft close extends the
            # deadline on every late bid, so bidding without end would keep it open forever.
            stop_at = (
                time.monotonic() + (self.params.duration_ms + self.params.counter_time_ms) / 1000
            )
            for auction in auctions:
                self.ledger.accepted[auction] = set()
                self.offers[auction] = 1000
                self.stop_at[auction] = stop_at
            self.open = list(auctions)
            await self._until_closed(auctions, deadline)
        self.closed = True

    async def _put_up(self, show_id: str, number: int) -> str:
        """A new listing put up for a standard auction; the auction's id."""
        write = self.seller.call
        body = {"title": f"item {number}", "starting_price_cents": 1000}
        path = f"/v1/shows/{show_id}/listings"
        self.ledger.writes += 1
        listing = await answered(write, "POST", path, body, f"l{number}-{self.run}")
        terms = {
            "format": "standard",
            "duration_ms": self.params.duration_ms,
            "counter_time_ms": self.params.counter_time_ms,
        }
        path = f"/v1/listings/{listing['listing_id']}/auction"
        self.ledger.writes += 1
        reply = await answered(write, "POST", path, terms, f"a{number}-{self.run}")
        return str(reply["auction_id"])

    async def _until_closed(self, auctions: list[str], deadline: float) -> None:
        while any(a not in self.final for a in auctions) and time.monotonic() < deadline:
            await asyncio.sleep(0.5)
            for auction in auctions:
                if auction in self.final:
                    continue
                try:
                    view = await answered(self.seller.auction, auction)
                except (ApiError, httpx.TransportError):
                    continue  # a longer outage than `answered` waits: ask again
                if view["status"] != "open":
                    self.final[auction] = view
                    if auction in self.open:
                        self.open.remove(auction)

    async def bidder(self, bidder: EdgeClient) -> None:
        while not self.closed:
            biddable = [a for a in self.open if time.monotonic() < self.stop_at[a]]
            if not biddable:
                await asyncio.sleep(0.2)
                continue
            auction = self.rng.choice(biddable)
            key = uuid.uuid4().hex
            self.offers[auction] += 100
            self.ledger.bids += 1
            try:
                answer = await answered(bidder.bid, auction, self.offers[auction], key=key)
            except (ApiError, httpx.TransportError) as exc:
                self.ledger.unanswered.append(f"{auction} {key}: {exc}")
                continue
            if answer["status"] == "accepted":
                self.ledger.accepted[auction].add(key)
            else:
                self.ledger.rejected += 1
                if not answer.get("reason"):
                    self.ledger.rejected_without_reason += 1
            await asyncio.sleep(self.rng.uniform(0.05, 0.3))


async def public_log(bootstrap: str, auctions: set[str]) -> tuple[dict[str, list[Any]], list[str]]:
    """Every public event of these auctions, by auction; and each event id seen twice,
    with its type and where (partition@offsets), so a failure says what repeated."""
    events: dict[str, list[Any]] = {a: [] for a in auctions}
    seen: dict[str, list[str]] = {}
    async for record in read_to_end(bootstrap, BIDDING_EVENTS.name):
        try:
            env = decode(record.value, record.headers)
        except ValueError:
            continue  # our own poison
        if env.subject in auctions:
            where = f"{type(env.message).__name__} p{record.partition}@{record.offset}"
            seen.setdefault(env.event_id, []).append(where)
            events[env.subject].append(env.message)
    repeated = [f"{i}: {', '.join(w)}" for i, w in seen.items() if len(w) > 1]
    return events, repeated


async def dead_lettered(bootstrap: str) -> set[tuple[str, int, int]]:
    """(topic, partition, offset) of every dead-lettered record, from their dlq headers."""
    found: set[tuple[str, int, int]] = set()
    for topic in DEAD_LETTER_TOPICS:
        async for record in read_to_end(bootstrap, topic):
            headers = {k: v.decode(errors="replace") for k, v in record.headers or ()}
            if "dlq_topic" in headers:
                found.add(
                    (
                        headers["dlq_topic"],
                        int(headers["dlq_partition"]),
                        int(headers["dlq_offset"]),
                    )
                )
    return found


async def group_consumed(bootstrap: str) -> set[str]:
    """The topics some consumer group has committed offsets on."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        topics: set[str] = set()
        for group, *_ in await admin.list_consumer_groups():
            offsets = await admin.list_consumer_group_offsets(group)
            topics.update(tp.topic for tp in offsets)
        return topics
    finally:
        await admin.close()


async def orders_check(show: Show) -> tuple[int, int, list[str]]:
    """Sold auctions, orders found, and each winner whose orders differ from what they won."""
    by_winner: dict[str, list[str]] = {}
    for auction, view in show.final.items():
        if view.get("winner_id"):
            by_winner.setdefault(view["winner_id"], []).append(auction)
    clients = {b.user_id: b for b in show.bidders}
    wrong: list[str] = []
    found = 0
    for winner, won in by_winner.items():
        orders: list[dict[str, Any]] = []
        for _ in range(60):
            orders = (await answered(clients[winner].call, "GET", "/v1/me/orders"))["orders"]
            if sum(o["auction_id"] in show.final for o in orders) >= len(won):
                break
            await asyncio.sleep(0.5)
        mine = sorted(o["auction_id"] for o in orders if o["auction_id"] in show.final)
        found += len(mine)
        if mine != sorted(won):
            wrong.append(f"{winner}: won {sorted(won)}, orders {mine}")
    return sum(len(w) for w in by_winner.values()), found, wrong


async def checks(stack: DevStack, show: Show, ledger: Ledger) -> list[Row]:
    rows = []
    lg = ledger
    rows.append(
        Row(
            "every bid answered (retries with its key)",
            lg.bids,
            len(lg.unanswered) + lg.rejected_without_reason,
            f"{sum(map(len, lg.accepted.values()))} accepted, {lg.rejected} rejected, "
            f"{len(lg.unanswered)} unanswered, {lg.rejected_without_reason} without a reason",
        )
    )
    rows.append(
        Row(
            "every seller write answered (listing, auction)",
            lg.writes,
            len(lg.failed_writes),
            "; ".join(lg.failed_writes),
        )
    )
    auctions = set(lg.accepted)
    unclosed = auctions - set(show.final)
    rows.append(Row("every auction closed", len(auctions), len(unclosed), ", ".join(unclosed)))
    lost = [a for a, v in show.final.items() if v["bid_count"] != len(lg.accepted[a])]
    rows.append(
        Row(
            "no accepted bid lost (bid_count == accepted)",
            len(show.final),
            len(lost),
            "; ".join(f"{a}: {show.final[a]['bid_count']} vs {len(lg.accepted[a])}" for a in lost),
        )
    )
    events, repeated = await public_log(stack.bootstrap, auctions)
    ends = {
        a: [m for m in ms if isinstance(m, public_events_pb2.AuctionEnded)]
        for a, ms in events.items()
    }
    not_once = [a for a in show.final if len(ends[a]) != 1]
    rows.append(
        Row(
            "one AuctionEnded per auction, no event id twice",
            len(show.final),
            len(not_once) + len(repeated),
            f"{len(repeated)} repeated ids {repeated[:3]}; not once: {not_once}",
        )
    )
    late_accepts = 0
    lateness = []
    for auction, found in ends.items():
        if len(found) != 1:
            continue
        closed_at = found[0].closed_at_ms
        lateness.append(closed_at - found[0].deadline_ms)
        late_accepts += sum(
            1
            for m in events[auction]
            if isinstance(m, public_events_pb2.HighBidChanged) and m.at_ms > closed_at
        )
    rows.append(
        Row(
            "nothing accepted after a close",
            len(ends),
            late_accepts,
            f"{late_accepts} HighBidChanged after AuctionEnded",
        )
    )
    bound = CLOSE_BOUND_MS + lg.broker_down_ms
    over = [ms for ms in lateness if ms > bound]
    rows.append(
        Row(
            "close lateness within bound",
            len(lateness),
            len(over),
            f"min/max {min(lateness, default=0)}/{max(lateness, default=0)} ms, bound {bound} ms "
            f"({CLOSE_BOUND_MS} + broker outage)",
        )
    )
    sold, orders, wrong = await orders_check(show)
    rows.append(
        Row(
            "one order per sold auction",
            sold,
            len(wrong),
            f"{orders} orders for {sold} sold; " + "; ".join(wrong),
        )
    )
    return rows


async def poison_row(bootstrap: str, ledger: Ledger) -> Row:
    """Every poison record on a group-consumed topic dead-lettered (waits a little)."""
    consumed = await group_consumed(bootstrap)
    wanted = [p for p in ledger.poison if p.topic in consumed]
    give_up = time.monotonic() + 20
    while True:
        found = await dead_lettered(bootstrap)
        missing = [p for p in wanted if (p.topic, p.partition, p.offset) not in found]
        if not missing or time.monotonic() > give_up:
            break
        await asyncio.sleep(1)
    per_topic = []
    for spec in ALL_TOPICS:
        mine = [p for p in ledger.poison if p.topic == spec.name]
        n = sum((p.topic, p.partition, p.offset) in found for p in mine)
        tag = "" if spec.name in consumed else " (no group)"
        per_topic.append(f"{spec.name}{tag} {n}/{len(mine)}")
    figures = ", ".join(per_topic)
    if missing:
        figures += "; missing: " + ", ".join(
            f"{p.topic}/{p.partition}@{p.offset} {p.kind}" for p in missing
        )
    return Row("poison records dead-lettered", len(ledger.poison), len(missing), figures)


def fault_rows(ledger: Ledger) -> list[Row]:
    exits = ", ".join(f"{k} x{n}" for k, n in sorted(ledger.self_exits.items())) or "none"
    return [
        Row(
            "SIGKILL every process, restart after 1 s",
            sum(ledger.kills.values()),
            len(ledger.kill_failures),
            ", ".join(f"{k} x{n}" for k, n in ledger.kills.items())
            + "".join(f"; {f}" for f in ledger.kill_failures),
        ),
        Row(
            "broker restart (same home and port)",
            ledger.broker_restarts,
            len(ledger.broker_failures),
            f"outage {ledger.broker_down_ms} ms; self-exits restarted by DevStack: {exits}"
            + "".join(f"; {f}" for f in ledger.broker_failures),
        ),
    ]


def health_row(stack: DevStack) -> Row:
    keys = [replica_key(s.name, r) for s in SERVICES for r in range(stack.replica_count(s.name))]
    down = [k for k in keys if not stack.serving(k)]
    return Row("every process serving at the end", len(keys), len(down), ", ".join(down))


async def chaos(params: Params, work: Path) -> list[Row]:
    """Run the suite on a broker of its own under `work`; the table's rows."""
    kafka = LocalKafka(work / "kafka", port=free_port())
    bootstrap = kafka.start()
    replicas = dict.fromkeys(REPLICABLE, params.replicas)
    stack = DevStack(bootstrap, work / "logs", replicas=replicas)
    ledger = Ledger()
    try:
        await ensure_topics(bootstrap)
        await asyncio.to_thread(stack.start_all)
        sup = Supervisor(stack, ledger)
        deadline = time.monotonic() + params.time_limit_s
        async with httpx.AsyncClient(base_url=stack.edge_url, timeout=30) as http:
            show = Show(stack, http, params, ledger)
            faults_done = asyncio.Event()
            watcher = asyncio.create_task(sup.watch())
            faults = asyncio.create_task(inject_faults(sup, kafka, params, ledger, faults_done))
            bidders = [asyncio.create_task(show.bidder(b)) for b in show.bidders]
            try:
                await show.rounds(faults_done, deadline)
                await faults
            finally:
                show.closed = True
                await asyncio.gather(*bidders, return_exceptions=True)
            async with sup.lock:  # a last look for a process that ended on its own
                await sup._restart_exited()
            watcher.cancel()
            rows = fault_rows(ledger)
            rows.append(await poison_row(bootstrap, ledger))
            rows.extend(await checks(stack, show, ledger))
            rows.append(health_row(stack))
        return rows
    finally:
        stack.stop_all()
        kafka.stop()


def table(rows: list[Row]) -> str:
    width = max(len(r.fault) for r in rows)
    lines = [f"{'fault / check':<{width}}  tries  failures  figures"]
    lines += [f"{r.fault:<{width}}  {r.tries:>5}  {r.failures:>8}  {r.figures}" for r in rows]
    return "\n".join(lines)


def run(params: Params, report: Callable[[str], object] = print, keep: bool = False) -> list[Row]:
    """Run the suite in a fresh temp dir, report the table; the rows. The dir (broker and
    service logs) is kept when a check failed, or when asked."""
    started = time.monotonic()
    work = Path(tempfile.mkdtemp(prefix="livebid-chaos-"))
    rows = asyncio.run(chaos(params, work))
    failures = sum(r.failures for r in rows)
    report(table(rows))
    kept = f", logs kept in {work}" if failures or keep else ""
    report(f"chaos: {time.monotonic() - started:.0f} s, {failures} failures{kept}")
    if not kept:
        shutil.rmtree(work, ignore_errors=True)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="more auctions, every fault twice")
    parser.add_argument("--keep", action="store_true", help="keep the logs even on success")
    args = parser.parse_args(argv)
    rows = run(FULL if args.full else SHORT, keep=args.keep)
    return 1 if any(r.failures for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
