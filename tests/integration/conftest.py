"""A whole platform (every service as its own process) on the session's broker."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from livebid_devtools.devstack import DevStack


@pytest.fixture(scope="module")
def platform(kafka_bootstrap: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[DevStack]:
    stack = DevStack(kafka_bootstrap, Path(tmp_path_factory.mktemp("platform-logs")))
    try:
        stack.start_all()
        yield stack
    finally:
        stack.stop_all()
