"""Reading a running process's Prometheus metrics in a test."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import httpx
from prometheus_client.parser import text_string_to_metric_families

from livebid_devtools.devstack import DevStack

Samples = dict[tuple[str, frozenset[tuple[str, str]]], float]


async def scrape(stack: DevStack, key: str) -> Samples:
    async with httpx.AsyncClient() as http:
        text = (await http.get(f"http://{stack.metrics_bind(key)}/metrics")).text
    return {
        (s.name, frozenset(s.labels.items())): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }


def value(samples: Samples, name: str, **labels: str) -> float:
    """The sum of the samples of `name` whose labels include `labels`."""
    wanted = set(labels.items())
    return sum(v for (n, ls), v in samples.items() if n == name and wanted <= ls)


async def until(stack: DevStack, key: str, check: Any, what: str) -> Samples:
    give_up = time.monotonic() + 30
    while True:
        samples = await scrape(stack, key)
        if check(samples):
            return samples
        assert time.monotonic() < give_up, f"{key}: no {what} in its metrics"
        await asyncio.sleep(0.3)
