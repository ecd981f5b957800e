"""Running a service process: logging set up, SIGTERM/SIGINT turned into a clean stop."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Awaitable, Callable

from livebid_platform import logs, metrics, tracing
from livebid_platform.settings import PlatformSettings

log = logging.getLogger(__name__)


def run(
    service: str, main: Callable[[asyncio.Event], Awaitable[None]], level: str | None = None
) -> None:
    """Run `main(stop)` until it returns; SIGTERM or SIGINT set `stop`."""
    settings = PlatformSettings()
    logs.configure(service, level or settings.log_level)
    metrics.serve(settings.metrics_bind)
    tracing.setup(service)

    async def _runner() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stop.set)
        await main(stop)

    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_runner())
    log.info("stopped")


async def until_stopped(stop: asyncio.Event, *tasks: asyncio.Task[None]) -> None:
    """Wait for `stop` or for any task to fail (then re-raise), and cancel the rest."""
    waiter = asyncio.create_task(stop.wait())
    done, _ = await asyncio.wait([waiter, *tasks], return_when=asyncio.FIRST_COMPLETED)
    for task in [waiter, *tasks]:
        task.cancel()
    for task in tasks:
        with contextlib.suppress(asyncio.CancelledError):
            await task
    for task in done:
        if task is not waiter and task.exception():
            raise task.exception()  # type: ignore[misc]
