"""A tiny aggregate of the runtime's own (not the product's), declared exactly as a service
declares one: a pure domain, then its Decider and WriteSide. docs/adding-an-aggregate.md
walks through it. Module name unique across the workspace (pytest's prepend import mode)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from google.protobuf.message import Message
from livebid.examples.v1 import counter_pb2 as pb

from livebid_platform.topics import TopicSpec
from livebid_platform.writeside import Decider, WriteSide
from livebid_platform.writeside.mirrored import mirrored_codec, to_proto

# The pure domain: frozen data, decide, evolve; time only from the command.


@dataclass(frozen=True)
class OpenCounter:
    counter_id: str
    limit: int
    duration_ms: int
    at_ms: int


@dataclass(frozen=True)
class Increment:
    counter_id: str
    by: int
    at_ms: int


@dataclass(frozen=True)
class CloseCounter:
    counter_id: str
    at_ms: int


@dataclass(frozen=True)
class CounterOpened:
    counter_id: str
    limit: int
    deadline_ms: int


@dataclass(frozen=True)
class Incremented:
    counter_id: str
    by: int
    total: int
    at_ms: int


@dataclass(frozen=True)
class CounterClosed:
    counter_id: str
    total: int
    at_ms: int


@dataclass(frozen=True)
class Counter:
    counter_id: str
    limit: int
    deadline_ms: int
    total: int = 0
    closed: bool = False


class OverLimit(Exception):
    pass


class Closed(Exception):
    pass


class NoSuchCounter(Exception):
    pass


Command = OpenCounter | Increment | CloseCounter
Event = CounterOpened | Incremented | CounterClosed


def decide(state: Counter | None, command: Command) -> list[Event]:
    if isinstance(command, OpenCounter):
        if state is not None:
            return []
        return [
            CounterOpened(command.counter_id, command.limit, command.at_ms + command.duration_ms)
        ]
    if state is None:
        raise NoSuchCounter(f"no counter {command.counter_id}")
    if isinstance(command, CloseCounter):
        if state.closed or command.at_ms < state.deadline_ms:
            return []  # already closed, or asked too early
        return [CounterClosed(state.counter_id, state.total, command.at_ms)]
    if command.by <= 0:
        raise ValueError("an increment must be positive")  # malformed: dead-lettered
    if state.closed or command.at_ms > state.deadline_ms:
        raise Closed("the counter is closed")
    if state.total + command.by > state.limit:
        raise OverLimit(f"only {state.limit - state.total} left")
    return [Incremented(state.counter_id, command.by, state.total + command.by, command.at_ms)]


def evolve(state: Counter | None, event: Event) -> Counter:
    if isinstance(event, CounterOpened):
        return Counter(event.counter_id, event.limit, event.deadline_ms)
    assert state is not None
    if isinstance(event, Incremented):
        return replace(state, total=event.total)
    return replace(state, closed=True)


# The adapter side: codec, public translation, deadline, and one registration.


def public_events(event: Event, state: Counter) -> list[Message]:
    """Only the final count is public."""
    return [to_proto(event, pb)] if isinstance(event, CounterClosed) else []


COUNTERS = Decider(
    name="counter",
    decide=decide,
    evolve=evolve,
    aggregate_id=lambda message: str(message.counter_id),
    codec=mirrored_codec(
        pb,
        commands=(OpenCounter, Increment, CloseCounter),
        events=(CounterOpened, Incremented, CounterClosed),
    ),
    public=public_events,
    deadline=lambda state: None if state.closed else state.deadline_ms,
    on_deadline=lambda counter_id, command_id: pb.CloseCounter(counter_id=counter_id),
    refusals={OverLimit: "over_limit", Closed: "closed", NoSuchCounter: "not_found"},
)


def counter_side(run: str, partitions: int = 4) -> WriteSide:
    """A write side on topics of its own (a run id keeps test runs apart)."""
    commands = {"message.timestamp.type": "LogAppendTime"}
    return WriteSide(
        name=f"counters-{run}",
        source="livebid.examples",
        commands=TopicSpec(f"counters-{run}.commands", partitions, commands),
        private=TopicSpec(f"counters-{run}.internal", partitions),
        public=TopicSpec(f"counters-{run}.events", partitions),
        dead_letter=TopicSpec(f"counters-{run}.deadletter", 1),
        deciders=(COUNTERS,),
    )
