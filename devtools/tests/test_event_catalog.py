"""The event catalog and the AsyncAPI document are generated from the code and the protos,
are up to date, and the AsyncAPI document is valid against the published AsyncAPI 3
schema (npm's @asyncapi/specs, installed by `make k8s`)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from livebid_devtools.event_catalog import ASYNCAPI, generated
from livebid_platform.topics import ALL_TOPICS

ROOT = Path(__file__).resolve().parents[2]
VALIDATOR = ROOT / ".local/k8s-tools/published-schemas/validate_asyncapi.mjs"


def test_the_committed_catalog_and_asyncapi_are_what_the_code_generates() -> None:
    stale = [str(path) for path, text in generated().items() if path.read_text() != text]
    assert not stale, f"run `make gen`: {stale}"


def test_every_public_event_type_is_in_the_catalog_with_an_example() -> None:
    text = (ROOT / "docs/event-catalog.md").read_text()
    for topic in (t for t in ALL_TOPICS if t.public):
        assert f"## `{topic.name}`" in text
        for event in topic.events:
            section = text.split(f"### `{event}`", 1)[1].split("### ", 1)[0]
            assert "```json" in section, event


def asyncapi_errors(document: dict[str, Any], tmp_path: Path) -> list[str]:
    path = tmp_path / "asyncapi.json"
    path.write_text(json.dumps(document))
    done = subprocess.run(
        ["node", str(VALIDATOR), str(path)], capture_output=True, text=True, check=True
    )
    errors: list[str] = json.loads(done.stdout)["errors"]
    return errors


@pytest.mark.skipif(not VALIDATOR.exists(), reason="the AsyncAPI schema is installed by make k8s")
def test_the_asyncapi_document_is_valid_and_a_broken_one_is_not(tmp_path: Path) -> None:
    document = yaml.safe_load(ASYNCAPI.read_text())
    assert asyncapi_errors(document, tmp_path) == []
    document["operations"]["publish-bidding-events-v1"]["action"] = "shout"
    assert any("action" in e for e in asyncapi_errors(document, tmp_path))
