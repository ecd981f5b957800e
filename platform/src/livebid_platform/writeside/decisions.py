"""The read side of a write side: the fold of its whole private log, in every replica of the
service's API. It holds every aggregate's state and, for each command id, the decision: the
command's first event (or its refusal, or the note that it changed nothing) with the state
right after it. A caller waiting on a command reads its definitive answer here.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from aiokafka import ConsumerRecord
from livebid.runtime.v1 import outcomes_pb2

from livebid_platform.envelope import decode
from livebid_platform.writeside.decider import Decider, NoEffect, Rejected, WriteSide
from livebid_platform.writeside.partition import Key

Decision = tuple[Any, Any]  # (first event, or Rejected / NoEffect; the aggregate after it)
Observer = Callable[[Any, Any], None]  # (domain event, aggregate after it)


class Decisions:
    def __init__(
        self, side: WriteSide, capacity: int = 500_000, observe: Observer | None = None
    ) -> None:
        self.side = side
        # A service's extra indexes over the same fold (e.g. listing id -> show id).
        self._observe = observe
        self.states: dict[Key, Any] = {}
        # The newest decisions only: a retry older than that gets "no decision yet" but, the
        # command being decided already, still has no second effect.
        self._decisions: OrderedDict[str, Decision] = OrderedDict()
        # The digest of the request each decided command came from ("" when none was given).
        self._digests: dict[str, str] = {}
        self._capacity = capacity

    def state(self, decider: Decider, aggregate_id: str) -> Any:
        return self.states.get((decider.name, aggregate_id))

    def decision(self, command_id: str) -> Decision | None:
        return self._decisions.get(command_id)

    def request_digest(self, command_id: str) -> str:
        return self._digests.get(command_id, "")

    def apply_record(self, record: ConsumerRecord[bytes, bytes]) -> None:
        """Fold one private record (the Follower's `apply`); raises if it is unreadable."""
        env = decode(record.value, record.headers)
        message = env.message
        if isinstance(message, outcomes_pb2.CommandRejected):
            decided: Any = Rejected(
                message.command_id, message.aggregate_id, message.code, message.reason
            )
            state = self.states.get(self._key_of(message.aggregate_id))
        elif isinstance(message, outcomes_pb2.CommandHadNoEffect):
            decided = NoEffect(message.command_id, message.aggregate_id)
            state = self.states.get(self._key_of(message.aggregate_id))
        else:
            decider, decided = self.side.event(message)
            key = (decider.name, decider.aggregate_id(decided))
            state = decider.evolve(self.states.get(key), decided)
            if state is not None:
                self.states[key] = state
            if self._observe is not None:
                self._observe(decided, state)
        self._decided(env.causation_id, (decided, state), env.request_digest)

    def _key_of(self, aggregate_id: str) -> Key:
        """The aggregate a marker is about: the first decider that holds that id."""
        for decider in self.side.deciders:
            if (decider.name, aggregate_id) in self.states:
                return decider.name, aggregate_id
        return "", aggregate_id

    def _decided(self, command_id: str, decision: Decision, digest: str) -> None:
        if not command_id or command_id in self._decisions:
            return  # the first event of a command is its answer
        self._decisions[command_id] = decision
        if digest:
            self._digests[command_id] = digest
        if len(self._decisions) > self._capacity:
            old, _ = self._decisions.popitem(last=False)
            self._digests.pop(old, None)
