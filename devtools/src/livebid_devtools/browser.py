"""A headless Chromium (Debian's package) driven over the Chrome DevTools Protocol, for tests
that use a page as a person would. No WebDriver, no downloaded browser: the browser's own
debugging WebSocket and a few CDP methods are enough.

    async with Browser.launch() as browser:
        page = await browser.open("http://127.0.0.1:8081/shows/s1")
        await page.wait_for("document.title === 'Livebid show'")
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from websockets.asyncio.client import ClientConnection, connect

INSTALLER = Path(__file__).resolve().parents[3] / "scripts" / "install_chromium.sh"


class BrowserError(RuntimeError):
    """The browser could not be started, or a script in the page failed."""


def chromium_binary() -> str:
    """Chromium's path, installing Debian's package first if it is missing."""
    found = shutil.which("chromium")
    if found is None:
        done = subprocess.run(["bash", str(INSTALLER)], capture_output=True, text=True)
        found = shutil.which("chromium")
        if found is None:
            raise BrowserError(f"cannot install chromium: {done.stderr[-2000:]}")
    return found


class Page:
    """One tab, over its own CDP WebSocket."""

    def __init__(self, ws: ClientConnection) -> None:
        self._ws = ws
        self._ids = itertools.count(1)

    async def send(self, method: str, **params: Any) -> dict[str, Any]:
        """One CDP command and its result (events arriving meanwhile are dropped)."""
        call_id = next(self._ids)
        await self._ws.send(json.dumps({"id": call_id, "method": method, "params": params}))
        while True:
            message = json.loads(await self._ws.recv())
            if message.get("id") == call_id:
                if "error" in message:
                    raise BrowserError(f"{method}: {message['error']}")
                result: dict[str, Any] = message["result"]
                return result

    async def eval(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page (a promise is awaited)."""
        reply = await self.send(
            "Runtime.evaluate", expression=expression, awaitPromise=True, returnByValue=True
        )
        if "exceptionDetails" in reply:
            raise BrowserError(f"{expression}: {reply['exceptionDetails']}")
        return reply["result"].get("value")

    async def wait_for(self, condition: str, timeout_s: float = 15) -> Any:
        """Poll a JavaScript condition until it is truthy; its value. A condition that throws
        (the page is still loading, an element is not there yet) is not true yet."""
        give_up = time.monotonic() + timeout_s
        last_error = ""
        while True:
            try:
                if value := await self.eval(condition):
                    return value
            except BrowserError as exc:
                last_error = f" (last error: {exc})"
            if time.monotonic() > give_up:
                raise AssertionError(f"not true after {timeout_s} s: {condition}{last_error}")
            await asyncio.sleep(0.1)

    async def text(self, element_id: str) -> str:
        return str(
            await self.eval(f"document.getElementById({json.dumps(element_id)}).textContent")
        )

    async def click(self, element_id: str) -> None:
        await self.eval(f"document.getElementById({json.dumps(element_id)}).click()")

    async def type(self, element_id: str, value: str) -> None:
        """Set an input's value as typing would (an input event follows)."""
        target = f"document.getElementById({json.dumps(element_id)})"
        await self.eval(
            f"{target}.value = {json.dumps(value)};"
            f"{target}.dispatchEvent(new Event('input', {{bubbles: true}}))"
        )


class Browser:
    def __init__(self, process: asyncio.subprocess.Process, port: int) -> None:
        self._process = process
        self._port = port

    @classmethod
    @asynccontextmanager
    async def launch(cls, timeout_s: float = 30) -> AsyncIterator[Browser]:
        """A headless Chromium with a fresh profile, stopped when the block ends."""
        binary = await asyncio.to_thread(chromium_binary)
        # Chromium's helper processes may still write the profile as it is removed.
        with tempfile.TemporaryDirectory(
            prefix="livebid-chromium-", ignore_cleanup_errors=True
        ) as profile:
            process = await asyncio.create_subprocess_exec(
                binary,
                "--headless",
                "--no-sandbox",  # tests may run as root, where the sandbox cannot start
                "--disable-gpu",
                "--no-first-run",
                "--remote-debugging-port=0",  # the browser picks a port and writes it down
                f"--user-data-dir={profile}",
                "about:blank",
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,  # its own process group: its helpers end with it
            )
            try:
                port = await _debugging_port(Path(profile), process, timeout_s)
                yield cls(process, port)
            finally:
                await _stop(process)

    @asynccontextmanager
    async def open(self, url: str) -> AsyncIterator[Page]:
        """A new tab at `url`, closed when the block ends."""
        request = urllib.request.Request(f"http://127.0.0.1:{self._port}/json/new", method="PUT")
        target = json.loads(await asyncio.to_thread(_read, request))
        async with connect(target["webSocketDebuggerUrl"], max_size=None) as ws:
            page = Page(ws)
            await page.send("Page.navigate", url=url)
            yield page


def _read(request: urllib.request.Request) -> bytes:
    with urllib.request.urlopen(request, timeout=10) as response:
        body: bytes = response.read()
        return body


async def _debugging_port(
    profile: Path, process: asyncio.subprocess.Process, timeout_s: float
) -> int:
    marker = profile / "DevToolsActivePort"
    give_up = time.monotonic() + timeout_s
    while time.monotonic() < give_up:
        if process.returncode is not None:
            raise BrowserError(f"chromium exited with {process.returncode}")
        if marker.exists() and (lines := marker.read_text().split()):
            return int(lines[0])
        await asyncio.sleep(0.1)
    raise BrowserError(f"chromium wrote no debugging port in {timeout_s} s")


async def _stop(process: asyncio.subprocess.Process) -> None:
    """End the browser and every helper it started (they share its process group)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        await asyncio.wait_for(process.wait(), 10)
    except TimeoutError:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        await process.wait()
