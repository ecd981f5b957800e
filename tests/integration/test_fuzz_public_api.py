"""Schemathesis fuzzes the two public HTTP APIs, the edge and the notifications service, on a
running platform: every operation, no server error, only documented status codes, and every
answer fits the schema its status code documents.

Bounded to stay well under 90 s on two cores: a fixed seed, a few examples per operation, a
timeout per request and a time budget for the whole module (operations left when it is spent
are skipped, and say so). The notifications WebSocket is not in its OpenAPI document, so it
is not fuzzed here.

Each operation is a subtest of one test per API and caller, driven with Hypothesis here rather
than by `schemathesis.pytest.from_fixture(...).parametrize()`: schemathesis 4.32.5 renames the
test node through `request.node._nodeid`, which pytest 9.2 no longer has.

    .local/uv/bin/uv run --frozen pytest tests/integration/test_fuzz_public_api.py -q
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import hypothesis
import pytest
import schemathesis
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from livebid_devtools.devstack import DevStack
from livebid_edge.auth import issue

pytestmark = pytest.mark.integration

SEED = 20261202
MAX_EXAMPLES = 25  # per operation
REQUEST_TIMEOUT_S = 5.0
LONG_POLL_MS = 200
BUDGET_S = 75.0  # the whole module, both APIs
COMPONENT = "#/components/schemas/"
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


def config() -> schemathesis.Config:
    return schemathesis.Config.from_dict(
        {
            "seed": SEED,
            "generation": {"max-examples": MAX_EXAMPLES, "deterministic": True},
            "request-timeout": REQUEST_TIMEOUT_S,
        }
    )


class Budget:
    """The module's wall-clock budget, and how many requests it paid for."""

    def __init__(self, seconds: float) -> None:
        self.deadline = time.monotonic() + seconds
        self.requests = 0

    def spend(self) -> None:
        if time.monotonic() > self.deadline:
            pytest.skip(f"the fuzzing budget of {BUDGET_S:.0f} s is spent")
        self.requests += 1


@pytest.fixture(scope="module")
def budget() -> Iterator[Budget]:
    started = time.monotonic()
    spent = Budget(BUDGET_S)
    yield spent
    print(f"\nfuzz: {spent.requests} requests in {time.monotonic() - started:.1f} s")


Caller = tuple[dict[str, str], int]  # headers, examples per operation

# Who calls: a signed-in, verified seller who is also a buyer, with the full number of
# examples; and, with fewer, nobody (the 401s, and what is public).
CALLERS = {"seller-buyer": MAX_EXAMPLES, "anonymous": MAX_EXAMPLES // 3}


@pytest.fixture(params=list(CALLERS))
def caller(request: pytest.FixtureRequest, platform: DevStack) -> Caller:
    """The caller's headers, and how many examples each operation gets with them."""
    who: str = request.param
    if who == "anonymous":
        return {}, CALLERS[who]
    token = issue(platform.token_secret, "fuzz-seller", ["seller", "buyer"], verified=True)
    return {"Authorization": f"Bearer {token}"}, CALLERS[who]


def shorten_long_polls(case: schemathesis.Case) -> None:
    """A valid long-poll wait (up to 30 s, by design) cut to at most LONG_POLL_MS, so that a
    request's timeout stays short; an invalid one is sent as generated."""
    wait = (case.query or {}).get("wait_ms")
    if isinstance(wait, int) and not isinstance(wait, bool) and 0 <= wait <= 30_000:
        case.query["wait_ms"] = min(wait, LONG_POLL_MS)


def closed(document: dict[str, Any]) -> dict[str, Any]:
    """The document with every object an answer can hold closed to the properties it lists,
    so that a field the document does not describe (a leak, a drift) fails the schema check.
    The check only: the served document stays open, as clients may meet new fields."""
    schemas = document.get("components", {}).get("schemas", {})
    seen: set[str] = set()

    def close(node: Any) -> None:
        if isinstance(node, list):
            for item in node:
                close(item)
        elif isinstance(node, dict):
            if (ref := node.get("$ref", "")).startswith(COMPONENT) and ref not in seen:
                seen.add(ref)
                close(schemas[ref.removeprefix(COMPONENT)])
            if "properties" in node:
                node.setdefault("additionalProperties", False)
            for value in node.values():
                close(value)

    for path in document["paths"].values():
        for operation in path.values():
            close(operation.get("responses", {}))
    return document


def load(base_url: str) -> schemathesis.BaseSchema:
    """The document the running service serves, with its answers closed."""
    document = httpx.get(f"{base_url}/openapi.json", timeout=REQUEST_TIMEOUT_S).json()
    return schemathesis.openapi.from_dict(closed(document), config=config())


def fuzz(
    base_url: str,
    caller: Caller,
    budget: Budget,
    subtests: pytest.Subtests,
) -> None:
    """Every operation of the service at `base_url`, each a subtest, with valid and invalid
    requests."""
    headers, examples = caller
    schema = load(base_url)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert operations, "the schema lists no operation"
    for operation in operations:
        with subtests.test(msg=operation.label):
            strategy = operation.as_strategy(GenerationMode.POSITIVE) | operation.as_strategy(
                GenerationMode.NEGATIVE
            )

            @hypothesis.settings(
                max_examples=examples,
                derandomize=True,
                database=None,
                deadline=None,  # bounded by the request timeout and the budget instead
                suppress_health_check=list(hypothesis.HealthCheck),
                phases=[hypothesis.Phase.explicit, hypothesis.Phase.generate],
            )
            @hypothesis.given(case=strategy)
            def run(case: schemathesis.Case) -> None:
                budget.spend()
                shorten_long_polls(case)
                # A fresh key per request: a repeated one would replay an earlier answer.
                fresh = {**headers, "Idempotency-Key": uuid.uuid4().hex}
                case.call_and_validate(
                    base_url, headers=fresh, checks=CHECKS, timeout=REQUEST_TIMEOUT_S
                )

            run()


def test_the_edge_answers_every_request_as_documented(
    platform: DevStack, caller: Caller, budget: Budget, subtests: pytest.Subtests
) -> None:
    fuzz(platform.edge_url, caller, budget, subtests)


def test_notifications_answer_every_request_as_documented(
    platform: DevStack, caller: Caller, budget: Budget, subtests: pytest.Subtests
) -> None:
    fuzz(platform.notifications_url, caller, budget, subtests)
