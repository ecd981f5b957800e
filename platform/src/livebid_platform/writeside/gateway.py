"""Sending a command to a write side and getting its definitive answer.

The gateway appends the command to the commands topic (keyed by its aggregate, so one
processor decides it in order) and waits until the service's `Decisions` read model has
folded the command's first outcome. A command already decided is answered at once, with
the original decision, and is not appended again.
"""

from __future__ import annotations

import asyncio
import time
import uuid

from aiokafka import AIOKafkaProducer
from google.protobuf.message import Message

from livebid_platform.envelope import envelope
from livebid_platform.follower import Follower
from livebid_platform.producer import publish
from livebid_platform.writeside.decisions import Decision, Decisions

DECISION_TIMEOUT_S = 10.0


class NoDecisionYet(Exception):
    """No decision within the timeout: the caller retries with the same idempotency key."""


class KeyReused(Exception):
    """The command id (the client's idempotency key) was decided for another request."""


class Gateway:
    def __init__(
        self,
        producer: AIOKafkaProducer,
        decisions: Decisions,
        follower: Follower,
        source: str,
        timeout_s: float = DECISION_TIMEOUT_S,
    ) -> None:
        self._producer = producer
        self._decisions = decisions
        self._follower = follower
        self._source = source
        self.timeout_s = timeout_s

    async def submit(
        self,
        command: Message,
        command_id: str,
        aggregate_id: str,
        correlation_id: str = "",
        request_digest: str = "",
    ) -> Decision:
        """Append `command` (unless already decided) and return its decision.

        `request_digest` identifies the client request (its key's payload): a retry with the
        same key and another request raises KeyReused instead of getting the first answer."""
        if (known := self._decisions.decision(command_id)) is not None:
            self._check_same_request(command_id, request_digest)
            return known
        decided = self._follower.wait_for(command_id)
        try:
            env = envelope(
                command,
                event_id=command_id,
                source=self._source,
                subject=aggregate_id,
                # Informational only: the processor decides with the broker's append time.
                time_ms=int(time.time() * 1000),
                # Not the command id: it holds the user's key and travels into public events.
                correlation_id=correlation_id or uuid.uuid4().hex,
                request_digest=request_digest,
            )
            await publish(self._producer, self._decisions.side.commands.name, env)
            await asyncio.wait_for(asyncio.shield(decided), self.timeout_s)
        except TimeoutError:
            raise NoDecisionYet(f"no decision yet for {command_id}") from None
        finally:
            self._follower.forget(command_id, decided)
        decision = self._decisions.decision(command_id)
        if decision is None:  # evicted between folding and here: only under absurd load
            raise NoDecisionYet(f"decision for {command_id} not kept")
        self._check_same_request(command_id, request_digest)
        return decision

    def _check_same_request(self, command_id: str, request_digest: str) -> None:
        first = self._decisions.request_digest(command_id)
        if request_digest and first and first != request_digest:
            raise KeyReused(f"{command_id} was decided for another request")
