"""The short fault suite (tests/chaos/run_chaos.py) on a broker of its own: every process
SIGKILLed once, the broker restarted once, poison on every topic, while bidders bid; every
check of its table must show zero failures."""

from __future__ import annotations

from typing import Any

import pytest

from tests.chaos.run_chaos import SHORT, run

pytestmark = pytest.mark.integration


def test_the_platform_keeps_every_invariant_under_kills_a_broker_restart_and_poison(
    report: Any,
) -> None:
    rows = run(SHORT, report)
    failed = [f"{r.fault}: {r.failures}/{r.tries} ({r.figures})" for r in rows if r.failures]
    assert not failed, failed
